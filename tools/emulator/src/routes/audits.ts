// The Platform API's audit query over the org's audit log (AuditApi): an asynchronous query — POST a query,
// get a transaction, read its status, page its results with a cursor — and the realtime query, paged by page
// number. Both filter by interval, service, UserId/ClientId/Action/EntityType/EntityId and sort by Timestamp.
// The Go SDK always sends pageSize (0 when unset) and allowRedirect=false on the results route; 0 means 25.
import type { FastifyInstance } from 'fastify';
import { serviceMapping } from '../audit-trail.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import type { AuditLogMessage, AuditQueryExecution, AuditQueryRequest } from '../model/audit.ts';
import {
  AUDITS_QUERY,
  AUDITS_QUERY_REALTIME,
  AUDITS_QUERY_RESULTS,
  AUDITS_QUERY_TRANSACTION,
  AUDITS_REALTIME_SERVICEMAPPING,
  AUDITS_SERVICEMAPPING,
} from '../paths.ts';
import { auditQueryRequest, auditRealtimeQueryRequest } from '../requests/audits.ts';
import { newId, nowIso } from '../state.ts';
import type { On } from './util.ts';

const FILTER_PROPERTIES: Record<string, (m: AuditLogMessage) => string | undefined> = {
  UserId: (m) => m.user?.id,
  ClientId: (m) => m.client?.id,
  Action: (m) => m.action,
  EntityType: (m) => m.entityType,
  EntityId: (m) => m.entity.id,
  TrusteeOrganizationId: (m) => m.userHomeOrgId,
};

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 500;
/** "This endpoint will only retrieve 14 days worth of audits" (the realtime query's documentation). */
const REALTIME_DAYS = 14;
/** Transactions kept for their results; older ones answer 404, as expired ones do. */
const KEPT_TRANSACTIONS = 200;

/** Actions per entity type the servicemapping lists (the ones this org can record). */
const ACTIONS: Record<string, string[]> = {
  Queue: [
    'Create',
    'Update',
    'Delete',
    'MemberAdd',
    'MemberUpdate',
    'MemberRemove',
    'WrapupCodeAdd',
    'WrapupCodeRemove',
  ],
  Role: ['Create', 'Update', 'Delete', 'MemberAdd', 'MemberUpdate', 'MemberRemove'],
  Flow: ['Create', 'Update', 'Delete', 'Publish'],
};

function parseInterval(interval: string): { start: number; end: number } {
  const [from, to, extra] = interval.split('/');
  const start = Date.parse(from ?? '');
  const end = Date.parse(to ?? '');
  if (extra !== undefined || Number.isNaN(start) || Number.isNaN(end) || start >= end)
    throw badRequest(
      `interval must be two ISO-8601 date-times, start before end (YYYY-MM-DDThh:mm:ssZ/YYYY-MM-DDThh:mm:ssZ); got '${interval}'.`,
      'interval',
    );
  return { start, end };
}

/** The messages a query selects, in its order: its checks are those the real service answers 400 for. */
function select(log: AuditLogMessage[], query: AuditQueryRequest, known: Set<string>): AuditLogMessage[] {
  const { start, end } = parseInterval(query.interval);
  if (query.serviceName !== undefined && !known.has(query.serviceName))
    throw badRequest(
      `serviceName '${query.serviceName}' is not an audited service; see GET ${AUDITS_SERVICEMAPPING}.`,
      'serviceName',
    );
  const filters = query.filters ?? [];
  for (const f of filters)
    if (!FILTER_PROPERTIES[f.property])
      throw badRequest(
        `filters.property '${f.property}' is not one of ${Object.keys(FILTER_PROPERTIES).join(', ')}.`,
        'filters.property',
      );
  if (filters.some((f) => f.property === 'Action') && !filters.some((f) => f.property === 'EntityType'))
    throw badRequest('An Action filter needs an EntityType filter too.', 'filters');
  const sort = query.sort?.[0];
  if (sort && (sort.name !== 'Timestamp' || !['ascending', 'descending'].includes(sort.sortOrder)))
    throw badRequest('sort must be {name: "Timestamp", sortOrder: "ascending" | "descending"}.', 'sort');
  const selected = log.filter((m) => {
    const at = Date.parse(m.eventDate);
    return (
      at >= start &&
      at < end &&
      (query.serviceName === undefined || m.serviceName === query.serviceName) &&
      filters.every((f) => FILTER_PROPERTIES[f.property]!(m) === f.value)
    );
  });
  // The log is oldest first; newest first unless asked otherwise.
  return sort?.sortOrder === 'ascending' ? selected : [...selected].reverse();
}

