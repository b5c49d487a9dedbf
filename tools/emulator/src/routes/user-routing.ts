// A user's routing skills and languages. Both share one shape: pages of {id, proficiency}, bulk PATCH
// (add/update) and PUT (replace), DELETE one.
import type { FastifyInstance } from 'fastify';
import { arrayBody } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import { page, type PageQuery } from '../paging.ts';
import {
  LANGUAGES,
  SKILLS,
  USER_ROUTINGLANGUAGE,
  USER_ROUTINGLANGUAGES,
  USER_ROUTINGLANGUAGES_BULK,
  USER_ROUTINGSKILL,
  USER_ROUTINGSKILLS,
  USER_ROUTINGSKILLS_BULK,
  USERS,
} from '../paths.ts';
import { routingEntryRef } from '../refs.ts';
import { routingEntryRequest } from '../requests/users.ts';
import { liveUser, type On } from './util.ts';

/** Skills and languages: the routes, the user's list, the catalogue entries name, the listing's URI segment. */
interface Kind {
  segment: 'routingskills' | 'routinglanguages';
  noun: string;
  listKey: 'userSkills' | 'userLanguages';
  catalogueKey: 'skills' | 'languages';
  base: string;
  list: string;
  bulk: string;
  one: string;
}

const KINDS: Kind[] = [
  {
    segment: 'routingskills',
    noun: 'Skill',
    listKey: 'userSkills',
    catalogueKey: 'skills',
    base: SKILLS,
    list: USER_ROUTINGSKILLS,
    bulk: USER_ROUTINGSKILLS_BULK,
    one: USER_ROUTINGSKILL,
  },
  {
    segment: 'routinglanguages',
    noun: 'Language',
    listKey: 'userLanguages',
    catalogueKey: 'languages',
    base: LANGUAGES,
    list: USER_ROUTINGLANGUAGES,
    bulk: USER_ROUTINGLANGUAGES_BULK,
    one: USER_ROUTINGLANGUAGE,
  },
];

export function registerUserRouting(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  for (const { segment, noun, listKey, catalogueKey, base, list, bulk, one } of KINDS) {
    const entries = (id: string) => (state()[listKey][id] ??= []);
    const listing = (id: string, query: PageQuery) =>
      page(
        entries(id).map((e) => routingEntryRef(e, base, state()[catalogueKey])),
        query,
        `${USERS}/${id}/${segment}`,
      );
    const apply = (id: string, body: unknown, replace: boolean) => {
      const current = entries(id);
      if (replace) current.length = 0;
      for (const entry of arrayBody(body, routingEntryRequest, 50)) {
        const entryId = entry.id ?? '';
        if (!state()[catalogueKey][entryId]) throw badRequest(`${noun} ${entryId} does not exist.`, 'id');
        // Read with Number(), as the emulator always did: "3" is proficiency 3.
        const proficiency = Number(entry.proficiency ?? 0);
        if (!(proficiency >= 0 && proficiency <= 5))
          throw badRequest(
            `proficiency must be between 0 and 5; got ${String(entry.proficiency)}.`,
            'proficiency',
          );
        const existing = current.find((e) => e.id === entryId);
        if (existing) existing.proficiency = proficiency;
        else current.push({ id: entryId, proficiency });
      }
      ctx.store.changed();
    };

    app.get<On<'id'>>(list, async (request) => {
      const { id } = request.params;
      liveUser(state(), id);
      return listing(id, request.query);
    });
    app.patch<On<'id'>>(bulk, async (request) => {
      const { id } = request.params;
      liveUser(state(), id);
      apply(id, request.body, false);
      return listing(id, {});
    });
    app.put<On<'id'>>(bulk, async (request) => {
      const { id } = request.params;
      liveUser(state(), id);
      apply(id, request.body, true);
      return listing(id, {});
    });
    app.delete<On<'id' | 'entryId'>>(one, async (request, reply) => {
      const { id, entryId } = request.params;
      liveUser(state(), id);
      const current = entries(id);
      const index = current.findIndex((e) => e.id === entryId);
      if (index < 0) throw notFound(`User ${id} has no ${segment} entry ${entryId}.`);
      current.splice(index, 1);
      ctx.store.changed();
      return reply.code(204).send();
    });
  }
}
