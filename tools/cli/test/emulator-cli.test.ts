// `cxops emulator …` end to end: a real emulator process in a private state folder, driven through the CLI.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');
let env: NodeJS.ProcessEnv;
let stateDir: string;

const cli = (...args: string[]) => run(cxops, args, { env });

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'cxops-emulator-cli-'));
  env = { ...process.env, CXOPS_STATE_DIR: stateDir, CXOPS_EMULATOR_PORT: '' };
  const started = await cli('emulator', 'start', '--json');
  expect(started.exitCode, started.stderr).toBe(0);
});

afterAll(async () => {
  await cli('emulator', 'stop');
  await rm(stateDir, { recursive: true, force: true });
});

describe('cxops emulator', () => {
  it('reports the running org and persists it under the state folder', async () => {
    const status = await cli('emulator', 'status', '--json');
    expect(status.exitCode).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      running: true,
      detail: expect.stringContaining(path.join(stateDir, 'stack', 'org.json')),
    });
  });

  it('changes a queue out of band, by name, and shows it in the audit log', async () => {
    const { endpoint } = JSON.parse((await cli('emulator', 'status', '--json')).stdout) as {
      endpoint: string;
    };
    const created = await fetch(`${endpoint}/api/v2/routing/queues`, {
      method: 'POST',
      headers: { Authorization: 'Bearer cli-test', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Escalations',
        acwSettings: { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: 30000 },
      }),
    });
    expect(created.status).toBe(200);

    const change = await cli(
      'emulator',
      'change',
      'queues',
      'Escalations',
      'acwSettings.timeoutMs=90000',
      '--actor',
      'night.supervisor',
    );
    expect(change.exitCode, change.stderr).toBe(0);
    expect(change.stdout).toContain(
      'queues "Escalations": acwSettings.timeoutMs 30000 → 90000 (by night.supervisor)',
    );

    // Through the audit query: the create by an API client, then the person's change.
    const audit = JSON.parse(
      (await cli('emulator', 'audit', '--kind', 'queues', '--json')).stdout,
    ) as object[];
    expect(audit).toMatchObject([
      { action: 'Create', entity: { name: 'Escalations' } },
      {
        action: 'Update',
        user: { name: 'night.supervisor' },
        propertyChanges: [{ property: 'acwSettings.timeoutMs', oldValues: ['30000'], newValues: ['90000'] }],
      },
    ]);
    expect((await cli('emulator', 'audit', '--kind', 'queues')).stdout).toMatch(
      /Z night\.supervisor Update Queue "Escalations": acwSettings\.timeoutMs\n?$/,
    );
  });

  it('names the fix when the object does not exist or a change is malformed', async () => {
    const missing = await cli('emulator', 'change', 'queues', 'No such queue', 'a=1');
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('no object has that name or id');
    const malformed = await cli('emulator', 'change', 'queues', 'Escalations', 'timeout');
    expect(malformed.stderr).toContain('"timeout" is not field=value');
  });

  it('resets the org', async () => {
    expect((await cli('emulator', 'reset')).exitCode).toBe(0);
    expect((await cli('emulator', 'objects', 'queues')).stdout.trim()).toBe('(no queues)');
  });
});
