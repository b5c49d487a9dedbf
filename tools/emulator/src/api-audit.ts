// Audits every change made through the Platform API, as the real org does: the provider's creates, updates and
// deletes are filed under the OAuth client whose token made them. Hooks around the write routes snapshot the
// object before the handler and after it, and record what differs (audit-trail.ts); a route that changed
// nothing records nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AUDITED_KINDS, propertyChanges, recordAudit, type AuditActor } from './audit-trail.ts';
import type { EmulatorContext } from './context.ts';
import { tokenLabel } from './metrics.ts';
import {
  DIVISION,
  DIVISIONS,
  FLOW,
  FLOW_JOBS,
  LANGUAGE,
  LANGUAGES,
  QUEUE,
  QUEUE_MEMBER,
  QUEUE_MEMBERS,
  QUEUE_WRAPUPCODE,
  QUEUE_WRAPUPCODES,
  QUEUES,
  ROLE,
  ROLES,
  SKILL,
  SKILLS,
  SUBJECT_BULKADD,
  SUBJECT_BULKREMOVE,
  SUBJECT_BULKREPLACE,
  SUBJECT_GRANT,
  UPLOAD,
  USER,
  USER_PROFILESKILLS,
  USER_ROUTINGLANGUAGE,
  USER_ROUTINGLANGUAGES_BULK,
  USER_ROUTINGSKILL,
  USER_ROUTINGSKILLS_BULK,
  USER_UTILIZATION,
  USERS,
  VOICEMAIL_POLICY,
  WRAPUPCODE,
  WRAPUPCODES,
} from './paths.ts';
import type { Grant } from './model/authorization.ts';
import type { OrgState } from './state.ts';

type Action = string | ((request: FastifyRequest) => string);

interface AuditedRoute {
  /** A kind of AUDITED_KINDS, or `grants` (a user's role grants, filed under each role). */
  kind: string;
  action: Action;
}

const route = (kind: string, action: Action): AuditedRoute => ({ kind, action });

/** The write routes, by `METHOD pattern`. Creates find their new id in the answer. */
const AUDITED_ROUTES: Record<string, AuditedRoute> = {
  [`POST ${QUEUES}`]: route('queues', 'Create'),
  [`PUT ${QUEUE}`]: route('queues', 'Update'),
  [`DELETE ${QUEUE}`]: route('queues', 'Delete'),
  [`POST ${QUEUE_MEMBERS}`]: route('queues', (r) =>
    (r.query as Record<string, string | undefined>).delete === 'true' ? 'MemberRemove' : 'MemberAdd',
  ),
  [`PATCH ${QUEUE_MEMBERS}`]: route('queues', 'MemberUpdate'),
  [`PATCH ${QUEUE_MEMBER}`]: route('queues', 'MemberUpdate'),
  [`POST ${QUEUE_WRAPUPCODES}`]: route('queues', 'WrapupCodeAdd'),
  [`DELETE ${QUEUE_WRAPUPCODE}`]: route('queues', 'WrapupCodeRemove'),
  [`POST ${USERS}`]: route('users', 'Create'),
  [`PATCH ${USER}`]: route('users', 'Update'),
  [`DELETE ${USER}`]: route('users', 'Delete'),
  [`PUT ${USER_PROFILESKILLS}`]: route('users', 'Update'),
  [`PATCH ${USER_ROUTINGSKILLS_BULK}`]: route('users', 'Update'),
  [`PUT ${USER_ROUTINGSKILLS_BULK}`]: route('users', 'Update'),
  [`DELETE ${USER_ROUTINGSKILL}`]: route('users', 'Update'),
  [`PATCH ${USER_ROUTINGLANGUAGES_BULK}`]: route('users', 'Update'),
  [`PUT ${USER_ROUTINGLANGUAGES_BULK}`]: route('users', 'Update'),
  [`DELETE ${USER_ROUTINGLANGUAGE}`]: route('users', 'Update'),
  [`PUT ${USER_UTILIZATION}`]: route('users', 'Update'),
  [`DELETE ${USER_UTILIZATION}`]: route('users', 'Update'),
  [`PATCH ${VOICEMAIL_POLICY}`]: route('users', 'Update'),
  [`POST ${ROLES}`]: route('roles', 'Create'),
  [`PUT ${ROLE}`]: route('roles', 'Update'),
  [`DELETE ${ROLE}`]: route('roles', 'Delete'),
  [`POST ${SUBJECT_BULKADD}`]: route('grants', 'MemberAdd'),
  [`POST ${SUBJECT_BULKREPLACE}`]: route('grants', 'MemberUpdate'),
  [`POST ${SUBJECT_BULKREMOVE}`]: route('grants', 'MemberRemove'),
  [`DELETE ${SUBJECT_GRANT}`]: route('grants', 'MemberRemove'),
  [`POST ${SKILLS}`]: route('skills', 'Create'),
  [`DELETE ${SKILL}`]: route('skills', 'Delete'),
  [`POST ${LANGUAGES}`]: route('languages', 'Create'),
  [`DELETE ${LANGUAGE}`]: route('languages', 'Delete'),
  [`POST ${WRAPUPCODES}`]: route('wrapupcodes', 'Create'),
  [`PUT ${WRAPUPCODE}`]: route('wrapupcodes', 'Update'),
  [`DELETE ${WRAPUPCODE}`]: route('wrapupcodes', 'Delete'),
  [`POST ${DIVISIONS}`]: route('divisions', 'Create'),
  [`PUT ${DIVISION}`]: route('divisions', 'Update'),
  [`DELETE ${DIVISION}`]: route('divisions', 'Delete'),
  [`DELETE ${FLOW}`]: route('flows', 'Delete'),
};

