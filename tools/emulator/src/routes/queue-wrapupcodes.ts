// The wrap-up codes of a queue: attach up to 100 a call, page, detach one.
import type { FastifyInstance } from 'fastify';
import { arrayBody } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import type { WrapupCode } from '../model/routing.ts';
import { page } from '../paging.ts';
import { QUEUE_WRAPUPCODE, QUEUE_WRAPUPCODES, QUEUES } from '../paths.ts';
import { idEntry } from '../requests/common.ts';
import { found, type On } from './util.ts';

export function registerQueueWrapupcodes(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  /** The code ids of an existing queue (404 for an unknown queue), to change. */
  const codesOf = (id: string) => {
    found(state().queues[id], `Queue ${id}`);
    return (state().queueWrapupcodes[id] ??= []);
  };

  app.get<On<'id'>>(QUEUE_WRAPUPCODES, async (request) => {
    const { id } = request.params;
    found(state().queues[id], `Queue ${id}`);
    const codes = (state().queueWrapupcodes[id] ?? [])
      .map((c) => state().wrapupcodes[c])
      .filter((c): c is WrapupCode => !!c);
    return page(codes, request.query, `${QUEUES}/${id}/wrapupcodes`);
  });

  app.post<On<'id'>>(QUEUE_WRAPUPCODES, async (request) => {
    const list = codesOf(request.params.id);
    const added: WrapupCode[] = [];
    for (const entry of arrayBody(request.body, idEntry, 100)) {
      const code = state().wrapupcodes[entry.id ?? ''];
      if (!code) throw badRequest(`Wrap-up code ${String(entry.id)} does not exist.`, 'id');
      if (!list.includes(code.id)) list.push(code.id);
      added.push(code);
    }
    ctx.store.changed();
    return added;
  });

  app.delete<On<'id' | 'codeId'>>(QUEUE_WRAPUPCODE, async (request, reply) => {
    const { id, codeId } = request.params;
    const list = codesOf(id);
    if (!list.includes(codeId)) throw notFound(`Wrap-up code ${codeId} is not on queue ${id}.`);
    list.splice(list.indexOf(codeId), 1);
    ctx.store.changed();
    return reply.code(204).send();
  });
}
