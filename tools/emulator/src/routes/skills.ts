// genesyscloud_routing_skill (and the routing languages users refer to).
import type { FastifyInstance } from 'fastify';
import { conflict } from '../errors.ts';
import { nameMatches, page } from '../paging.ts';
import { newId, nowIso, type Json } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { LANGUAGES, SKILLS } from '../paths.ts';
import { byName, found, jsonBody, requiredString, type Params, type Query } from './util.ts';

export function registerSkills(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const [base, collection] of [
    [SKILLS, 'skills'],
    [LANGUAGES, 'languages'],
  ] as const) {
    const items = () => ctx.store.state[collection];

    app.post(base, async (request) => {
      const name = requiredString(jsonBody(request.body), 'name');
      if (Object.values(items()).some((s) => String(s.name).toLowerCase() === name.toLowerCase())) {
        throw conflict(`A ${collection === 'skills' ? 'skill' : 'language'} named '${name}' already exists.`);
      }
      const id = newId();
      // version is a STRING on routing skills (Routingskill model), unlike users.
      const item: Json = {
        id,
        name,
        state: 'active',
        version: '1',
        dateModified: nowIso(),
        selfUri: `${base}/${id}`,
      };
      items()[id] = item;
      ctx.store.changed();
      return item;
    });

    app.get(`${base}/:id`, async (request) =>
      found(items()[(request.params as Params).id!], `${collection} ${(request.params as Params).id}`),
    );

    app.delete(`${base}/:id`, async (request, reply) => {
      const { id } = request.params as Params;
      found(items()[id!], `${collection} ${id}`);
      delete items()[id!];
      ctx.store.changed();
      return reply.code(204).send();
    });

    app.get(base, async (request) => {
      const query = request.query as Query;
      const ids = query.id?.split(',');
      const list = byName(
        Object.values(items()).filter(
          (s) => nameMatches(String(s.name), query.name) && (!ids || ids.includes(String(s.id))),
        ),
      );
      return page(list, query, base);
    });
  }
}
