// genesyscloud_routing_wrapupcode.
import type { FastifyInstance } from 'fastify';
import { conflict } from '../errors.ts';
import { nameMatches, page } from '../paging.ts';
import { newId, nowIso, type Json } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { WRAPUPCODES } from '../paths.ts';
import { divisionRef } from './divisions.ts';
import { byName, found, jsonBody, requiredString, type Params, type Query } from './util.ts';

export function registerWrapupcodes(app: FastifyInstance, ctx: EmulatorContext): void {
  const codes = () => ctx.store.state.wrapupcodes;
  const fields = (body: Json, exceptId?: string) => {
    const name = requiredString(body, 'name');
    if (
      Object.values(codes()).some(
        (c) => c.id !== exceptId && String(c.name).toLowerCase() === name.toLowerCase(),
      )
    ) {
      throw conflict(`A wrap-up code named '${name}' already exists.`);
    }
    return {
      name,
      division: divisionRef(ctx, (body.division as Json | undefined)?.id as string | undefined),
      ...(typeof body.description === 'string' ? { description: body.description } : {}),
    };
  };

  app.post(WRAPUPCODES, async (request) => {
    const id = newId();
    const code = {
      id,
      ...fields(jsonBody(request.body)),
      dateCreated: nowIso(),
      createdBy: { id: 'cxops-emulator' },
      selfUri: `${WRAPUPCODES}/${id}`,
    };
    codes()[id] = code;
    ctx.store.changed();
    return code;
  });

  app.get(`${WRAPUPCODES}/:id`, async (request) =>
    found(codes()[(request.params as Params).id!], `Wrap-up code ${(request.params as Params).id}`),
  );

  app.put(`${WRAPUPCODES}/:id`, async (request) => {
    const { id } = request.params as Params;
    const code = found(codes()[id!], `Wrap-up code ${id}`);
    const next = {
      id,
      ...fields(jsonBody(request.body), id),
      dateCreated: code.dateCreated,
      createdBy: code.createdBy,
      selfUri: code.selfUri,
    };
    codes()[id!] = next;
    ctx.store.changed();
    return next;
  });

  app.delete(`${WRAPUPCODES}/:id`, async (request, reply) => {
    const { id } = request.params as Params;
    found(codes()[id!], `Wrap-up code ${id}`);
    delete codes()[id!];
    for (const list of Object.values(ctx.store.state.queueWrapupcodes))
      list.splice(0, list.length, ...list.filter((c) => c !== id));
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get(WRAPUPCODES, async (request) => {
    const query = request.query as Query;
    const list = byName(Object.values(codes()).filter((c) => nameMatches(String(c.name), query.name)));
    return page(list, query, WRAPUPCODES);
  });
}
