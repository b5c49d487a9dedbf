// genesyscloud_routing_queue: the queue itself, its members (ring numbers, joined) and its wrap-up codes.
import type { FastifyInstance } from 'fastify';
import { badRequest, conflict, notFound } from '../errors.ts';
import { nameMatches, page, pageParams } from '../paging.ts';
import { newId, nowIso, type Json, type QueueMember } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { QUEUES, USERS } from '../paths.ts';
import { divisionRef } from './divisions.ts';
import { byName, arrayBody, found, jsonBody, ref, requiredString, type Params, type Query } from './util.ts';

const MEDIA = ['call', 'callback', 'chat', 'email', 'message'] as const;
/** Genesys fills every media type; the provider dereferences these three fields of each block it reads. */
const DEFAULT_MEDIA: Json = {
  alertingTimeoutSeconds: 8,
  serviceLevel: { percentage: 0.8, durationMs: 20000 },
  enableAutoAnswer: false,
};

/** The rules the admin UI enforces and the API answers 400 for; messages say which value and why. */
function validateQueue(body: Json): void {
  const media = (body.mediaSettings ?? {}) as Record<string, Json>;
  for (const [type, settings] of Object.entries(media)) {
    const alerting = settings.alertingTimeoutSeconds;
    if (typeof alerting === 'number' && alerting < 7) {
      throw badRequest(
        `mediaSettings.${type}.alertingTimeoutSeconds must be at least 7; got ${alerting}.`,
        `mediaSettings.${type}.alertingTimeoutSeconds`,
      );
    }
    const level = (settings.serviceLevel ?? {}) as Json;
    if (typeof level.percentage === 'number' && (level.percentage < 0 || level.percentage > 1)) {
      throw badRequest(
        `mediaSettings.${type}.serviceLevel.percentage must be between 0 and 1; got ${level.percentage}.`,
        `mediaSettings.${type}.serviceLevel.percentage`,
      );
    }
    if (typeof level.durationMs === 'number' && level.durationMs < 1000) {
      throw badRequest(
        `mediaSettings.${type}.serviceLevel.durationMs must be at least 1000; got ${level.durationMs}.`,
        `mediaSettings.${type}.serviceLevel.durationMs`,
      );
    }
  }
  const rings = ((body.bullseye as Json | undefined)?.rings ?? []) as unknown[];
  if (rings.length > 6)
    throw badRequest(`bullseye.rings allows at most 6 rings; got ${rings.length}.`, 'bullseye.rings');
}

