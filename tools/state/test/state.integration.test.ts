// `cxops state history|restore|doctor` on the local stack's versitygw with real state written by tofu (an
// environment of built-in terraform_data resources, so no org is involved): versions with serials, a restore
// that can be undone, refusal while the state is locked, and the doctor's findings.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { run, workspaceRoot } from '@cxops/core';
import { openStateStore, type StateStore } from '@cxops/stack';
import { realLayout, requireToolchainBinary } from '@cxops/test-support/paths';
import { takeLock, type StateVersion } from '../src/index.ts';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');
let workspace: string;
let env: NodeJS.ProcessEnv;
let store: StateStore;
const cli = (...args: string[]) => run(cxops, args, { env, cwd: workspace });
const json = async (...args: string[]) => {
  const result = await cli(...args, '--json');
  return { exitCode: result.exitCode, body: JSON.parse(result.stdout), stderr: result.stderr };
};

const root = (queues: string[]) => `terraform {
  backend "s3" {
    use_lockfile = true
  }
}

variable "gateway" {
  type    = any
  default = null
}

resource "terraform_data" "queue" {
  for_each = toset([${queues.map((q) => JSON.stringify(q)).join(', ')}])
  input    = { name = each.key }
}
`;

async function applyQueues(queues: string[]) {
  await writeFile(path.join(workspace, 'environments', 'sales', 'main.tf'), root(queues));
  const planned = await cli('plan', 'sales');
  expect(planned.exitCode, planned.stderr).toBe(0);
  const applied = await cli('apply', 'sales');
  expect(applied.exitCode, applied.stderr).toBe(0);
}

const history = async (): Promise<StateVersion[]> => (await json('state', 'history', 'sales')).body.versions;

beforeAll(async () => {
  requireToolchainBinary('tofu');
  workspace = await mkdtemp(path.join(os.tmpdir(), 'cxops-state-'));
  await writeFile(path.join(workspace, 'nx.json'), '{}');
  await mkdir(path.join(workspace, 'environments', 'sales'), { recursive: true });
  env = {
    ...process.env,
    CXOPS_WORKSPACE_ROOT: workspace,
    CXOPS_TOOLCHAIN_DIR: realLayout.root,
    CXOPS_S3_PORT: '',
    CXOPS_EMULATOR_PORT: '',
    CXOPS_STATE_BUCKET: '',
  };
  // This test process reaches the same bucket directly (to hold a lock as another run would).
  process.env.CXOPS_WORKSPACE_ROOT = workspace;
  await applyQueues(['Inbound']);
  await applyQueues(['Inbound', 'Renewals']);
  await applyQueues(['Inbound', 'Renewals', 'Upsell']);
  store = await openStateStore({ target: 'local' });
}, 300_000);

afterAll(async () => {
  store?.close();
  await cli('stack', 'stop');
  delete process.env.CXOPS_WORKSPACE_ROOT;
  await rm(workspace, { recursive: true, force: true });
});

describe.sequential('state history, restore and doctor on versitygw', () => {
  it('lists the versions newest first, each with its time and serial', async () => {
    const versions = await history();
    expect(versions.map((v) => v.state?.resources)).toEqual([3, 2, 1]);
    const serials = versions.map((v) => v.state!.serial);
    expect(serials).toEqual([...serials].sort((a, b) => b - a));
    expect(versions[0]!.latest).toBe(true);
    expect(versions.every((v) => !Number.isNaN(Date.parse(v.lastModified)))).toBe(true);
    expect((await cli('state', 'history', 'sales')).stdout).toMatch(
      /\* \S+Z {2}\S+ {2}serial \d+, 3 resources/,
    );
  });

  it('refuses to restore while another run holds the lock, naming who and since when', async () => {
    const release = await takeLock(store, 'sales', 'OperationTypeApply');
    try {
      const oldest = (await history()).at(-1)!;
      const refused = await cli('state', 'restore', 'sales', oldest.versionId);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain("Can't restore the state of sales: the state is locked by");
      expect(refused.stderr).toContain('operation OperationTypeApply');
      const doctor = await json('state', 'doctor', 'sales');
      expect(doctor.body.checks).toContainEqual(
        expect.objectContaining({
          name: 'lock',
          status: 'warn',
          detail: expect.stringContaining('a run holds it now'),
        }),
      );
      // A plan stops with the same clear message, and nothing is written.
      const planned = await cli('plan', 'sales');
      expect(planned.exitCode).toBe(1);
      expect(planned.stderr).toContain('the state is locked by another run');
    } finally {
      await release();
    }
    expect((await history()).map((v) => v.state?.resources)).toEqual([3, 2, 1]);
  });

  it('restores a chosen version as a new one, and the restore itself can be undone', async () => {
    const before = await history();
    const oldest = before.at(-1)!;
    const restored = await json('state', 'restore', 'sales', oldest.versionId);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(restored.body).toMatchObject({
      environment: 'sales',
      restoredFrom: { versionId: oldest.versionId, serial: oldest.state!.serial },
      replaced: { versionId: before[0]!.versionId, serial: before[0]!.state!.serial },
      current: { serial: before[0]!.state!.serial + 1 },
    });
    const after = await history();
    expect(after.map((v) => v.state?.resources)).toEqual([1, 3, 2, 1]); // nothing lost
    expect(after[0]!.state!.serial).toBe(before[0]!.state!.serial + 1);
    // The code still has three queues: the plan wants to create the two the restored state lacks.
    expect((await cli('plan', 'sales', '--detailed-exitcode')).exitCode).toBe(2);

    const undone = await json('state', 'restore', 'sales', restored.body.replaced.versionId);
    expect(undone.exitCode, undone.stderr).toBe(0);
    expect((await history()).map((v) => v.state?.resources)).toEqual([3, 1, 3, 2, 1]);
    expect((await cli('plan', 'sales', '--detailed-exitcode')).exitCode).toBe(0);
  });

  it('says what to pick when the version does not exist', async () => {
    const refused = await cli('state', 'restore', 'sales', 'no-such-version');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('cxops state history sales');
  });

  it('doctor: all well, then a stale lock with who, since when and how to release it', async () => {
    const healthy = await json('state', 'doctor', 'sales');
    expect(healthy.exitCode, healthy.stderr).toBe(0);
    expect(healthy.body.checks.map((c: { name: string; status: string }) => `${c.name} ${c.status}`)).toEqual(
      ['versioning ok', 'state ok', 'lock ok', 'org ok'],
    );
    // A lock left by a crashed run three hours ago, as tofu writes it.
    const created = new Date(Date.now() - 3 * 3600_000).toISOString();
    await store.client.send(
      new PutObjectCommand({
        Bucket: store.bucket,
        Key: `${store.stateKey('sales')}.tflock`,
        Body: JSON.stringify({
          ID: 'dead-beef',
          Operation: 'OperationTypeApply',
          Who: 'runner@ci-7',
          Created: created,
        }),
      }),
    );
    const stale = await json('state', 'doctor', 'sales');
    expect(stale.exitCode).toBe(1);
    expect(stale.body.checks).toContainEqual({
      name: 'lock',
      status: 'fail',
      detail: expect.stringMatching(
        /^stale: locked by runner@ci-7 for 18\d min \(since .+\), operation OperationTypeApply, lock ID dead-beef$/,
      ),
      fix: expect.stringContaining('tofu force-unlock -force dead-beef'),
    });
    expect((await cli('state', 'doctor', 'sales')).stdout).toContain('✖ lock: stale: locked by runner@ci-7');
  });
});
