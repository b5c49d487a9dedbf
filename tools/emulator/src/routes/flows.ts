// genesyscloud_flow: Architect YAML deployed through a job. The emulator reads only the YAML's top-level key
// (the flow type), its name and its division (flow-identity.ts), and keeps the file: an export job
// (POST /api/v2/flows/export/jobs, as the provider's exporter and `cxops onboard` call it) hands it back through
// a signed download URL.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import { flowIdentity } from '../flow-identity.ts';
import type { Flow, FlowExportJob, FlowJob } from '../model/flows.ts';
import { nameMatches, page } from '../paging.ts';
import {
  DOWNLOAD,
  FLOW,
  FLOW_EXPORT_JOB,
  FLOW_EXPORT_JOBS,
  FLOW_JOB,
  FLOW_JOBS,
  FLOW_UNLOCK,
  FLOWS,
  pathTo,
  UPLOAD,
} from '../paths.ts';
import { flowExportRequest } from '../requests/flows.ts';
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
    // Architect places the flow in the division its file names; a division that does not exist fails the job.
    const named = identity.division
      ? Object.values(ctx.store.state.divisions).find((d) => d.name === identity.division)
      : undefined;
    if (identity.division && !named) {
      job.status = 'Failure';
      job.messages = [
        { text: `Division '${identity.division}' does not exist.`, type: 'error', dateTime: nowIso() },
      ];
      return;
    }
    const id = existing ? existing.id : newId();
    const version = String(existing ? Number(existing.publishedVersion.id) + 1 : 1);
    const flow: Flow = {
      id,
      name: identity.name,
      type: identity.type,
      description: '',
      division: named
        ? divisionRef(ctx.store.state, named.id)
        : (existing?.division ?? divisionRef(ctx.store.state, undefined)),
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
    ctx.store.state.flowYaml[id] = yamlText;
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
    delete ctx.store.state.flowYaml[flow.id];
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

  // Export: one job per request; the emulator finishes it at once. Each flow is named by id (or by name and type);
  // several flows in one job would be a zip in the real API, which no client of the emulator asks for.
  app.post(FLOW_EXPORT_JOBS, async (request) => {
    const wanted = flowExportRequest(request.body).flows ?? [];
    if (wanted.length !== 1)
      throw badRequest('The emulator exports one flow per job; name exactly one in flows.', 'flows');
    const reference = wanted[0]!.flow ?? {};
    const flow = reference.id
      ? flows()[reference.id]
      : Object.values(flows()).find(
          (f) => f.name === reference.name && f.type === reference.type?.toUpperCase(),
        );
    const id = newId();
    const job: FlowExportJob = {
      id,
      command: 'export',
      selfUri: pathTo(FLOW_EXPORT_JOB, { jobId: id }),
      ...(flow && !flow.deleted && ctx.store.state.flowYaml[flow.id] !== undefined
        ? { status: 'Success', messages: [], flowId: flow.id }
        : {
            status: 'Failure',
            messages: [
              {
                text: `Flow ${reference.id ?? reference.name ?? '?'} has no published version to export.`,
                type: 'error',
                dateTime: nowIso(),
              },
            ],
          }),
    };
    ctx.store.state.flowExportJobs[id] = job;
    ctx.store.changed();
    return { id, status: 'Submitted', totalFlows: 1, selfUri: job.selfUri };
  });

  app.get<On<'jobId'>>(FLOW_EXPORT_JOB, async (request) => {
    const job = found(
      ctx.store.state.flowExportJobs[request.params.jobId],
      `Export job ${request.params.jobId}`,
    );
    const { flowId: _flowId, ...answer } = job;
    return job.status === 'Success'
      ? { ...answer, downloadUrl: `${ctx.baseUrl()}${pathTo(DOWNLOAD, { jobId: job.id })}` }
      : answer;
  });

  // The signed download URL: plain HTTP, no bearer token, like the real one.
  app.get<On<'jobId'>>(DOWNLOAD, async (request, reply) => {
    const job = found(
      ctx.store.state.flowExportJobs[request.params.jobId],
      `Export job ${request.params.jobId}`,
    );
    const yamlText = job.flowId ? ctx.store.state.flowYaml[job.flowId] : undefined;
    if (yamlText === undefined) throw notFound(`Export job ${job.id} has nothing to download.`);
    return reply.type('application/x-yaml').send(yamlText);
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
