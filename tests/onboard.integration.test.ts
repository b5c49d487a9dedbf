// Onboarding end to end, through the real `cxops` and the real provider, on a scratch workspace with the local
// stack (versitygw state + the emulated org): an org of 300+ objects made outside this repository (through the
// Platform API, as the admin UI makes them) is onboarded; every root's first plan holds imports only; the
// imports apply; the next plans are empty; one change made in the admin UI is then exactly what the next plan
// shows. Takes several minutes (five roots planned three times with ~480 imports).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { EmulatorAdmin } from '@cxops/emulator';
import { realLayout, requireToolchainBinary } from '@cxops/test-support/paths';
import { seedOrg, type SeedResult } from './fixtures/onboard/seed-org.ts';

const repo = workspaceRoot();
const cxops = path.join(repo, 'node_modules', '.bin', 'cxops');
let workspace: string;
let env: NodeJS.ProcessEnv;
let seeded: SeedResult;
let admin: EmulatorAdmin;
const cli = (...args: string[]) => run(cxops, args, { env, cwd: workspace, timeoutMs: 900_000 });

interface PlannedChange {
  address: string;
  change: { actions: string[]; importing?: { id: string }; before?: unknown; after?: unknown };
}
const planOf = async (root: string) =>
  JSON.parse(await readFile(path.join(workspace, 'dist', 'plans', root, 'plan.json'), 'utf8')) as {
    resource_changes?: PlannedChange[];
  };
/** What a plan would do besides importing: "<actions> <address>". */
const nonImports = (plan: { resource_changes?: PlannedChange[] }) =>
  (plan.resource_changes ?? [])
    .filter((rc) => !(rc.change.importing && rc.change.actions.join() === 'no-op'))
    .filter((rc) => rc.change.actions.join() !== 'no-op' && rc.change.actions.join() !== 'read')
    .map((rc) => `${rc.change.actions.join('+')} ${rc.address}`);

beforeAll(async () => {
  requireToolchainBinary('tofu');
  workspace = await mkdtemp(path.join(os.tmpdir(), 'cxops-onboard-'));
  await writeFile(path.join(workspace, 'nx.json'), '{}');
  await cp(path.join(repo, 'modules'), path.join(workspace, 'modules'), {
    recursive: true,
    filter: (source) => !/[/\\]\.terraform([/\\]|$)|\.terraform\.lock\.hcl$/.test(source),
  });
  await mkdir(path.join(workspace, 'environments', 'org'), { recursive: true });
  for (const file of ['versions.tf', 'providers.tf'])
    await cp(path.join(repo, 'environments', 'org', file), path.join(workspace, 'environments', 'org', file));
  env = {
    ...process.env,
    CXOPS_WORKSPACE_ROOT: workspace,
    CXOPS_TOOLCHAIN_DIR: realLayout.root,
    CXOPS_S3_PORT: '',
    CXOPS_EMULATOR_PORT: '',
    CXOPS_STATE_BUCKET: '',
  };
  const started = await cli('emulator', 'start', '--json');
  expect(started.exitCode, started.stderr).toBe(0);
  const url = (JSON.parse(started.stdout) as { url: string }).url;
  admin = new EmulatorAdmin(url);
  // The org is built at the admin UI's pace, not the API budget's; onboarding then reads it within the
  // default 300 requests a minute per token, as a real org answers.
  await admin.setRateLimits({ perToken: 100_000 });
  seeded = await seedOrg(url);
  await admin.setRateLimits({ perToken: 300 });
}, 300_000);

afterAll(async () => {
  if (workspace) {
    await cli('stack', 'stop');
    await rm(workspace, { recursive: true, force: true });
  }
});

const roots = ['org', 'billing', 'retention', 'sales', 'support'];