interface Pending {
  spec: AuditedRoute;
  id?: string;
  before: unknown;
  actor: AuditActor;
}

declare module 'fastify' {
  interface FastifyRequest {
    auditPending?: Pending;
  }
}

const grantsOf = (state: OrgState, userId: string): Grant[] => structuredClone(state.grants[userId] ?? []);

function idFromAnswer(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export function registerApiAudit(app: FastifyInstance, ctx: EmulatorContext): void {
  /** Flow jobs by id → the client that created them: the presigned upload carries no token. */
  const jobClients = new Map<string, AuditActor>();
  const actorOf = (request: FastifyRequest): AuditActor => ({
    client: { id: request.bearer ? (ctx.tokenClients.get(tokenLabel(request.bearer)) ?? '') : '' },
  });

  app.addHook('preHandler', async (request) => {
    const key = `${request.method} ${request.routeOptions.url ?? ''}`;
    const state = ctx.store.state;
    if (key === `PUT ${UPLOAD}`) {
      const jobId = (request.params as { jobId?: string }).jobId ?? '';
      request.auditPending = {
        spec: route('flows', 'Publish'),
        // Which flow the upload deploys is known only afterwards: keep every flow's published version.
        before: Object.fromEntries(Object.values(state.flows).map((f) => [f.id, structuredClone(f)])),
        actor: jobClients.get(jobId) ?? { client: { id: '' } },
        id: jobId,
      };
      return;
    }
    if (key === `POST ${FLOW_JOBS}`) {
      request.auditPending = {
        spec: route('flowjobs', 'Create'),
        before: undefined,
        actor: actorOf(request),
      };
      return;
    }
    const spec = AUDITED_ROUTES[key];
    if (!spec) return;
    const id = (request.params as { id?: string }).id;
    const before =
      id === undefined
        ? undefined
        : spec.kind === 'grants'
          ? grantsOf(state, id)
          : structuredClone(AUDITED_KINDS[spec.kind]!.snapshot(state, id));
    request.auditPending = { spec, id, before, actor: actorOf(request) };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.auditPending;
    if (!pending || reply.statusCode >= 300) return payload;
    const state = ctx.store.state;
    const remoteIp = request.ip;
    const { spec, actor } = pending;
    if (spec.kind === 'flowjobs') {
      const jobId = idFromAnswer(payload);
      if (jobId) jobClients.set(jobId, actor);
    } else if (spec.kind === 'flows' && spec.action === 'Publish') {
      const flowId = state.flowJobs[pending.id ?? '']?.flow?.id;
      const previous = flowId ? (pending.before as Record<string, unknown>)[flowId] : undefined;
      if (flowId)
        recordAudit(state, {
          kind: 'flows',
          id: flowId,
          action: previous ? 'Publish' : 'Create',
          actor,
          before: previous,
          after: structuredClone(state.flows[flowId]),
          remoteIp,
        });
    } else if (spec.kind === 'grants') {
      recordGrants(state, pending.id!, pending.before as Grant[], actor, remoteIp);
    } else {
      const id = pending.id ?? idFromAnswer(payload);
      if (id) {
        const action = typeof spec.action === 'string' ? spec.action : spec.action(request);
        recordAudit(state, {
          kind: spec.kind,
          id,
          action,
          actor,
          before: pending.before,
          after: structuredClone(AUDITED_KINDS[spec.kind]!.snapshot(state, id)),
          remoteIp,
        });
      }
    }
    ctx.store.changed();
    return payload;
  });
}

/**
 * Grants are filed under the role granted or taken away, the entity named `<userId>--<roleId>--<orgId>` as
 * real grant messages are; one message per role.
 */
function recordGrants(
  state: OrgState,
  userId: string,
  before: Grant[],
  actor: AuditActor,
  remoteIp: string,
): void {
  const after = state.grants[userId] ?? [];
  const divisions = (grants: Grant[], roleId: string) =>
    grants
      .filter((g) => g.roleId === roleId)
      .map((g) => g.divisionId)
      .sort();
  const roles = new Set([...before, ...after].map((g) => g.roleId));
  for (const roleId of roles) {
    const was = divisions(before, roleId);
    const now = divisions(after, roleId);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const action = was.length === 0 ? 'MemberAdd' : now.length === 0 ? 'MemberRemove' : 'MemberUpdate';
    recordAudit(state, {
      kind: 'roles',
      id: roleId,
      action,
      actor,
      before: was,
      after: now,
      remoteIp,
      entity: {
        id: roleId,
        name: `${userId}--${roleId}--${state.org.id}`,
        selfUri: `${ROLES}/${roleId}`,
      },
      propertyChanges: propertyChanges({ divisionIds: was }, { divisionIds: now }),
    });
  }
}
