// What the emulated org audits, and how: every kind of object with the service and entity type the real audit
// service files it under, and the object as ONE JSON tree (its members, skills, settings… included), so a
// change made through any API route or through the admin UI is recorded the same way — as the properties that
// differ between the tree before and after. Who: a person (`user`, from the admin UI) or an OAuth client
// (`client`, from a client-credentials token), as the real messages tell them apart.
import { createHash } from 'node:crypto';
import type { AuditLogMessage, PropertyChange } from './model/audit.ts';
import {
  DIVISIONS,
  FLOWS,
  LANGUAGES,
  QUEUES,
  ROLES,
  SKILLS,
  USERS,
  WRAPUPCODES,
  pathTo,
  USER,
} from './paths.ts';
import { newId, nowIso, type OrgState } from './state.ts';

export interface AuditedKind {
  serviceName: string;
  entityType: string;
  /** Collection route; an object's selfUri is `<base>/<id>`. */
  base: string;
  /** The object with everything that hangs off it, or undefined when there is none. */
  snapshot: (state: OrgState, id: string) => unknown;
}

/**
 * Service and entity type per kind. Queue, User, Role and Flow are the pairs the real service uses (see
 * docs/emulator.md); WrapupCode, RoutingSkill, RoutingLanguage and Division are the emulator's best reading
 * of the current entity lists — read a real org's GET /api/v2/audits/query/servicemapping before relying on them.
 */
export const AUDITED_KINDS: Record<string, AuditedKind> = {
  queues: {
    serviceName: 'ContactCenter',
    entityType: 'Queue',
    base: QUEUES,
    snapshot: (s, id) =>
      s.queues[id] && {
        ...s.queues[id],
        members: s.queueMembers[id] ?? [],
        wrapupCodes: s.queueWrapupcodes[id] ?? [],
      },
  },
  users: {
    serviceName: 'Directory',
    entityType: 'User',
    base: USERS,
    snapshot: (s, id) =>
      s.users[id] && {
        ...s.users[id],
        skills: s.userSkills[id] ?? [],
        languages: s.userLanguages[id] ?? [],
        utilization: s.utilization[id] ?? null,
        voicemailPolicy: s.voicemailPolicies[id] ?? null,
      },
  },
  roles: {
    serviceName: 'PeoplePermissions',
    entityType: 'Role',
    base: ROLES,
    snapshot: (s, id) => s.roles[id],
  },
  skills: {
    serviceName: 'Routing',
    entityType: 'RoutingSkill',
    base: SKILLS,
    snapshot: (s, id) => s.skills[id],
  },
  languages: {
    serviceName: 'Routing',
    entityType: 'RoutingLanguage',
    base: LANGUAGES,
    snapshot: (s, id) => s.languages[id],
  },
  wrapupcodes: {
    serviceName: 'ContactCenter',
    entityType: 'WrapupCode',
    base: WRAPUPCODES,
    snapshot: (s, id) => s.wrapupcodes[id],
  },
  divisions: {
    serviceName: 'PeoplePermissions',
    entityType: 'Division',
    base: DIVISIONS,
    snapshot: (s, id) => s.divisions[id],
  },
  flows: { serviceName: 'Architect', entityType: 'Flow', base: FLOWS, snapshot: (s, id) => s.flows[id] },
};

/** Who made a change, as the message records it. */
export type AuditActor = { user: { id: string; name: string } } | { client: { id: string } };

