// genesyscloud_routing_skill (and the routing languages users refer to).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { conflict } from '../errors.ts';
import type { Skill } from '../model/routing.ts';
import { nameMatches, page } from '../paging.ts';
import { LANGUAGE, LANGUAGES, SKILL, SKILLS } from '../paths.ts';
import { namedRequest } from '../requests/routing.ts';
import { newId, nowIso } from '../state.ts';
import { byName, found, nameTaken, type On } from './util.ts';

/** Skills and languages share one contract; each kind has its routes and its collection. */
interface Kind {
  noun: 'skill' | 'language';
  collection: 'skills' | 'languages';
  base: string;
  one: string;
}

const KINDS: Kind[] = [
  { noun: 'skill', collection: 'skills', base: SKILLS, one: SKILL },
  { noun: 'language', collection: 'languages', base: LANGUAGES, one: LANGUAGE },
];

export function registerSkills(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const { noun, collection, base, one } of KINDS) {
    const items = () => ctx.store.state[collection];

    app.post(base, async (request) => {
      const { name } = namedRequest(request.body);
      if (nameTaken(items(), name)) throw conflict(`A ${noun} named '${name}' already exists.`);
      const id = newId();
      // version is a STRING on routing skills (Routingskill model), unlike users.
      const item: Skill = {
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

    app.get<On<'id'>>(one, async (request) =>
      found(items()[request.params.id], `${collection} ${request.params.id}`),
    );

    app.delete<On<'id'>>(one, async (request, reply) => {
      const { id } = request.params;
      found(items()[id], `${collection} ${id}`);
      delete items()[id];
      ctx.store.changed();
      return reply.code(204).send();
    });

    app.get<On>(base, async (request) => {
      const query = request.query;
      const ids = query.id?.split(',');
      const list = byName(
        Object.values(items()).filter((s) => nameMatches(s.name, query.name) && (!ids || ids.includes(s.id))),
      );
      return page(list, query, base);
    });
  }
}
