// The audit log of out-of-band changes made through the admin routes (no Genesys equivalent).

export interface FieldChange {
  from: unknown;
  to: unknown;
}

export interface AuditEntry {
  at: string;
  actor: string;
  kind: string;
  id: string;
  name?: string;
  /** By field path ("acwSettings.timeoutMs"); values are whatever JSON the object held and was given. */
  changes: Record<string, FieldChange>;
}