export function registerQueues(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  const queue = (id: string | undefined) => found(state().queues[id!], `Queue ${id}`);
  const assertUniqueName = (name: string, exceptId?: string) => {
    if (
      Object.values(state().queues).some(
        (q) => q.id !== exceptId && String(q.name).toLowerCase() === name.toLowerCase(),
      )
    ) {
      throw conflict(`A queue named '${name}' already exists.`);
    }
  };
  const withCounts = (q: Json): Json => {
    const members = state().queueMembers[String(q.id)] ?? [];
    return {
      ...q,
      memberCount: members.length,
      userMemberCount: members.length,
      joinedMemberCount: members.filter((m) => m.joined).length,
    };
  };
  const configurable = (body: Json, existing?: Json): Json => {
    validateQueue(body);
    const mediaSettings: Record<string, Json> = {};
    const sent = (body.mediaSettings ?? {}) as Record<string, Json>;
    for (const type of MEDIA)
      mediaSettings[type] = {
        ...DEFAULT_MEDIA,
        ...(existing?.mediaSettings as Record<string, Json> | undefined)?.[type],
        ...sent[type],
      };
    const { division, ...rest } = body;
    return {
      ...rest,
      mediaSettings,
      division: divisionRef(
        ctx,
        ((division as Json | undefined)?.id as string | undefined) ??
          ((existing?.division as Json | undefined)?.id as string | undefined),
      ),
    };
  };

  // The provider requires exactly 200 here (201 fails its create).
  app.post(QUEUES, async (request) => {
    const body = jsonBody(request.body);
    const name = requiredString(body, 'name');
    assertUniqueName(name);
    const id = newId();
    const q: Json = { ...configurable(body), id, name, dateCreated: nowIso(), selfUri: `${QUEUES}/${id}` };
    state().queues[id] = q;
    state().queueMembers[id] = [];
    state().queueWrapupcodes[id] = [];
    ctx.store.changed();
    return withCounts(q);
  });

  app.get(`${QUEUES}/:id`, async (request) => withCounts(queue((request.params as Params).id)));

  app.put(`${QUEUES}/:id`, async (request) => {
    const { id } = request.params as Params;
    const existing = queue(id);
    const body = jsonBody(request.body);
    const name = requiredString(body, 'name');
    assertUniqueName(name, id);
    const q: Json = {
      ...configurable(body, existing),
      id,
      name,
      dateCreated: existing.dateCreated,
      dateModified: nowIso(),
      selfUri: existing.selfUri,
    };
    state().queues[id!] = q;
    ctx.store.changed();
    return withCounts(q);
  });

  app.delete(`${QUEUES}/:id`, async (request, reply) => {
    const { id } = request.params as Params;
    queue(id);
    if ((state().queueMembers[id!]?.length ?? 0) > 0 && (request.query as Query).forceDelete !== 'true') {
      throw badRequest('The queue still has members; remove them or delete with forceDelete=true.');
    }
    delete state().queues[id!];
    delete state().queueMembers[id!];
    delete state().queueWrapupcodes[id!];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get(QUEUES, async (request) => {
    const query = request.query as Query;
    const list = byName(
      Object.values(state().queues)
        .filter((q) => nameMatches(String(q.name), query.name))
        .filter((q) => query.hasPeer === undefined || String(Boolean(q.peerId)) === query.hasPeer),
    ).map(withCounts);
    return page(list, query, QUEUES);
  });

  // Members. The provider reads pages until one is empty, so pages past the end are empty, never repeated.
  app.get(`${QUEUES}/:id/members`, async (request) => {
    const { id } = request.params as Params;
    queue(id);
    const query = request.query as Query;
    const users = state().users;
    const members = query.memberBy === 'group' ? [] : (state().queueMembers[id!] ?? []);
    const { pageSize, pageNumber } = pageParams(query, 25, 100);
    const entities = members
      .filter((m) => nameMatches(String(users[m.id]?.name ?? ''), query.name))
      .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
      .map((m) => {
        const user = users[m.id];
        return {
          id: m.id,
          name: user?.name,
          user: ref(m.id, `${USERS}/${m.id}`, user?.name as string | undefined),
          ringNumber: m.ringNumber,
          joined: m.joined,
          memberBy: 'user',
          routingStatus: { status: 'OFF_QUEUE' },
          selfUri: `${QUEUES}/${id}/members/${m.id}`,
        };
      });
    return { entities, pageSize, pageNumber, selfUri: `${QUEUES}/${id}/members?pageNumber=${pageNumber}` };
  });

  // Bulk add (delete=false) or remove (delete=true), at most 100 users a call.
  app.post(`${QUEUES}/:id/members`, async (request, reply) => {
    const { id } = request.params as Params;
    queue(id);
    const remove = (request.query as Query).delete === 'true';
    const members = state().queueMembers[id!]!;
    for (const entry of arrayBody(request.body, 100)) {
      const userId = String((entry as Json).id ?? '');
      if (remove) {
        const index = members.findIndex((m) => m.id === userId);
        if (index >= 0) members.splice(index, 1);
        continue;
      }
      const user = state().users[userId];
      if (!user || user.state === 'deleted') throw badRequest(`User ${userId} does not exist.`, 'id');
      if (!members.some((m) => m.id === userId)) members.push({ id: userId, ringNumber: 1, joined: false });
    }
    ctx.store.changed();
    return reply.code(200).send({});
  });

  // Join/unjoin up to 100 members.
  app.patch(`${QUEUES}/:id/members`, async (request) => {
    const { id } = request.params as Params;
    queue(id);
    const members = state().queueMembers[id!]!;
    for (const entry of arrayBody(request.body, 100) as Json[]) {
      const member = members.find((m) => m.id === entry.id);
      if (!member) throw notFound(`User ${String(entry.id)} is not a member of queue ${id}.`);
      if (typeof entry.joined === 'boolean') member.joined = entry.joined;
    }
    ctx.store.changed();
    return { entities: members };
  });

  app.patch(`${QUEUES}/:id/members/:userId`, async (request, reply) => {
    const { id, userId } = request.params as Params;
    queue(id);
    const member: QueueMember | undefined = state().queueMembers[id!]!.find((m) => m.id === userId);
    if (!member) throw notFound(`User ${userId} is not a member of queue ${id}.`);
    const body = jsonBody(request.body);
    if (body.ringNumber !== undefined) {
      const ring = Number(body.ringNumber);
      if (!Number.isInteger(ring) || ring < 1 || ring > 6)
        throw badRequest(
          `ringNumber must be an integer from 1 to 6; got ${String(body.ringNumber)}.`,
          'ringNumber',
        );
      member.ringNumber = ring;
    }
    if (typeof body.joined === 'boolean') member.joined = body.joined;
    ctx.store.changed();
    return reply.code(202).send({});
  });

  // Wrap-up codes of the queue.
  app.get(`${QUEUES}/:id/wrapupcodes`, async (request) => {
    const { id } = request.params as Params;
    queue(id);
    const codes = (state().queueWrapupcodes[id!] ?? [])
      .map((c) => state().wrapupcodes[c])
      .filter((c): c is Json => !!c);
    return page(codes, request.query as Query, `${QUEUES}/${id}/wrapupcodes`);
  });

  app.post(`${QUEUES}/:id/wrapupcodes`, async (request) => {
    const { id } = request.params as Params;
    queue(id);
    const list = state().queueWrapupcodes[id!]!;
    const added: Json[] = [];
    for (const entry of arrayBody(request.body, 100) as Json[]) {
      const code = state().wrapupcodes[String(entry.id)];
      if (!code) throw badRequest(`Wrap-up code ${String(entry.id)} does not exist.`, 'id');
      if (!list.includes(String(code.id))) list.push(String(code.id));
      added.push(code);
    }
    ctx.store.changed();
    return added;
  });

  app.delete(`${QUEUES}/:id/wrapupcodes/:codeId`, async (request, reply) => {
    const { id, codeId } = request.params as Params;
    queue(id);
    const list = state().queueWrapupcodes[id!]!;
    if (!list.includes(codeId!)) throw notFound(`Wrap-up code ${codeId} is not on queue ${id}.`);
    list.splice(list.indexOf(codeId!), 1);
    ctx.store.changed();
    return reply.code(204).send();
  });
}
