// genesyscloud_flow: Architect YAML deployed through a job. The emulator reads only the YAML's top-level key
// (the flow type) and its name; no Architect semantics are emulated.
import type { FastifyInstance } from 'fastify';
import { parseDocument } from 'yaml';
import { notFound } from '../errors.ts';
import { nameMatches, page } from '../paging.ts';
import { newId, nowIso, type Json } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { FLOWS, pathTo, UPLOAD } from '../paths.ts';
import { divisionRef } from './divisions.ts';
import { byName, found, type Params, type Query } from './util.ts';

/** Reads `<flowType>: { name: … }` from Architect YAML, or says what is wrong with it. */
export function flowIdentity(yamlText: string): { type: string; name: string } | { error: string } {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0)
    return { error: `The flow file is not valid YAML: ${document.errors[0]!.message}` };
  const root = document.toJSON() as unknown;
  if (!root || typeof root !== 'object' || Array.isArray(root))
    return { error: 'The flow file must have one top-level key naming the flow type (e.g. inboundCall:).' };
  const keys = Object.keys(root);
  if (keys.length !== 1)
    return {
      error: `The flow file must have exactly one top-level key (the flow type); found ${keys.length}.`,
    };
  const body = (root as Record<string, unknown>)[keys[0]!] as Json | null;
  if (!body || typeof body.name !== 'string' || body.name.trim() === '')
    return { error: `${keys[0]}.name is required.` };
  return { type: keys[0]!.toUpperCase(), name: body.name };
}

export function registerFlows(app: FastifyInstance, ctx: EmulatorContext): void {
  const flows = () => ctx.store.state.flows;
  const jobs = () => ctx.store.state.flowJobs;

  app.post(`${FLOWS}/jobs`, async () => {
    const id = newId();
    jobs()[id] = {
      id,
      status: 'Created',
      command: 'publish',
      messages: [],
      dateCreated: nowIso(),
      selfUri: `${FLOWS}/jobs/${id}`,
    };
    ctx.store.changed();
    return {
      id,
      presignedUrl: `${ctx.baseUrl()}${pathTo(UPLOAD, { jobId: id })}`,
      headers: { 'Content-Type': 'application/octet-stream' },
      selfUri: `${FLOWS}/jobs/${id}`,
    };
  });

  // The presigned upload: plain HTTP with no bearer token, like the real S3 URL. Must answer exactly 200.
  app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.put(UPLOAD, async (request) => {
      const { jobId } = request.params as Params;
      const job = found(jobs()[jobId!], `Flow job ${jobId}`);
      const identity = flowIdentity(String(request.body ?? ''));
      if ('error' in identity) {
        Object.assign(job, {
          status: 'Failure',
          messages: [{ text: identity.error, type: 'error', dateTime: nowIso() }],
        });
      } else {
        const existing = Object.values(flows()).find(
          (f) => f.name === identity.name && f.type === identity.type && !f.deleted,
        );
        const id = existing ? String(existing.id) : newId();
        const version = existing ? Number((existing.publishedVersion as Json).id) + 1 : 1;
        flows()[id] = {
          id,
          name: identity.name,
          type: identity.type,
          description: '',
          division: existing?.division ?? divisionRef(ctx, undefined),
          active: true,
          system: false,
          deleted: false,
          locked: false,
          publishedVersion: { id: String(version), name: String(version) },
          checkedInVersion: { id: String(version), name: String(version) },
          dateModified: nowIso(),
          selfUri: `${FLOWS}/${id}`,
        };
        Object.assign(job, { status: 'Success', flow: { id, selfUri: `${FLOWS}/${id}` } });
      }
      ctx.store.changed();
      return {};
    });
  });

  app.get(`${FLOWS}/jobs/:jobId`, async (request) =>
    found(jobs()[(request.params as Params).jobId!], `Flow job ${(request.params as Params).jobId}`),
  );

  app.get(`${FLOWS}/:id`, async (request) => {
    const flow = flows()[(request.params as Params).id!];
    if (!flow || flow.deleted) throw notFound(`Flow ${(request.params as Params).id} was not found.`);
    return flow;
  });

  app.delete(`${FLOWS}/:id`, async (request, reply) => {
    const flow = flows()[(request.params as Params).id!];
    if (!flow || flow.deleted) throw notFound(`Flow ${(request.params as Params).id} was not found.`);
    delete flows()[String(flow.id)];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.post(`${FLOWS}/actions/unlock`, async (request) => {
    const id = (request.query as Query).flow;
    const flow = flows()[id ?? ''];
    if (!flow) throw notFound(`Flow ${id} was not found.`);
    flow.locked = false;
    ctx.store.changed();
    return flow;
  });

  app.get(FLOWS, async (request) => {
    const query = request.query as Query;
    const types = query.type?.toUpperCase().split(',');
    const list = byName(
      Object.values(flows()).filter(
        (f) => nameMatches(String(f.name), query.name) && (!types || types.includes(String(f.type))),
      ),
    );
    return page(list, query, FLOWS);
  });
}
