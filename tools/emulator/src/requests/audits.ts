// Checks for the audit query bodies (AuditQueryRequest, AuditRealtimeQueryRequest).
import { arrayOf, body, number, objectOf, requiredText, string } from '../check.ts';
import type {
  AuditQueryFilter,
  AuditQueryRequest,
  AuditQuerySort,
  AuditRealtimeQueryRequest,
} from '../model/audit.ts';

const filter = objectOf<AuditQueryFilter>({ property: requiredText, value: requiredText });
const sort = objectOf<AuditQuerySort>({ name: requiredText, sortOrder: requiredText });

export const auditQueryRequest = body<AuditQueryRequest>({
  interval: requiredText,
  serviceName: string,
  filters: arrayOf(filter),
  sort: arrayOf(sort),
});

export const auditRealtimeQueryRequest = body<AuditRealtimeQueryRequest>({
  interval: requiredText,
  serviceName: string,
  filters: arrayOf(filter),
  sort: arrayOf(sort),
  pageNumber: number,
  pageSize: number,
});
