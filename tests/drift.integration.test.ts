// The drift story end to end, as the nightly job lives it, with the real provider against the emulated org of
// the local stack (versitygw state): every environment applied; one attribute of one object changed out of
// band (a queue, a user, a role — roles live in the org root); `cxops drift` on every environment reports
// exactly that object, with was → now, who and when, in its environment (exit 2) and nothing anywhere else
// (exit 0); the reports are kept with their history in the bucket; `cxops drift-issues` keeps one issue per
// drifted environment on the GitHub stand-in through its whole lifecycle. Then two applies of one environment
// from two machines at once: one applies, the other stops on the lock, the state intact.
// Takes several minutes (four applies, five sweeps, three more applies).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, workspaceRoot, type RunResult } from '@cxops/core';
import { reportHistory, type DriftReport } from '@cxops/drift';
import { EmulatorAdmin } from '@cxops/emulator';
import { openStateStore } from '@cxops/stack';
import { realLayout, requireToolchainBinary } from '@cxops/test-support/paths';
import { createGitHubStandIn, listen, type GitHubStandIn } from '../tools/github/test/stand-in/server.ts';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');
const ENVIRONMENTS = ['org', 'sales', 'support', 'billing'];
const TOKEN = 'ghs_driftJobToken0123456789abcdefABCDEF';

let stackDir: string;
let workspace: string;
let twin: string;
let github: GitHubStandIn;
let githubUrl: string;
let admin: EmulatorAdmin;

const envFor = (ws: string): NodeJS.ProcessEnv => ({
  ...process.env,
  CXOPS_WORKSPACE_ROOT: ws,
  // Both workspaces are two machines sharing one bucket and one org.
  CXOPS_STATE_DIR: stackDir,
  CXOPS_TOOLCHAIN_DIR: realLayout.root,
  CXOPS_S3_PORT: '',
  CXOPS_EMULATOR_PORT: '',
  CXOPS_STATE_BUCKET: '',
  GITHUB_REPOSITORY: 'acme/contact-center',
  GITHUB_TOKEN: TOKEN,
  GITHUB_API_URL: githubUrl,
});
const cli = (args: string[], ws = workspace): Promise<RunResult> =>
  run(cxops, args, { env: envFor(ws), cwd: ws, timeoutMs: 900_000 });

async function mustPass(args: string[], ws = workspace): Promise<RunResult> {
  const result = await cli(args, ws);
  expect(result.exitCode, `${args.join(' ')}\n${result.stderr}\n${result.stdout.slice(-2000)}`).toBe(0);
  return result;
}

const planAndApply = async (environment: string, ws = workspace) => {
  await mustPass(['plan', environment], ws);
  await mustPass(['apply', environment], ws);
};

/** `cxops drift` on every environment: its exit code and report. */
async function sweep(): Promise<Record<string, { exitCode: number; report: DriftReport }>> {
  const results: Record<string, { exitCode: number; report: DriftReport }> = {};
  for (const environment of ENVIRONMENTS) {
    const result = await cli(['drift', environment, '--json']);
    expect([0, 2], `${environment}: ${result.stderr}`).toContain(result.exitCode);
    results[environment] = { exitCode: result.exitCode, report: JSON.parse(result.stdout) as DriftReport };
  }
  return results;
}

/** Asserts exactly one drifted object, in `environment`, and none anywhere else. */
function onlyDrift(results: Awaited<ReturnType<typeof sweep>>, environment: string) {
  for (const [name, { exitCode, report }] of Object.entries(results)) {
    if (name === environment) continue;
    expect({ name, exitCode, drifted: report.drifted }).toEqual({ name, exitCode: 0, drifted: [] });
  }
  const { exitCode, report } = results[environment]!;
  expect(exitCode).toBe(2);
  expect(report.drifted).toHaveLength(1);
  return report.drifted[0]!;
}

const openIssues = () => github.store.issues.filter((i) => i.state === 'open');

beforeAll(async () => {
  requireToolchainBinary('tofu');
  stackDir = await mkdtemp(path.join(os.tmpdir(), 'cxops-drift-stack-'));
  const copy = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cxops-drift-ws-'));
    await writeFile(path.join(dir, 'nx.json'), '{}');
    for (const folder of ['modules', 'environments'])
      await cp(path.join(workspaceRoot(), folder), path.join(dir, folder), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !/[/\\](\.terraform|dist)([/\\]|$)|\.terraform\.lock\.hcl$/.test(source),
      });
    return dir;
  };
  workspace = await copy();
  twin = await copy();
  github = createGitHubStandIn({
    repos: { 'acme/contact-center': [1] },
    tokens: { [TOKEN]: 'github-actions[bot]' },
  });
  githubUrl = await listen(github);
  await planAndApply('org');
  const departments = await Promise.all(ENVIRONMENTS.slice(1).map((d) => planAndApply(d).then(() => d)));
  expect(departments).toEqual(['sales', 'support', 'billing']);
  const status = JSON.parse((await mustPass(['emulator', 'status', '--json'])).stdout) as {
    endpoint: string;
  };
  admin = new EmulatorAdmin(status.endpoint);
}, 1_800_000);

