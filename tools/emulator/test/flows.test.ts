import { describe, expect, it } from 'vitest';
import { flowIdentity } from '../src/index.ts';
import { useEmulator, type Harness } from './harness.ts';

async function deploy(h: Harness, yaml: string) {
  const job = (await h.api('POST', '/api/v2/flows/jobs')).body;
  // The upload goes to the presigned URL with the job's headers and no bearer token, like the provider's.
  const upload = await fetch(job.presignedUrl, { method: 'PUT', headers: job.headers, body: yaml });
  const status = (await h.api('GET', `/api/v2/flows/jobs/${job.id}?expand=messages`)).body;
  return { job, upload, status };
}

describe('Architect flows through jobs', () => {
  const h = useEmulator();

  it('returns a job with id, presignedUrl and headers, accepts the upload with exactly 200, and reports Success at once', async () => {
    const { job, upload, status } = await deploy(
      h,
      'inboundCall:\n  name: Support IVR\n  startUpTaskActions: []\n',
    );
    expect(job).toMatchObject({
      id: expect.any(String),
      presignedUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/uploads\//),
      headers: expect.any(Object),
    });
    expect(upload.status).toBe(200);
    expect(status).toMatchObject({ status: 'Success', flow: { id: expect.any(String) } });
    const flow = await h.api('GET', `/api/v2/flows/${status.flow.id}?deleted=false`);
    expect(flow.body).toMatchObject({
      name: 'Support IVR',
      type: 'INBOUNDCALL',
      publishedVersion: { id: '1' },
    });
  });

  it('redeploys a flow of the same name and type into the same id with a new version', async () => {
    const first = await deploy(h, 'inQueueCall:\n  name: Hold music\n');
    const second = await deploy(h, 'inQueueCall:\n  name: Hold music\n  description: changed\n');
    expect(second.status.flow.id).toBe(first.status.flow.id);
    expect((await h.api('GET', `/api/v2/flows/${first.status.flow.id}`)).body.publishedVersion.id).toBe('2');
  });

  it('reports Failure with a message for a file that is not a flow', async () => {
    const { status } = await deploy(h, 'inboundCall:\n  description: no name\n');
    expect(status).toMatchObject({
      status: 'Failure',
      messages: [{ text: 'inboundCall.name is required.', type: 'error' }],
    });
  });

  it('answers 404 after delete, and unlocks on request', async () => {
    const { status } = await deploy(h, 'inboundEmail:\n  name: Mailbox\n');
    expect((await h.api('POST', `/api/v2/flows/actions/unlock?flow=${status.flow.id}`)).body.locked).toBe(
      false,
    );
    expect((await h.api('DELETE', `/api/v2/flows/${status.flow.id}`)).status).toBe(204);
    expect((await h.api('GET', `/api/v2/flows/${status.flow.id}`)).status).toBe(404);
  });
});

describe('flowIdentity', () => {
  it('reads the type from the single top-level key and the name below it', () => {
    expect(flowIdentity('commonModule:\n  name: Shared\n')).toEqual({ type: 'COMMONMODULE', name: 'Shared' });
    expect(flowIdentity('a: {name: x}\nb: {name: y}\n')).toEqual({
      error: 'The flow file must have exactly one top-level key (the flow type); found 2.',
    });
    expect(flowIdentity('inboundCall: [\n')).toMatchObject({
      error: expect.stringContaining('not valid YAML'),
    });
  });
});

describe('flow exports, as the provider exporter and cxops onboard call them', () => {
  const h = useEmulator();

  it('places a flow in the division its file names, and fails the job for a division that does not exist', async () => {
    const division = (await h.api('POST', '/api/v2/authorization/divisions', { name: 'Sales' })).body;
    const { status } = await deploy(h, "inqueueCall:\n  name: Sales Hold\n  division: 'Sales'\n");
    expect((await h.api('GET', `/api/v2/flows/${status.flow.id}`)).body.division).toMatchObject({
      id: division.id,
      name: 'Sales',
    });
    const missing = await deploy(h, 'inqueueCall:\n  name: Lost\n  division: Nowhere\n');
    expect(missing.status).toMatchObject({
      status: 'Failure',
      messages: [{ text: "Division 'Nowhere' does not exist.", type: 'error' }],
    });
  });

  it('exports the YAML a flow was last deployed from through a signed download URL (no bearer token)', async () => {
    const yaml = 'inboundCall:\n  name: Main Line\n  description: second\n';
    await deploy(h, 'inboundCall:\n  name: Main Line\n  description: first\n');
    const { status } = await deploy(h, yaml);
    const flow = (await h.api('GET', `/api/v2/flows/${status.flow.id}`)).body;
    const submitted = await h.api('POST', '/api/v2/flows/export/jobs', {
      flows: [{ flow: { id: flow.id, version: flow.publishedVersion.id } }],
    });
    expect(submitted.body).toMatchObject({ id: expect.any(String), totalFlows: 1 });
    const job = (await h.api('GET', `/api/v2/flows/export/jobs/${submitted.body.id}?expand=messages`)).body;
    expect(job).toMatchObject({ status: 'Success', command: 'export', messages: [] });
    const download = await fetch(job.downloadUrl);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(yaml);
  });

  it('reports Failure for a flow that was never deployed, and refuses a job naming no flow', async () => {
    const submitted = await h.api('POST', '/api/v2/flows/export/jobs', {
      flows: [{ flow: { id: 'no-such-flow' } }],
    });
    const job = (await h.api('GET', `/api/v2/flows/export/jobs/${submitted.body.id}`)).body;
    expect(job).toMatchObject({ status: 'Failure', messages: [{ type: 'error' }] });
    expect(job.downloadUrl).toBeUndefined();
    expect((await h.api('POST', '/api/v2/flows/export/jobs', { flows: [] })).status).toBe(400);
  });
});
