// A queue's members: bulk add and remove, join and unjoin, ring numbers. The provider reads pages until one is
// empty, so pages past the end are empty, never repeated.
import type { FastifyInstance } from 'fastify';
import { arrayBody } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import { nameMatches, pageParams } from '../paging.ts';
import { QUEUE_MEMBER, QUEUE_MEMBERS, QUEUES, USERS } from '../paths.ts';
import { ref } from '../refs.ts';
import { idEntry } from '../requests/common.ts';
import { memberEntry, memberUpdate } from '../requests/routing.ts';
import { found, type On } from './util.ts';

export function registerQueueMembers(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  /** The members of an existing queue (404 for an unknown queue), to change. */
  const membersOf = (id: string) => {
    found(state().queues[id], `Queue ${id}`);
    return (state().queueMembers[id] ??= []);
  };

  app.get<On<'id'>>(QUEUE_MEMBERS, async (request) => {
    const { id } = request.params;
    const query = request.query;
    found(state().queues[id], `Queue ${id}`);
    const users = state().users;
    const members = query.memberBy === 'group' ? [] : (state().queueMembers[id] ?? []);
    const { pageSize, pageNumber } = pageParams(query, 25, 100);
    const entities = members
      .filter((m) => nameMatches(users[m.id]?.name ?? '', query.name))
      .slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
      .map((m) => {
        const name = users[m.id]?.name;
        return {
          id: m.id,
          name,
          user: ref(m.id, `${USERS}/${m.id}`, name),
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
  app.post<On<'id'>>(QUEUE_MEMBERS, async (request, reply) => {
    const members = membersOf(request.params.id);
    const remove = request.query.delete === 'true';
    for (const entry of arrayBody(request.body, idEntry, 100)) {
      const userId = entry.id ?? '';
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
  app.patch<On<'id'>>(QUEUE_MEMBERS, async (request) => {
    const { id } = request.params;
    const members = membersOf(id);
    for (const entry of arrayBody(request.body, memberEntry, 100)) {
      const member = members.find((m) => m.id === entry.id);
      if (!member) throw notFound(`User ${String(entry.id)} is not a member of queue ${id}.`);
      if (entry.joined !== undefined) member.joined = entry.joined;
    }
    ctx.store.changed();
    return { entities: members };
  });

  app.patch<On<'id' | 'userId'>>(QUEUE_MEMBER, async (request, reply) => {
    const { id, userId } = request.params;
    const member = membersOf(id).find((m) => m.id === userId);
    if (!member) throw notFound(`User ${userId} is not a member of queue ${id}.`);
    const { ringNumber, joined } = memberUpdate(request.body);
    if (ringNumber !== undefined) {
      // Read with Number(), as the emulator always did: "3" is ring 3.
      const ring = Number(ringNumber);
      if (!Number.isInteger(ring) || ring < 1 || ring > 6)
        throw badRequest(
          `ringNumber must be an integer from 1 to 6; got ${String(ringNumber)}.`,
          'ringNumber',
        );
      member.ringNumber = ring;
    }
    if (joined !== undefined) member.joined = joined;
    ctx.store.changed();
    return reply.code(202).send({});
  });
}
