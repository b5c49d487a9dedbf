// The audit log and the Platform API's audit query, in the API's own shapes (Go SDK v188 models
// auditlogmessage.go, auditqueryrequest.go, auditqueryexecution*response.go, auditrealtimequery*.go).

export interface AuditEntityRef {
  id: string;
  name?: string;
  selfUri?: string;
}

export interface PropertyChange {
  property: string;
  oldValues: string[];
  newValues: string[];
}

/** One audited change. A person's change carries `user`; a client-credentials call carries `client` only. */
export interface AuditLogMessage {
  id: string;
  userHomeOrgId: string;
  /** The person, when a person made the change (`name` only with `expand=user`). */
  user?: AuditEntityRef;
  /** The OAuth client; `{id: ""}` on a person's change made in the UI, as the real API answers. */
  client?: { id: string; selfUri?: string };
  remoteIp: string[];
  serviceName: string;
  level: 'USER' | 'SYSTEM';
  /** UTC with a `Z`: the Go SDK reads any other offset as the zero time, silently. */
  eventDate: string;
  action: string;
  entity: AuditEntityRef;
  entityType: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING';
  application: string;
  initiatingAction: { transactionId: string; actionContext: string };
  transactionInitiator: boolean;
  propertyChanges: PropertyChange[];
  context: Record<string, string>;
  entityChanges: unknown[];
}

export interface AuditQueryFilter {
  property: string;
  value: string;
}

export interface AuditQuerySort {
  name: string;
  sortOrder: string;
}

export interface AuditQueryRequest {
  interval: string;
  serviceName?: string;
  filters?: AuditQueryFilter[];
  sort?: AuditQuerySort[];
}

export interface AuditRealtimeQueryRequest extends AuditQueryRequest {
  pageNumber?: number;
  pageSize?: number;
}

/** AuditQueryExecutionStatusResponse: what POST /audits/query and GET /audits/query/{id} answer. */
export interface AuditQueryExecution {
  id: string;
  state: 'Queued' | 'Running' | 'Succeeded' | 'Failed' | 'Cancelled';
  startDate: string;
  interval: string;
  serviceName?: string;
  filters: AuditQueryFilter[];
  sort: AuditQuerySort[];
}
