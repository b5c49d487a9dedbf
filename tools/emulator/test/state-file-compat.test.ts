// An org.json written by an earlier emulator must keep loading: the local stack keeps its org across upgrades
// (.cxops/stack/org.json), and a refused file would cost a department its applied state in the emulated org.
// fixtures/org-untyped-store.json was written by the untyped store (commit dd9f175) driving every entity
// type through the API, then pretty-printed; the ids below are the ones in it.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, listen, type Emulator } from '../src/index.ts';
import { tempDir } from '@cxops/test-support/paths';
import { call } from './harness.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/org-untyped-store.json', import.meta.url));
const ID = {
  home: '890f5788-5606-41a7-ac83-1de9ee43bb15',
  division: 'bc9fda90-2b5b-4746-bc9d-e41249381d04',
  skill: '7e7c0e0b-e9ca-4d24-a59e-6a0e5838078f',
  language: '2874c3c9-6e97-4dc1-b2d5-88e97a777e2f',
  code: '34fd260d-f017-4122-ab97-2111ba09a285',
  queue: 'bb2b7575-fdc2-456a-91b9-6e867d7d53fd',
  user: '519fd999-4f1c-4316-a3c5-bc7cd6bf9614',
  manager: 'b4470326-b99c-4bc1-be96-bfc08cdeb655',
  gone: '79f58847-ba1e-4840-8d5e-b088c84ae0a8',
  role: '83ce4d58-670b-4f29-946e-ce6975186a51',
  flow: '7b71a15d-174d-473a-9813-21f3114e4689',
  flowJob: '3524ef0e-a910-454d-a6dc-32a78b4263b0',
  badJob: 'a567217a-cbc8-46da-8e86-82e3cc95fa37',
};

describe('a state file written by the untyped store', () => {
  let emulator: Emulator;
  let base: string;
  const get = async (p: string) => (await call(base, 'GET', p, undefined, 'compat')).body;

  beforeAll(async () => {
    // A copy: the store rewrites its file as soon as it loads it.
    const stateFile = path.join(await tempDir(), 'org.json');
    await copyFile(FIXTURE, stateFile);
    emulator = createEmulator({ stateFile });
    base = await listen(emulator);
  });
  afterAll(async () => {
    await emulator?.app.close();
  });

  it('serves its org, divisions, skills, languages and wrap-up codes', async () => {
    expect((await get('/api/v2/organizations/me')).name).toBe('cxops-local');
    expect((await get('/api/v2/authorization/divisions/home')).id).toBe(ID.home);
    expect(await get(`/api/v2/authorization/divisions/${ID.division}?objectCount=true`)).toMatchObject({
      name: 'Support',
      homeDivision: false,
      objectCounts: { total: 3 }, // the wrap-up code, the queue and Mia
    });
    expect((await get(`/api/v2/routing/skills/${ID.skill}`)).version).toBe('1');
    expect((await get(`/api/v2/routing/languages/${ID.language}`)).name).toBe('German');
    expect(await get(`/api/v2/routing/wrapupcodes/${ID.code}`)).toMatchObject({
      name: 'Resolved',
      description: 'Done',
      division: { id: ID.division, name: 'Support' },
    });
  });

  it('serves its queue with media settings, members, ring numbers and wrap-up codes', async () => {
    expect(await get(`/api/v2/routing/queues/${ID.queue}`)).toMatchObject({
      name: 'Billing queue',
      mediaSettings: {
        call: { alertingTimeoutSeconds: 20, serviceLevel: { percentage: 0.9, durationMs: 30000 } },
        email: { alertingTimeoutSeconds: 8 },
      },
      acwSettings: { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: 60000 },
      bullseye: { rings: [{ expansionTimeoutSeconds: 15 }, { expansionTimeoutSeconds: 30 }] },
      queueFlow: { id: ID.flow },
      memberCount: 2,
      joinedMemberCount: 1,
    });
    const members = (await get(`/api/v2/routing/queues/${ID.queue}/members`)).entities;
    expect(members.map((m: any) => [m.name, m.ringNumber, m.joined])).toEqual([
      ['Alex Agent', 2, true],
      ['Mia Manager', 1, false],
    ]);
    expect((await get(`/api/v2/routing/queues/${ID.queue}/wrapupcodes`)).entities[0].id).toBe(ID.code);
  });

  it('serves its users with skills, languages, utilization, voicemail policy and role grants', async () => {
    const user = await get(`/api/v2/users/${ID.user}?expand=skills,languages,profileSkills`);
    expect(user).toMatchObject({
      name: 'Alex Agent',
      version: 2,
      manager: { id: ID.manager },
      profileSkills: ['Excel'],
      skills: [{ id: ID.skill, name: 'Billing', proficiency: 3 }],
      languages: [{ id: ID.language, name: 'German', proficiency: 4 }],
    });
    expect((await get(`/api/v2/routing/users/${ID.user}/utilization`)).level).toBe('Agent');
    expect((await get(`/api/v2/voicemail/userpolicies/${ID.user}`)).alertTimeoutSeconds).toBe(25);
    expect((await get(`/api/v2/authorization/subjects/${ID.user}`)).grants).toMatchObject([
      { role: { id: ID.role, name: 'Billing agent' }, division: { id: ID.division, name: 'Support' } },
    ]);
    expect((await get(`/api/v2/authorization/roles/${ID.role}`)).userCount).toBe(1);
    expect((await get(`/api/v2/users/${ID.gone}?state=deleted`)).state).toBe('deleted');
  });

  it('serves its flows, flow jobs and audit log', async () => {
    expect((await get(`/api/v2/flows/${ID.flow}`)).publishedVersion.id).toBe('1');
    expect((await get(`/api/v2/flows/jobs/${ID.flowJob}`)).flow.id).toBe(ID.flow);
    expect((await get(`/api/v2/flows/jobs/${ID.badJob}`)).status).toBe('Failure');
    // The admin-only log of that emulator is served by the audit query, as the person's change it was.
    const query = await call(
      base,
      'POST',
      '/api/v2/audits/query',
      { interval: '2000-01-01T00:00:00Z/2100-01-01T00:00:00Z', serviceName: 'ContactCenter' },
      'compat',
    );
    const results = await get(`/api/v2/audits/query/${query.body.id}/results?pageSize=0&expand=user`);
    expect(results.entities).toMatchObject([
      { user: { name: 'jane.supervisor' }, entityType: 'Queue', entity: { id: ID.queue }, action: 'Update' },
    ]);
  });

  it('keeps working on what it loaded', async () => {
    const patched = await call(
      base,
      'PATCH',
      `/api/v2/users/${ID.user}`,
      { version: 2, title: 'Senior agent' },
      'compat',
    );
    expect(patched.body).toMatchObject({ version: 3, title: 'Senior agent' });
    const renamed = await call(
      base,
      'PUT',
      `/api/v2/routing/wrapupcodes/${ID.code}`,
      { name: 'Resolved fully' },
      'compat',
    );
    expect(renamed.body).toMatchObject({ name: 'Resolved fully', division: { name: 'Home' } });
  });
});
