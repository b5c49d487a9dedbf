// genesyscloud_routing_wrapupcode.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { conflict } from '../errors.ts';
import type { WrapupCode } from '../model/routing.ts';
import { nameMatches, page } from '../paging.ts';
import { WRAPUPCODE, WRAPUPCODES } from '../paths.ts';
import { divisionRef } from '../refs.ts';
import { wrapupCodeRequest } from '../requests/routing.ts';
import { newId, nowIso } from '../state.ts';
import { byName, found, nameTaken, type On } from './util.ts';

export function registerWrapupcodes(app: FastifyInstance, ctx: EmulatorContext): void {
  const codes = () => ctx.store.state.wrapupcodes;
  /** The fields a create or update sets: a unique name, a division, and the description when sent. */
  const fields = (body: unknown, exceptId?: string) => {
    const request = wrapupCodeRequest(body);
    if (nameTaken(codes(), request.name, exceptId))
      throw conflict(`A wrap-up code named '${request.name}' already exists.`);
    return {
      name: request.name,
      division: divisionRef(ctx.store.state, request.division?.id),
      ...(request.description !== undefined ? { description: request.description } : {}),
    };
  };

  app.post(WRAPUPCODES, async (request) => {
    const id = newId();
    const code: WrapupCode = {
      id,
      ...fields(request.body),
      dateCreated: nowIso(),
      createdBy: { id: 'cxops-emulator' },
      selfUri: `${WRAPUPCODES}/${id}`,
    };
    codes()[id] = code;
    ctx.store.changed();
    return code;
  });

  app.get<On<'id'>>(WRAPUPCODE, async (request) =>
    found(codes()[request.params.id], `Wrap-up code ${request.params.id}`),
  );

  app.put<On<'id'>>(WRAPUPCODE, async (request) => {
    const { id } = request.params;
    const code = found(codes()[id], `Wrap-up code ${id}`);
    const next: WrapupCode = {
      id,
      ...fields(request.body, id),
      dateCreated: code.dateCreated,
      createdBy: code.createdBy,
      selfUri: code.selfUri,
    };
    codes()[id] = next;
    ctx.store.changed();
    return next;
  });

  app.delete<On<'id'>>(WRAPUPCODE, async (request, reply) => {
    const { id } = request.params;
    found(codes()[id], `Wrap-up code ${id}`);
    delete codes()[id];
    for (const list of Object.values(ctx.store.state.queueWrapupcodes))
      list.splice(0, list.length, ...list.filter((c) => c !== id));
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get<On>(WRAPUPCODES, async (request) => {
    const query = request.query;
    const list = byName(Object.values(codes()).filter((c) => nameMatches(c.name, query.name)));
    return page(list, query, WRAPUPCODES);
  });
}
