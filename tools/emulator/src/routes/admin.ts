// Test-only routes under /__admin (no Genesys equivalent): out-of-band changes as a supervisor would make them
// in the admin UI (recorded in an audit log), counters, fault injection, rate-limit settings and reset.
import type { FastifyInstance } from 'fastify';
import { badRequest, notFound } from '../errors.ts';
import type { FaultRule } from '../faults.ts';
import { nameMatches } from '../paging.ts';
import { RateLimits, type RateLimitOptions } from '../rate-limit.ts';
import { nowIso, type Json, type OrgState } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { ADMIN } from '../paths.ts';
import { jsonBody, type Params, type Query } from './util.ts';

/** The collections a supervisor can edit, by the names the admin routes and CLI use. */
const KINDS: Record<string, keyof OrgState> = {
  queues: 'queues',
  skills: 'skills',
  wrapupcodes: 'wrapupcodes',
  users: 'users',
  roles: 'roles',
  divisions: 'divisions',
  flows: 'flows',
};

function collection(ctx: EmulatorContext, kind: string | undefined): Record<string, Json> {
  const key = KINDS[kind ?? ''];
  if (!key)
    throw badRequest(`Unknown object kind '${kind}'; use one of ${Object.keys(KINDS).join(', ')}.`, 'kind');
  return ctx.store.state[key] as Record<string, Json>;
}

function getPath(object: Json, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Json)[key] : undefined),
      object,
    );
}

function setPath(object: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let cursor = object;
  for (const key of keys.slice(0, -1)) cursor = (cursor[key] ??= {}) as Json;
  cursor[keys.at(-1)!] = value;
}

export function registerAdmin(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(`${ADMIN}/objects/:kind`, async (request) => {
    const query = request.query as Query;
    return Object.values(collection(ctx, (request.params as Params).kind)).filter((o) =>
      nameMatches(String(o.name ?? ''), query.name),
    );
  });

  // A supervisor's change: {"actor": "jane.supervisor", "changes": {"mediaSettings.call.alertingTimeoutSeconds": 12}}
  app.patch(`${ADMIN}/objects/:kind/:id`, async (request) => {
    const { kind, id } = request.params as Params;
    const object = collection(ctx, kind)[id!];
    if (!object) throw notFound(`${kind} ${id} was not found.`);
    const body = jsonBody(request.body);
    const changes = body.changes;
    if (
      !changes ||
      typeof changes !== 'object' ||
      Array.isArray(changes) ||
      Object.keys(changes).length === 0
    ) {
      throw badRequest(
        'changes must be an object of "field.path": newValue with at least one entry.',
        'changes',
      );
    }
    const recorded: Record<string, { from: unknown; to: unknown }> = {};
    for (const [path, to] of Object.entries(changes as Json)) {
      if (path === 'id') throw badRequest('id cannot be changed.', 'changes.id');
      recorded[path] = { from: structuredClone(getPath(object, path)) ?? null, to };
      setPath(object, path, to);
    }
    if (typeof object.version === 'number') object.version += 1;
    if (kind === 'flows') {
      // An edit published from Architect: a new version the provider's file hash cannot see.
      const next = Number((object.publishedVersion as Json | undefined)?.id ?? 1) + 1;
      object.publishedVersion = { id: String(next), name: String(next) };
    }
    const entry = {
      at: nowIso(),
      actor: typeof body.actor === 'string' ? body.actor : 'admin-ui',
      kind: kind!,
      id: id!,
      name: object.name as string | undefined,
      changes: recorded,
    };
    ctx.store.state.audit.push(entry);
    ctx.store.changed();
    return { object, audit: entry };
  });

  app.get(`${ADMIN}/audit`, async (request) => {
    const query = request.query as Query;
    return ctx.store.state.audit.filter(
      (e) => (!query.kind || e.kind === query.kind) && (!query.since || e.at >= query.since),
    );
  });

  app.get(`${ADMIN}/metrics`, async () => ctx.metrics.snapshot());
  app.get(`${ADMIN}/requests/recent`, async () => ctx.metrics.recent());
  app.post(`${ADMIN}/metrics/reset`, async () => {
    ctx.metrics.reset();
    return ctx.metrics.snapshot();
  });

  app.get(`${ADMIN}/faults`, async () => ({ rules: ctx.faults.list() }));
  app.put(`${ADMIN}/faults`, async (request) => {
    const body = jsonBody(request.body);
    if (!Array.isArray(body.rules)) throw badRequest('rules must be an array of fault rules.', 'rules');
    ctx.faults.set(body.rules as FaultRule[], typeof body.seed === 'string' ? body.seed : undefined);
    return { rules: ctx.faults.list() };
  });

  app.get(`${ADMIN}/rate-limits`, async () => ctx.limits.settings);
  app.put(`${ADMIN}/rate-limits`, async (request) => {
    ctx.limits = new RateLimits(jsonBody(request.body) as RateLimitOptions);
    return ctx.limits.settings;
  });

  app.post(`${ADMIN}/reset`, async () => {
    ctx.store.reset();
    ctx.metrics.reset();
    ctx.faults.set([]);
    return { reset: true };
  });
}
