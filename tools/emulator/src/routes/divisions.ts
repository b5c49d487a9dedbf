// genesyscloud_auth_division, the home division, and moving objects between divisions.
import type { FastifyInstance } from 'fastify';
import { badRequest, conflict } from '../errors.ts';
import { nameMatches, page } from '../paging.ts';
import { newId, type Json, type OrgState } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { DIVISIONS } from '../paths.ts';
import { byName, arrayBody, found, jsonBody, ref, requiredString, type Params, type Query } from './util.ts';

/** The object collections that carry a division, by the type name the division-move route uses. */
const DIVISIONED: Record<string, keyof OrgState> = {
  QUEUE: 'queues',
  USER: 'users',
  WRAPUPCODE: 'wrapupcodes',
  FLOW: 'flows',
};

export function divisionRef(ctx: EmulatorContext, id: string | undefined): Json {
  const divisionId = id ?? ctx.store.state.homeDivisionId;
  const division = ctx.store.state.divisions[divisionId];
  if (!division) throw badRequest(`Division ${divisionId} does not exist.`, 'division');
  return ref(divisionId, `${DIVISIONS}/${divisionId}`, String(division.name));
}

function objectCount(ctx: EmulatorContext, divisionId: string): number {
  return Object.values(DIVISIONED).reduce(
    (sum, key) =>
      sum +
      Object.values(ctx.store.state[key] as Record<string, Json>).filter(
        (o) => (o.division as Json | undefined)?.id === divisionId && o.state !== 'deleted',
      ).length,
    0,
  );
}

export function registerDivisions(app: FastifyInstance, ctx: EmulatorContext): void {
  const divisions = () => ctx.store.state.divisions;
  const assertUniqueName = (name: string, exceptId?: string) => {
    if (
      Object.values(divisions()).some(
        (d) => d.id !== exceptId && String(d.name).toLowerCase() === name.toLowerCase(),
      )
    ) {
      throw conflict(`A division named '${name}' already exists.`);
    }
  };

  app.get(`${DIVISIONS}/home`, async () => divisions()[ctx.store.state.homeDivisionId]);

  app.post(DIVISIONS, async (request) => {
    const body = jsonBody(request.body);
    const name = requiredString(body, 'name');
    assertUniqueName(name);
    const id = newId();
    const division = {
      id,
      name,
      description: body.description ?? '',
      homeDivision: false,
      selfUri: `${DIVISIONS}/${id}`,
    };
    divisions()[id] = division;
    ctx.store.changed();
    return division;
  });

  app.get(`${DIVISIONS}/:id`, async (request) => {
    const { id } = request.params as Params;
    const division = found(divisions()[id!], `Division ${id}`);
    return (request.query as Query).objectCount === 'true'
      ? { ...division, objectCounts: { total: objectCount(ctx, id!) } }
      : division;
  });

  app.put(`${DIVISIONS}/:id`, async (request) => {
    const { id } = request.params as Params;
    const division = found(divisions()[id!], `Division ${id}`);
    const body = jsonBody(request.body);
    const name = requiredString(body, 'name');
    assertUniqueName(name, id);
    Object.assign(division, { name, description: body.description ?? '' });
    ctx.store.changed();
    return division;
  });

  app.delete(`${DIVISIONS}/:id`, async (request, reply) => {
    const { id } = request.params as Params;
    const division = found(divisions()[id!], `Division ${id}`);
    if (division.homeDivision) throw badRequest('The home division cannot be deleted.');
    if ((request.query as Query).force !== 'true' && objectCount(ctx, id!) > 0) {
      throw badRequest(
        `Division '${division.name}' still holds objects; move them or delete with force=true.`,
      );
    }
    delete divisions()[id!];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get(DIVISIONS, async (request) => {
    const query = request.query as Query;
    const list = byName(Object.values(divisions()).filter((d) => nameMatches(String(d.name), query.name)));
    return page(list, query, DIVISIONS);
  });

  app.post(`${DIVISIONS}/:id/objects/:type`, async (request, reply) => {
    const { id, type } = request.params as Params;
    const target = divisionRef(ctx, found(divisions()[id!], `Division ${id}`).id as string);
    const collection = DIVISIONED[type!.toUpperCase()];
    if (!collection)
      throw badRequest(`Objects of type ${type} cannot be moved by the emulator.`, 'objectType');
    for (const objectId of arrayBody(request.body, 50)) {
      const object = found(
        (ctx.store.state[collection] as Record<string, Json>)[String(objectId)],
        `${type} ${objectId}`,
      );
      object.division = target;
    }
    ctx.store.changed();
    return reply.code(204).send();
  });
}