afterAll(async () => {
  await cli(['stack', 'stop']);
  await github?.app.close();
  for (const dir of [workspace, twin, stackDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe.sequential('drift people can trust, with the real provider', () => {
  it('finds no drift anywhere right after the applies (the sweep: time and API calls)', async () => {
    await admin.resetMetrics();
    const started = Date.now();
    const results = await sweep();
    const seconds = (Date.now() - started) / 1000;
    const metrics = await admin.metrics();
    for (const { exitCode, report } of Object.values(results))
      expect([exitCode, report.drifted]).toEqual([0, []]);
    // The figures of the note: one plan per environment, no audit query when nothing drifted.
    console.log(
      `drift sweep of ${ENVIRONMENTS.length} environments: ${seconds.toFixed(1)} s, ${metrics.total.requests} API calls ` +
        `(${metrics.total.status429} × 429); ignored (not drift): ${ENVIRONMENTS.map((e) => `${e} ${results[e]!.report.ignored}`).join(', ')}`,
    );
    expect(Object.keys(metrics.routes).some((r) => r.includes('/audits/'))).toBe(false);
    expect((await mustPass(['drift-issues'])).stdout).toContain('sales: clean, issue none');
    expect(github.store.issues).toEqual([]);
  }, 900_000);

  it('a queue changed in the admin UI: sales reports exactly it, was → now, who and when; an issue opens', async () => {
    const before = new Date().toISOString();
    await mustPass([
      'emulator',
      'change',
      'queues',
      'Sales - Chat',
      'acwSettings.timeoutMs=60000',
      '--actor',
      'Jane Supervisor',
    ]);
    const results = await sweep();
    const queue = onlyDrift(results, 'sales');
    expect(queue).toMatchObject({
      type: 'genesyscloud_routing_queue',
      name: 'Sales - Chat',
      description: "Queue 'Sales - Chat': ACW timeout 120 s → 60 s",
      attributes: [{ attribute: 'acw_timeout_ms', before: 120000, after: 60000, apply: 120000 }],
      changedBy: {
        status: 'found',
        changes: [{ actor: { kind: 'person', name: 'Jane Supervisor' }, action: 'Update' }],
      },
    });
    expect(queue.changedBy.changes[0]!.at >= before).toBe(true);
    const markdown = await readFile(path.join(workspace, 'dist', 'plans', 'sales', 'drift.md'), 'utf8');
    expect(markdown).toContain(
      "| Queue 'Sales - Chat' | ACW timeout 120 s → 60 s | Jane Supervisor (person) |",
    );

    const synced = await mustPass(['drift-issues', '--json']);
    expect(JSON.parse(synced.stdout)).toContainEqual(
      expect.objectContaining({ environment: 'sales', action: 'created' }),
    );
    expect(openIssues().map((i) => i.title)).toEqual(['Drift in sales: 1 object changed outside code']);
    expect(openIssues()[0]!.body).toContain('Jane Supervisor (person)');
    // The next night, the same drift: the issue is left as it is.
    await mustPass(['drift-issues']);
    expect(github.store.issues).toHaveLength(1);
  }, 900_000);

  it('the same queue changed again: the one issue is updated and commented, not duplicated', async () => {
    await mustPass([
      'emulator',
      'change',
      'queues',
      'Sales - Chat',
      'acwSettings.timeoutMs=45000',
      '--actor',
      'Max Manager',
    ]);
    const sales = await cli(['drift', 'sales', '--json']);
    expect(sales.exitCode).toBe(2);
    const report = JSON.parse(sales.stdout) as DriftReport;
    expect(report.drifted.map((d) => d.description)).toEqual([
      "Queue 'Sales - Chat': ACW timeout 120 s → 45 s",
    ]);
    // Both people changed it since the last apply: both are named.
    expect(report.drifted[0]!.changedBy.changes.map((c) => c.actor.name)).toEqual([
      'Jane Supervisor',
      'Max Manager',
    ]);
    const synced = JSON.parse((await mustPass(['drift-issues', 'sales', '--json'])).stdout);
    expect(synced).toEqual([expect.objectContaining({ environment: 'sales', action: 'updated' })]);
    expect(github.store.issues).toHaveLength(1);
    expect(github.store.issues[0]!.body).toContain('120 s → 45 s');
    expect(
      github.store.list('acme/contact-center', github.store.issues[0]!.number).map((c) => c.body),
    ).toEqual([
      expect.stringMatching(
        /^The drift changed \(checked .+\): 1 object now — Queue 'Sales - Chat': ACW timeout 120 s → 45 s\.$/,
      ),
    ]);
  }, 900_000);

  it('keeps every report in the state bucket, with its history', async () => {
    // The stack is found through this process's environment.
    process.env.CXOPS_STATE_DIR = stackDir;
    const store = await openStateStore({ target: 'local' });
    try {
      const versions = await reportHistory(store, 'sales');
      expect(versions.length).toBeGreaterThanOrEqual(3); // one per drift run of sales
      expect(versions[0]!.latest).toBe(true);
    } finally {
      delete process.env.CXOPS_STATE_DIR;
      store.close();
    }
  });

  it('after an apply puts the queue back, sales is clean and its issue is commented and closed', async () => {
    await planAndApply('sales');
    const results = await sweep();
    for (const { exitCode, report } of Object.values(results))
      expect([exitCode, report.drifted]).toEqual([0, []]);
    await mustPass(['drift-issues']);
    expect(openIssues()).toEqual([]);
    const [issue] = github.store.issues;
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(github.store.list('acme/contact-center', issue!.number).at(-1)!.body).toMatch(
      /^No drift in sales any more \(checked .+\): the org matches the code again\. Closing\.$/,
    );
  }, 900_000);

  it('a user changed out of band: billing reports exactly that user, nowhere else', async () => {
    await mustPass([
      'emulator',
      'change',
      'users',
      'Rosa Delgado',
      'title=Senior Billing Agent',
      '--actor',
      'Jane Supervisor',
    ]);
    const user = onlyDrift(await sweep(), 'billing');
    expect(user).toMatchObject({
      type: 'genesyscloud_user',
      description: "User 'Rosa Delgado': title Billing Agent → Senior Billing Agent",
      changedBy: { status: 'found', changes: [{ actor: { kind: 'person', name: 'Jane Supervisor' } }] },
    });
    await planAndApply('billing');
  }, 900_000);

  it('a role changed out of band: the org root reports exactly that role, no department does', async () => {
    await mustPass([
      'emulator',
      'change',
      'roles',
      'Quality Evaluator',
      'description=Scores calls',
      '--actor',
      'Jane Supervisor',
    ]);
    const role = onlyDrift(await sweep(), 'org');
    expect(role).toMatchObject({
      type: 'genesyscloud_auth_role',
      description:
        "Role 'Quality Evaluator': description Listens to recordings and scores interactions against eva… → Scores calls",
      changedBy: { status: 'found', changes: [{ actor: { kind: 'person', name: 'Jane Supervisor' } }] },
    });
    const doctor = await cli(['state', 'doctor', 'org', '--json']);
    expect(doctor.exitCode).toBe(1);
    expect(JSON.parse(doctor.stdout).checks).toContainEqual(
      expect.objectContaining({
        name: 'org',
        status: 'fail',
        detail: expect.stringContaining("Role 'Quality Evaluator'"),
      }),
    );
    await planAndApply('org');
    expect((await cli(['drift', 'org'])).exitCode).toBe(0);
  }, 900_000);

  it('two applies of one environment at the same moment: one applies, the other stops on the lock, state intact', async () => {
    // The same reviewed change on two machines (two workspaces, one bucket, one org).
    for (const ws of [workspace, twin]) {
      const main = path.join(ws, 'environments', 'support', 'main.tf');
      const text = await readFile(main, 'utf8');
      // The first queue's description (wrap-up codes come first, on one line each).
      await writeFile(main, text.replace(/^(\s+description\s+= )"([^"]*)"/m, '$1"$2 (reviewed)"'));
    }
    await mustPass(['plan', 'support']);
    await mustPass(['plan', 'support'], twin);
    const serialBefore = (
      JSON.parse((await mustPass(['state', 'history', 'support', '--json'])).stdout) as {
        versions: { state?: { serial: number } }[];
      }
    ).versions[0]!.state!.serial;
    // The winner's provider starts and updates the queue slowly (15 s, under the SDK's 16 s timeout per call),
    // so it holds the lock while the other tries to take it.
    await admin.setFaults([
      { method: 'GET', route: '/api/v2/organizations/me', latencyMs: 5000 },
      { method: 'PUT', route: '/api/v2/routing/queues/:id', latencyMs: 10000 },
    ]);
    try {
      const [a, b] = await Promise.all([cli(['apply', 'support']), cli(['apply', 'support'], twin)]);
      const outcomes = [a, b].map((r) => r.exitCode).sort();
      expect(outcomes).toEqual([0, 1]);
      const loser = a.exitCode === 1 ? a : b;
      expect(loser.stderr).toMatch(
        /Can't apply \S+environments\/support: the state is locked by another run: /,
      );
      expect(loser.stderr).toContain('OperationTypeApply');
    } finally {
      await admin.setFaults([]);
    }
    const history = JSON.parse((await mustPass(['state', 'history', 'support', '--json'])).stdout) as {
      versions: { state?: { serial: number } }[];
    };
    expect(history.versions[0]!.state!.serial).toBe(serialBefore + 1);
    expect((await cli(['plan', 'support', '--detailed-exitcode'])).exitCode).toBe(0);
    expect((await cli(['plan', 'support', '--detailed-exitcode'], twin)).exitCode).toBe(0);
    const doctor = await cli(['state', 'doctor', 'support', '--json']);
    expect(doctor.exitCode, doctor.stdout).toBe(0);
  }, 900_000);
});