describe.sequential('cxops onboard on an org made outside this repository', () => {
  it('seeds an org of at least 300 objects with the variety of a real one', () => {
    const objects = Object.entries(seeded.counts)
      .filter(([kind]) => kind !== 'languages')
      .reduce((sum, [, n]) => sum + n, 0);
    expect(objects).toBeGreaterThanOrEqual(300);
  });

  it('writes the org root and one root per division, with import blocks and flow YAML, and reports nothing the first plan would change', async () => {
    const result = await cli('onboard', '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      roots: { folder: string; imports: number }[];
      findings: { kind: string; type: string; name: string }[];
      apiCalls: { total: number; rateLimited: number };
      seconds: number;
    };
    expect(report.roots.map((r) => r.folder)).toEqual(roots);
    expect(report.findings.filter((f) => f.kind === 'differs')).toEqual([]);
    expect(report.findings.filter((f) => f.kind === 'decide').map((f) => `${f.type} ${f.name}`)).toEqual([
      'skill Legacy - Fax Support',
      'wrapup code Callback Scheduled',
      'wrapup code Duplicate Contact',
      'wrapup code Wrong Department',
    ]);
    // For the closing note: how long reading the org took, and what it cost.
    process.stderr.write(
      `onboarding: ${report.seconds.toFixed(1)} s, ${report.apiCalls.total} API calls (${report.apiCalls.rateLimited} × 429), ${report.roots.reduce((s, r) => s + r.imports, 0)} imports\n`,
    );
    const sales = path.join(workspace, 'environments', 'sales');
    expect(await readFile(path.join(sales, 'imports.tf'), 'utf8')).toContain(
      'to = module.department.module.queues.genesyscloud_routing_queue.this[each.key]',
    );
    expect(await readFile(path.join(sales, 'flows', 'sales-main-line.yaml'), 'utf8')).toContain(
      "name: '{{flow_name}}'",
    );
    const fmt = await cli('fmt', '--check', '--json');
    expect(fmt.exitCode, `tofu fmt would change: ${fmt.stdout}`).toBe(0);
  });

  it('plans imports only for every root (org first), applies them, and plans no changes after', async () => {
    await admin.setRateLimits({ perToken: 3000 });
    for (const root of roots) {
      const planned = await cli('plan', root, '--json');
      expect(planned.exitCode, `${root}: ${planned.stdout}${planned.stderr}`).toBe(0);
      const plan = await planOf(root);
      expect(nonImports(plan), root).toEqual([]);
      expect((plan.resource_changes ?? []).filter((rc) => rc.change.importing).length, root).toBeGreaterThan(
        0,
      );
    }
    for (const root of roots) {
      const applied = await cli('apply', root);
      expect(applied.exitCode, `${root}: ${applied.stderr}`).toBe(0);
    }
    for (const root of roots) {
      const again = await cli('plan', root, '--detailed-exitcode');
      expect(again.exitCode, `${root}: ${again.stdout}${again.stderr}`).toBe(0);
    }
  }, 1_800_000);

  it('shows exactly an out-of-band change in the next plan', async () => {
    const changed = await cli(
      'emulator',
      'change',
      'queues',
      seeded.sample.queue,
      'mediaSettings.call.alertingTimeoutSeconds=14',
    );
    expect(changed.exitCode, changed.stderr).toBe(0);
    const planned = await cli('plan', seeded.sample.department, '--json');
    expect(planned.exitCode, planned.stderr).toBe(0);
    const plan = await planOf(seeded.sample.department);
    const address = `module.department.module.queues.genesyscloud_routing_queue.this["${seeded.sample.queue}"]`;
    expect(nonImports(plan)).toEqual([`update ${address}`]);
    const change = plan.resource_changes!.find((rc) => rc.address === address)!.change as {
      before: { media_settings_call: { alerting_timeout_sec: number }[] };
      after: { media_settings_call: { alerting_timeout_sec: number }[] };
    };
    expect(change.before.media_settings_call[0]!.alerting_timeout_sec).toBe(14);
    expect(change.after.media_settings_call[0]!.alerting_timeout_sec).toBe(8);
    // Nothing else of the queue changes.
    const rest = (value: typeof change.before) => ({
      ...value,
      media_settings_call: [{ ...value.media_settings_call[0], alerting_timeout_sec: 0 }],
    });
    expect(rest(change.after)).toEqual(rest(change.before));
  }, 600_000);
});
