import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator, listen } from '../src/index.ts';
import { tempDir } from '@cxops/test-support/paths';
import { call, useEmulator } from './harness.ts';

describe('persistence on disk', () => {
  it('survives a restart: objects created before are served after, from the same file', async () => {
    const stateFile = path.join(await tempDir(), 'org.json');
    const first = createEmulator({ stateFile });
    const base = await listen(first);
    const skill = (await call(base, 'POST', '/api/v2/routing/skills', { name: 'Durable' }, 't')).body;
    await first.app.close();

    const second = createEmulator({ stateFile });
    const again = await listen(second);
    expect((await call(again, 'GET', `/api/v2/routing/skills/${skill.id}`, undefined, 't')).body.name).toBe(
      'Durable',
    );
    await second.app.close();
    // Atomic writes leave no temporary file behind.
    expect(await readdir(path.dirname(stateFile))).toEqual(['org.json']);
  });

  it('refuses a corrupt state file with a message naming the file and the fix', async () => {
    const stateFile = path.join(await tempDir(), 'org.json');
    await writeFile(stateFile, '{"skills": {');
    expect(() => createEmulator({ stateFile })).toThrow(
      `the emulator state file ${stateFile} is not valid JSON`,
    );
    expect(await readFile(stateFile, 'utf8')).toBe('{"skills": {');
  });
});

describe('out-of-band changes (the admin UI stand-in)', () => {
  const h = useEmulator();

  it('changes fields by path and audits it under the person, with when and old → new values', async () => {
    const queue = (
      await h.api('POST', '/api/v2/routing/queues', {
        name: 'Audited',
        acwSettings: { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: 30000 },
      })
    ).body;
    const result = await h.admin.change(
      'queues',
      queue.id,
      { 'acwSettings.timeoutMs': 60000, description: 'peak hours' },
      'jane.supervisor',
    );
    expect(result.audit).toMatchObject({
      user: { name: 'jane.supervisor', id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      client: { id: '' },
      serviceName: 'ContactCenter',
      entityType: 'Queue',
      action: 'Update',
      entity: { id: queue.id, name: 'Audited', selfUri: `/api/v2/routing/queues/${queue.id}` },
      propertyChanges: [
        { property: 'acwSettings.timeoutMs', oldValues: ['30000'], newValues: ['60000'] },
        { property: 'description', oldValues: [], newValues: ['peak hours'] },
      ],
    });
    expect(result.audit!.eventDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await h.api('GET', `/api/v2/routing/queues/${queue.id}`)).body).toMatchObject({
      acwSettings: { timeoutMs: 60000 },
      description: 'peak hours',
    });
    const log = h.emulator.context.store.state.audit.filter((m) => m.entity.id === queue.id);
    // The create came with a token the emulator did not issue: a client it cannot name.
    expect(log.map((m) => [m.action, m.user?.name ?? `client '${m.client?.id}'`])).toEqual([
      ['Create', "client ''"],
      ['Update', 'jane.supervisor'],
    ]);
  });

  it('publishes a new flow version on a flow edit (invisible to the provider file hash)', async () => {
    const job = (await h.api('POST', '/api/v2/flows/jobs')).body;
    await fetch(job.presignedUrl, {
      method: 'PUT',
      headers: job.headers,
      body: 'inboundCall:\n  name: Edited in Architect\n',
    });
    const flowId = (await h.api('GET', `/api/v2/flows/jobs/${job.id}`)).body.flow.id;
    await h.admin.change('flows', flowId, { description: 'edited in the UI' });
    expect((await h.api('GET', `/api/v2/flows/${flowId}`)).body.publishedVersion.id).toBe('2');
  });

  it('refuses unknown kinds, unknown objects and empty changes clearly', async () => {
    await expect(h.admin.change('trunks', 'x', { a: 1 })).rejects.toThrow("Unknown object kind 'trunks'");
    await expect(h.admin.change('queues', 'nope', { a: 1 })).rejects.toThrow('404');
    const skill = (await h.api('POST', '/api/v2/routing/skills', { name: 'Admin target' })).body;
    await expect(h.admin.change('skills', skill.id, {})).rejects.toThrow('changes must be an object');
  });

  it('resets the org to a fresh one', async () => {
    await h.admin.reset();
    expect((await h.api('GET', '/api/v2/routing/queues')).body.total).toBe(0);
    expect((await h.api('GET', '/api/v2/authorization/divisions/home')).body.name).toBe('Home');
    expect(h.emulator.context.store.state.audit).toEqual([]);
  });
});
