// genesyscloud_auth_division, the home division, and moving objects between divisions.
import type { FastifyInstance } from 'fastify';
import { arrayBody, string } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Division } from '../model/org.ts';
import { nameMatches, page } from '../paging.ts';
import { DIVISION, DIVISION_HOME, DIVISION_OBJECTS, DIVISIONS } from '../paths.ts';
import { divisionRef } from '../refs.ts';
import { divisionRequest } from '../requests/authorization.ts';
import { newId, type OrgState } from '../state.ts';
import { byName, found, nameTaken, type On } from './util.ts';

type Divisioned = OrgState['queues' | 'users' | 'wrapupcodes' | 'flows'][string];

/** The object collections that carry a division, by the type name the division-move route uses. */
const DIVISIONED: Record<string, (state: OrgState) => Record<string, Divisioned>> = {
  QUEUE: (state) => state.queues,
  USER: (state) => state.users,
  WRAPUPCODE: (state) => state.wrapupcodes,
  FLOW: (state) => state.flows,
};

/** Objects in the division; deleted users (kept for the provider's deleted-user search) do not count. */
function objectCount(state: OrgState, divisionId: string): number {
  return Object.values(DIVISIONED).reduce(
    (sum, collection) =>
      sum +
      Object.values(collection(state)).filter(
        (o) => o.division.id === divisionId && !('state' in o && o.state === 'deleted'),
      ).length,
    0,
  );
}

export function registerDivisions(app: FastifyInstance, ctx: EmulatorContext): void {
  const divisions = () => ctx.store.state.divisions;
  const assertUniqueName = (name: string, exceptId?: string) => {
    if (nameTaken(divisions(), name, exceptId)) throw conflict(`A division named '${name}' already exists.`);
  };

  app.get(DIVISION_HOME, async () => divisions()[ctx.store.state.homeDivisionId]);

  app.post(DIVISIONS, async (request) => {
    const { name, description } = divisionRequest(request.body);
    assertUniqueName(name);
    const id = newId();
    const division: Division = {
      id,
      name,
      description: description ?? '',
      homeDivision: false,
      selfUri: `${DIVISIONS}/${id}`,
    };
    divisions()[id] = division;
    ctx.store.changed();
    return division;
  });

  app.get<On<'id'>>(DIVISION, async (request) => {
    const { id } = request.params;
    const division = found(divisions()[id], `Division ${id}`);
    return request.query.objectCount === 'true'
      ? { ...division, objectCounts: { total: objectCount(ctx.store.state, id) } }
      : division;
  });

  app.put<On<'id'>>(DIVISION, async (request) => {
    const { id } = request.params;
    const division = found(divisions()[id], `Division ${id}`);
    const { name, description } = divisionRequest(request.body);
    assertUniqueName(name, id);
    Object.assign(division, { name, description: description ?? '' });
    ctx.store.changed();
    return division;
  });

  app.delete<On<'id'>>(DIVISION, async (request, reply) => {
    const { id } = request.params;
    const division = found(divisions()[id], `Division ${id}`);
    if (division.homeDivision) throw badRequest('The home division cannot be deleted.');
    if (request.query.force !== 'true' && objectCount(ctx.store.state, id) > 0) {
      throw badRequest(
        `Division '${division.name}' still holds objects; move them or delete with force=true.`,
      );
    }
    delete divisions()[id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get<On>(DIVISIONS, async (request) => {
    const query = request.query;
    const list = byName(Object.values(divisions()).filter((d) => nameMatches(d.name, query.name)));
    return page(list, query, DIVISIONS);
  });

  app.post<On<'id' | 'type'>>(DIVISION_OBJECTS, async (request, reply) => {
    const { id, type } = request.params;
    const target = divisionRef(ctx.store.state, found(divisions()[id], `Division ${id}`).id);
    const collection = DIVISIONED[type.toUpperCase()];
    if (!collection)
      throw badRequest(`Objects of type ${type} cannot be moved by the emulator.`, 'objectType');
    for (const objectId of arrayBody(request.body, string, 50)) {
      found(collection(ctx.store.state)[objectId], `${type} ${objectId}`).division = target;
    }
    ctx.store.changed();
    return reply.code(204).send();
  });
}