/** A message as answered: the person's name only with expand=user. */
function answered(message: AuditLogMessage, expandUser: boolean): AuditLogMessage {
  if (!message.user || expandUser) return message;
  const { name: _name, ...user } = message.user;
  return { ...message, user };
}

const wantsUser = (expand: string | undefined) => (expand ?? '').split(',').includes('user');

function pageSizeOf(value: unknown, field: string): number {
  const size = value === undefined || value === '' ? 0 : Number(value);
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)
    throw badRequest(
      `${field} must be a whole number from 0 to ${MAX_PAGE_SIZE}; got ${String(value)}.`,
      field,
    );
  return size === 0 ? DEFAULT_PAGE_SIZE : size;
}

const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64url');

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const offset = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown })
      .offset;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // answered below
  }
  throw badRequest('cursor is not one this query returned.', 'cursor');
}

export function registerAudits(app: FastifyInstance, ctx: EmulatorContext): void {
  const transactions = new Map<string, { execution: AuditQueryExecution; results: AuditLogMessage[] }>();
  const mapping = () => serviceMapping(ACTIONS);
  const services = () => new Set(mapping().services.map((s) => s.name));

  app.post(AUDITS_QUERY, async (request) => {
    const query = auditQueryRequest(request.body);
    const results = select(ctx.store.state.audit, query, services());
    const execution: AuditQueryExecution = {
      id: newId(),
      state: 'Queued',
      startDate: nowIso(),
      interval: query.interval,
      ...(query.serviceName !== undefined ? { serviceName: query.serviceName } : {}),
      filters: query.filters ?? [],
      sort: query.sort ?? [],
    };
    transactions.set(execution.id, { execution: { ...execution, state: 'Succeeded' }, results });
    while (transactions.size > KEPT_TRANSACTIONS) transactions.delete(transactions.keys().next().value!);
    return execution;
  });

  const transaction = (id: string) => {
    const found = transactions.get(id);
    if (!found) throw notFound(`Audit query ${id} was not found.`);
    return found;
  };

  app.get(AUDITS_SERVICEMAPPING, async () => mapping());
  app.get(AUDITS_REALTIME_SERVICEMAPPING, async () => mapping());

  app.get<On<'transactionId'>>(
    AUDITS_QUERY_TRANSACTION,
    async (request) => transaction(request.params.transactionId).execution,
  );

  app.get<On<'transactionId'>>(AUDITS_QUERY_RESULTS, async (request) => {
    const { execution, results } = transaction(request.params.transactionId);
    const query = request.query;
    const pageSize = pageSizeOf(query.pageSize, 'pageSize');
    const offset = decodeCursor(query.cursor);
    const entities = results
      .slice(offset, offset + pageSize)
      .map((m) => answered(m, wantsUser(query.expand)));
    const next = offset + pageSize;
    return {
      id: execution.id,
      pageSize,
      ...(next < results.length ? { cursor: encodeCursor(next) } : {}),
      entities,
    };
  });

  app.post<On>(AUDITS_QUERY_REALTIME, async (request) => {
    const query = auditRealtimeQueryRequest(request.body);
    const horizon = Date.now() - REALTIME_DAYS * 86_400_000;
    const all = select(ctx.store.state.audit, query, services()).filter(
      (m) => Date.parse(m.eventDate) >= horizon,
    );
    const pageSize = pageSizeOf(query.pageSize, 'pageSize');
    const pageNumber = query.pageNumber ?? 1;
    if (!Number.isInteger(pageNumber) || pageNumber < 1)
      throw badRequest(`pageNumber must be a whole number from 1; got ${pageNumber}.`, 'pageNumber');
    return {
      entities: all
        .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
        .map((m) => answered(m, wantsUser(request.query.expand))),
      pageSize,
      pageNumber,
      total: all.length,
      pageCount: Math.ceil(all.length / pageSize),
    };
  });
}
