// Test-only routes under /__admin (no Genesys equivalent): out-of-band changes as a supervisor would make them
// in the admin UI (audited as that person, served by the audit query routes), counters, fault injection,
// rate-limit settings and reset.
import type { FastifyInstance } from 'fastify';
import { isJsonObject } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import { AUDITED_KINDS, personActor, recordAudit } from '../audit-trail.ts';
import type { JsonObject } from '../model/common.ts';
import { nameMatches } from '../paging.ts';
import {
  ADMIN_FAULTS,
  ADMIN_METRICS,
  ADMIN_METRICS_RESET,
  ADMIN_OBJECT,
  ADMIN_OBJECTS,
  ADMIN_RATE_LIMITS,
  ADMIN_REQUESTS_RECENT,
  ADMIN_RESET,
} from '../paths.ts';
import { RateLimits } from '../rate-limit.ts';
import { changeRequest, faultsRequest, rateLimitsRequest } from '../requests/admin.ts';
import type { OrgState } from '../state.ts';
import type { On } from './util.ts';

/** What every editable object has. */
interface Editable {
  id: string;
  name: string;
}

/** The collections a supervisor can edit, by the names the admin routes and CLI use. */
const KINDS: Record<string, (state: OrgState) => Record<string, Editable>> = {
  queues: (state) => state.queues,
  skills: (state) => state.skills,
  wrapupcodes: (state) => state.wrapupcodes,
  users: (state) => state.users,
  roles: (state) => state.roles,
  divisions: (state) => state.divisions,
  flows: (state) => state.flows,
};

function collection(ctx: EmulatorContext, kind: string): Record<string, Editable> {
  const objects = KINDS[kind];
  if (!objects)
    throw badRequest(`Unknown object kind '${kind}'; use one of ${Object.keys(KINDS).join(', ')}.`, 'kind');
  return objects(ctx.store.state);
}

/**
 * The object as a JSON tree. A supervisor can set any field path to any JSON value, as in the admin UI: the edit
 * happens outside the object's type on purpose, and the emulator then serves whatever the object holds.
 */
function asJsonTree(object: Editable): JsonObject {
  return object as unknown as JsonObject;
}

/** What a field path goes through: an object by key, or an array by index ("addresses.0.address"). */
function isContainer(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}

/** Sets the value at the path, making objects where the path has none; a path through a value is a 400. */
function setPath(object: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  let cursor = object;
  for (const key of keys.slice(0, -1)) {
    const next = (cursor[key] ??= {});
    if (!isContainer(next))
      throw badRequest(`${path} goes through ${key}, which holds a value.`, `changes.${path}`);
    cursor = next;
  }
  cursor[keys.at(-1)!] = value;
}

export function registerAdmin(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<On<'kind'>>(ADMIN_OBJECTS, async (request) =>
    Object.values(collection(ctx, request.params.kind)).filter((o) =>
      nameMatches(o.name, request.query.name),
    ),
  );

  app.patch<On<'kind' | 'id'>>(ADMIN_OBJECT, async (request) => {
    const { kind, id } = request.params;
    const object = collection(ctx, kind)[id];
    if (!object) throw notFound(`${kind} ${id} was not found.`);
    const { actor, changes } = changeRequest(request.body);
    if (!isJsonObject(changes) || Object.keys(changes).length === 0) {
      throw badRequest(
        'changes must be an object of "field.path": newValue with at least one entry.',
        'changes',
      );
    }
    const tree = asJsonTree(object);
    const state = ctx.store.state;
    const before = structuredClone(AUDITED_KINDS[kind]!.snapshot(state, id));
    for (const [path, to] of Object.entries(changes)) {
      if (path === 'id') throw badRequest('id cannot be changed.', 'changes.id');
      setPath(tree, path, to);
    }
    if (typeof tree.version === 'number') tree.version += 1;
    const flow = kind === 'flows' ? state.flows[id] : undefined;
    if (flow) {
      // An edit published from Architect: a new version the provider's file hash cannot see.
      const next = String(Number(flow.publishedVersion.id) + 1);
      flow.publishedVersion = { id: next, name: next };
    }
    const audit = recordAudit(state, {
      kind,
      id,
      action: 'Update',
      actor: personActor(state, typeof actor === 'string' && actor.trim() ? actor : 'admin-ui'),
      before,
      after: structuredClone(AUDITED_KINDS[kind]!.snapshot(state, id)),
      remoteIp: request.ip,
    });
    ctx.store.changed();
    return { object, audit: audit ?? null };
  });

  app.get(ADMIN_METRICS, async () => ctx.metrics.snapshot());
  app.get(ADMIN_REQUESTS_RECENT, async () => ctx.metrics.recent());
  app.post(ADMIN_METRICS_RESET, async () => {
    ctx.metrics.reset();
    return ctx.metrics.snapshot();
  });

  app.get(ADMIN_FAULTS, async () => ({ rules: ctx.faults.list() }));
  app.put(ADMIN_FAULTS, async (request) => {
    const { rules, seed } = faultsRequest(request.body);
    ctx.faults.set(rules, seed);
    return { rules: ctx.faults.list() };
  });

  app.get(ADMIN_RATE_LIMITS, async () => ({ ...ctx.limits.settings, usage: ctx.limits.usage() }));
  app.put(ADMIN_RATE_LIMITS, async (request) => {
    ctx.limits = new RateLimits(rateLimitsRequest(request.body));
    return ctx.limits.settings;
  });

  app.post(ADMIN_RESET, async () => {
    ctx.store.reset();
    ctx.metrics.reset();
    ctx.faults.set([]);
    return { reset: true };
  });
}
