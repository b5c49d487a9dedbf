// The shape of `tofu show -json <plan>` (format_version 1.x), as far as cxops reads it. The same format is
// written by Terraform >= 1.x, so nothing here is OpenTofu-specific.

export type Action = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

/** A value mask as Terraform writes it: `true` for the whole value, or the same shape with booleans inside. */
export type Mask = boolean | Mask[] | { [key: string]: Mask };

export interface Change {
  actions: Action[];
  before: unknown;
  after: unknown;
  /** Which parts of `after` are known only after apply. Absent from `after` itself. */
  after_unknown?: Mask;
  before_sensitive?: Mask;
  after_sensitive?: Mask;
  replace_paths?: (string | number)[][];
  /** Set when an `import` block brings an existing object under this address (format 1.2+). */
  importing?: { id?: string };
}

export interface ResourceChange {
  address: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: string | number;
  provider_name?: string;
  previous_address?: string;
  change: Change;
  action_reason?: string;
}

export interface OutputChange extends Change {
  sensitive?: boolean;
}

export interface PlanJson {
  format_version: string;
  terraform_version?: string;
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, Change>;
  prior_state?: unknown;
  configuration?: unknown;
  planned_values?: unknown;
  variables?: Record<string, { value: unknown }>;
  errored?: boolean;
  applyable?: boolean;
}

/** The kind of change a reviewer reads: replace is a delete and a create of one object. */
/** `import`: an existing object brought under management and left as it is (an import that also changes it is
 * an update). */
export type ChangeKind = 'create' | 'update' | 'delete' | 'replace' | 'read' | 'no-op' | 'forget' | 'import';

export function changeKind(change: Change): ChangeKind {
  const actions = change.actions;
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  if (actions.length === 1 && actions[0] === 'no-op' && change.importing) return 'import';
  if (actions.length === 1) return actions[0] as ChangeKind;
  return 'update';
}
