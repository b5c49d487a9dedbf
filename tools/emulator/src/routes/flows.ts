// genesyscloud_flow: Architect YAML deployed through a job. The emulator reads only the YAML's top-level key
// (the flow type) and its name (flow-identity.ts).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { flowIdentity } from '../flow-identity.ts';
import type { Flow, FlowJob } from '../model/flows.ts';
import { nameMatches, page } from '../paging.ts';
import { FLOW, FLOW_JOB, FLOW_JOBS, FLOW_UNLOCK, FLOWS, pathTo, UPLOAD } from '../paths.ts';
import { divisionRef } from '../refs.ts';
import { newId, nowIso } from '../state.ts';
import { byName, found, type On } from './util.ts';

export function registerFlows(app: FastifyInstance, ctx: EmulatorContext): void {
  const flows = () => ctx.store.state.flows;
  const jobs = () => ctx.store.state.flowJobs;
  /** A flow that is there and not deleted, else 404. */
  const liveFlow = (id: string) => {
    const flow = flows()[id];
    if (!flow || flow.deleted) throw notFound(`Flow ${id} was not found.`);
    return flow;
  };
  /** Deploys the uploaded YAML: the flow of the same name and type gets a new version, else a new flow. */
  const deploy = (job: FlowJob, yamlText: string) => {
    const identity = flowIdentity(yamlText);
    if ('error' in identity) {
      job.status = 'Failure';
      job.messages = [{ text: identity.error, type: 'error', dateTime: nowIso() }];
      return;
    }
    const existing = Object.values(flows()).find(
      (f) => f.name === identity.name && f.type === identity.type && !f.deleted,
    );
    const id = existing ? existing.id : newId();
    const version = String(existing ? Number(existing.publishedVersion.id) + 1 : 1);
    const flow: Flow = {
      id,
      name: identity.name,
      type: identity.type,
      description: '',
      division: existing?.division ?? divisionRef(ctx.store.state, undefined),
      active: true,
      system: false,
      deleted: false,
      locked: false,
      publishedVersion: { id: version, name: version },
      checkedInVersion: { id: version, name: version },
      dateModified: nowIso(),
      selfUri: `${FLOWS}/${id}`,
    };
    flows()[id] = flow;
    job.status = 'Success';
    job.flow = { id, selfUri: `${FLOWS}/${id}` };
  };

  app.post(FLOW_JOBS, async () => {
    const id = newId();
    jobs()[id] = {
      id,
      status: 'Created',
      command: 'publish',
      messages: [],
      dateCreated: nowIso(),
      selfUri: `${FLOW_JOBS}/${id}`,
    };
    ctx.store.changed();
    return {
      id,
      presignedUrl: `${ctx.baseUrl()}${pathTo(UPLOAD, { jobId: id })}`,
      headers: { 'Content-Type': 'application/octet-stream' },
      selfUri: `${FLOW_JOBS}/${id}`,
    };
  });

  // The presigned upload: plain HTTP with no bearer token, like the real S3 URL. Must answer exactly 200.
  app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    scope.put<On<'jobId'>>(UPLOAD, async (request) => {
      const { jobId } = request.params;
      deploy(found(jobs()[jobId], `Flow job ${jobId}`), String(request.body ?? ''));
      ctx.store.changed();
      return {};
    });
  });

  app.get<On<'jobId'>>(FLOW_JOB, async (request) =>
    found(jobs()[request.params.jobId], `Flow job ${request.params.jobId}`),
  );

  app.get<On<'id'>>(FLOW, async (request) => liveFlow(request.params.id));

  app.delete<On<'id'>>(FLOW, async (request, reply) => {
    const flow = liveFlow(request.params.id);
    delete flows()[flow.id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.post<On>(FLOW_UNLOCK, async (request) => {
    const id = request.query.flow;
    const flow = flows()[id ?? ''];
    if (!flow) throw notFound(`Flow ${id} was not found.`);
    flow.locked = false;
    ctx.store.changed();
    return flow;
  });

  app.get<On>(FLOWS, async (request) => {
    const query = request.query;
    const types = query.type?.toUpperCase().split(',');
    const list = byName(
      Object.values(flows()).filter(
        (f) => nameMatches(f.name, query.name) && (!types || types.includes(f.type)),
      ),
    );
    return page(list, query, FLOWS);
  });
}