/** Bookkeeping fields that move on every write: not a property anyone changed. */
const NOT_PROPERTIES = new Set(['version', 'dateModified', 'selfUri', 'dateCreated']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** A property's values as the API lists them: none for null, one per element for a list, else one. */
function values(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(text) : [text(value)];
}

/** The properties that differ between two trees, by dotted path; lists are compared (and listed) whole. */
export function propertyChanges(before: unknown, after: unknown, path = ''): PropertyChange[] {
  if (isObject(before) || isObject(after)) {
    const a = isObject(before) ? before : {};
    const b = isObject(after) ? after : {};
    return [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((key) => path !== '' || !NOT_PROPERTIES.has(key))
      .sort()
      .flatMap((key) => propertyChanges(a[key], b[key], path ? `${path}.${key}` : key));
  }
  if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
  return [{ property: path, oldValues: values(before), newValues: values(after) }];
}

/** A stable id for a person known only by name (the admin UI's actor), shaped like a Genesys user id. */
function personId(name: string): string {
  const hex = createHash('sha256').update(`person:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The person an admin-UI actor names: an org user with that email, username or name, else a stable id. */
export function personActor(state: OrgState, actor: string): AuditActor {
  const wanted = actor.toLowerCase();
  const user = Object.values(state.users).find((u) =>
    [u.email, u.username, u.name].some((v) => typeof v === 'string' && v.toLowerCase() === wanted),
  );
  return { user: { id: user?.id ?? personId(actor), name: user?.name ?? actor } };
}

export interface AuditRecord {
  kind: string;
  id: string;
  action: string;
  actor: AuditActor;
  before: unknown;
  after: unknown;
  remoteIp?: string;
  /** Overrides the entity (role grants are filed under the role, named user--role--org). */
  entity?: { id: string; name: string; selfUri: string };
  propertyChanges?: PropertyChange[];
}

/** Messages kept, oldest dropped first: a bound on the state file, far above any test's or demo's needs. */
const AUDIT_LOG_LIMIT = 20_000;

/** Appends the message to the org's audit log; nothing when nothing changed. */
export function recordAudit(state: OrgState, record: AuditRecord): AuditLogMessage | undefined {
  const kind = AUDITED_KINDS[record.kind];
  if (!kind) return undefined;
  const changes = record.propertyChanges ?? propertyChanges(record.before, record.after);
  if (changes.length === 0 && record.before !== undefined && record.after !== undefined) return undefined;
  const object = (isObject(record.after) ? record.after : isObject(record.before) ? record.before : {}) as {
    name?: unknown;
  };
  const transactionId = newId();
  const message: AuditLogMessage = {
    id: newId(),
    userHomeOrgId: state.org.id,
    ...('user' in record.actor
      ? {
          user: { ...record.actor.user, selfUri: pathTo(USER, { id: record.actor.user.id }) },
          client: { id: '' },
        }
      : {
          client: { id: record.actor.client.id, selfUri: `/api/v2/oauth/clients/${record.actor.client.id}` },
        }),
    remoteIp: [record.remoteIp ?? '127.0.0.1'],
    serviceName: kind.serviceName,
    level: 'USER',
    eventDate: nowIso(),
    action: record.action,
    entity: record.entity ?? {
      id: record.id,
      ...(typeof object.name === 'string' ? { name: object.name } : {}),
      selfUri: `${kind.base}/${record.id}`,
    },
    entityType: kind.entityType,
    status: 'SUCCESS',
    application: 'user' in record.actor ? 'admin-ui' : '',
    initiatingAction: { transactionId, actionContext: record.action },
    transactionInitiator: true,
    propertyChanges: changes,
    context: {},
    entityChanges: [],
  };
  state.audit.push(message);
  if (state.audit.length > AUDIT_LOG_LIMIT) state.audit.splice(0, state.audit.length - AUDIT_LOG_LIMIT);
  return message;
}

/** The catalogue GET /api/v2/audits/query/servicemapping answers: what this org audits. */
export function serviceMapping(actionsByType: Record<string, string[]>) {
  const services = new Map<string, { name: string; actions: string[] }[]>();
  for (const kind of Object.values(AUDITED_KINDS)) {
    const entities = services.get(kind.serviceName) ?? [];
    entities.push({
      name: kind.entityType,
      actions: actionsByType[kind.entityType] ?? ['Create', 'Update', 'Delete'],
    });
    services.set(kind.serviceName, entities);
  }
  return {
    services: [...services].map(([name, entities]) => ({ name, entities })),
  };
}

/** An entry of the admin-only log older emulators kept ({at, actor, kind, id, name, changes}). */
interface LegacyEntry {
  at: string;
  actor: string;
  kind: string;
  id: string;
  name?: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

function isLegacy(value: unknown): value is LegacyEntry {
  return isObject(value) && typeof value.actor === 'string' && typeof value.kind === 'string';
}

/** A saved audit log as messages: entries written by older emulators become a person's messages. */
export function loadedAuditLog(state: OrgState, saved: unknown): AuditLogMessage[] {
  if (!Array.isArray(saved)) return [];
  return saved.map((entry: unknown) => {
    if (!isLegacy(entry)) return entry as AuditLogMessage;
    const kind = AUDITED_KINDS[entry.kind];
    const message: AuditLogMessage = {
      id: newId(),
      userHomeOrgId: state.org.id,
      ...(() => {
        const actor = personActor(state, entry.actor) as { user: { id: string; name: string } };
        return {
          user: { ...actor.user, selfUri: pathTo(USER, { id: actor.user.id }) },
          client: { id: '' },
        };
      })(),
      remoteIp: ['127.0.0.1'],
      serviceName: kind?.serviceName ?? 'Unknown',
      level: 'USER',
      eventDate: entry.at,
      action: 'Update',
      entity: {
        id: entry.id,
        ...(entry.name ? { name: entry.name } : {}),
        selfUri: `${kind?.base ?? ''}/${entry.id}`,
      },
      entityType: kind?.entityType ?? entry.kind,
      status: 'SUCCESS',
      application: 'admin-ui',
      initiatingAction: { transactionId: newId(), actionContext: 'Update' },
      transactionInitiator: true,
      propertyChanges: Object.entries(entry.changes).map(([property, change]) => ({
        property,
        oldValues: values(change.from),
        newValues: values(change.to),
      })),
      context: {},
      entityChanges: [],
    };
    return message;
  });
}
