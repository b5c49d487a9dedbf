// The apply benchmark: the scale fixture applied with the real provider against the emulated org, with a rate
// budget low enough that the rate is the bottleneck, three ways in one run: plain `tofu apply` at its default
// parallelism, plain `tofu apply` at high parallelism, and the governed apply (the scheduler under one rate
// governor). Each variant starts from an empty org. Prints a table and writes dist/bench/apply-bench.json.
//
//   CXOPS_TOOLCHAIN_DIR=... npx tsx tools/scheduler/bench/apply-bench.ts        (part of `npm run bench`)
//
// The size and budget are set below (BENCH_* variables override them): the defaults are the scale fixture (600
// queues, 80 skills, 1,500 users in 6 division roots) under a 2,400-a-minute client budget, about an hour for
// the three variants on a 2-core machine; BENCH_QUEUES=120 BENCH_USERS=300 is a quicker look.
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, workspaceRoot, writeFileAtomic } from '@cxops/core';
import { costModel, predict } from '@cxops/costs';
import { createEmulator, listen } from '@cxops/emulator';
import { defaultBudget, singleUpstream, startGovernor, type RateBudget } from '@cxops/governor';
import { resolveEngine, type Engine } from '@cxops/terraform';
import {
  providerEnv,
  recordRequests,
  ScratchRoot,
  type TimedRequest,
} from '@cxops/test-support/emulated-runs';
import { runStages, stagesOf, type StageRunner } from '../src/index.ts';

const now = () => performance.timeOrigin + performance.now();
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZE = {
  queues: num('BENCH_QUEUES', 600),
  users: num('BENCH_USERS', 1500),
  skills: num('BENCH_SKILLS', 80),
  wrapupCodes: num('BENCH_WRAPUP_CODES', 40),
  divisions: num('BENCH_DIVISIONS', 6),
  flows: num('BENCH_FLOWS', 10),
};
/** The emulated org's limits: per token, and for the whole OAuth client (org.app.user.rate.per.minute). */
const LIMITS = {
  perToken: num('BENCH_PER_TOKEN', 300),
  client: num('BENCH_CLIENT', 2400),
  windowSeconds: 60,
};
/** Tokens per provider (its pool: 1..20 in v1.82.0) and the run's total for the governed apply. */
const TOKENS = { pool: num('BENCH_POOL', 20), run: num('BENCH_RUN_TOKENS', 90) };
const HIGH_PARALLELISM = num('BENCH_HIGH', 40);

interface Row {
  variant: string;
  parallelism: string;
  tokens: number;
  wallSeconds: number;
  predictedApplyCalls: number;
  measuredApplyCalls: number;
  servedCalls: number;
  floorSeconds: number;
  wallOverFloor: number;
  api429: number;
  provider429: number;
  failedObjects: number;
  failedRoots: string[];
  /** Where the time went: each root's plan and apply, in seconds from the variant's start. */
  phases: Phase[];
  /** Platform API calls served per second, in 10-second steps from the start. */
  servedPerSecond: number[];
  /** The route most of each step's calls went to, and its share of them. */
  busiestRoute: { route: string; share: number }[];
}

interface Phase {
  root: string;
  phase: 'plan' | 'apply';
  from: number;
  to: number;
}

const budget = (tokens: number): RateBudget => ({
  ...defaultBudget(),
  perToken: { limit: LIMITS.perToken, windowSeconds: LIMITS.windowSeconds },
  maxTokens: tokens,
  families: [
    { name: 'client', pattern: '^/api/v2/', limit: LIMITS.client, windowSeconds: LIMITS.windowSeconds },
    ...defaultBudget().families.filter((f) => f.name !== 'client'),
  ],
});

/** Requests per second the budget allows `tokens` tokens. */
const rate = (tokens: number) => Math.min(tokens * LIMITS.perToken, LIMITS.client) / LIMITS.windowSeconds;

async function generate(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'cxops-bench-')), 'fixture');
  const args = [
    'tsx',
    'tests/fixtures/scale/generate-org.ts',
    '--out',
    dir,
    '--queues',
    String(SIZE.queues),
    '--users',
    String(SIZE.users),
    '--skills',
    String(SIZE.skills),
    '--wrapup-codes',
    String(SIZE.wrapupCodes),
    '--divisions',
    String(SIZE.divisions),
    '--flows',
    String(SIZE.flows),
  ];
  const result = await run('npx', args, { cwd: workspaceRoot() });
  if (result.exitCode !== 0) throw new Error(result.stderr);
  process.stderr.write(result.stdout);
  return dir;
}

interface Org {
  port: number;
  requests: TimedRequest[];
  /** The OAuth client that minted a token (by the token's label). */
  clientOf: (token: string | undefined) => string | undefined;
  /** Tokens the client was issued (each one call to the token endpoint). */
  tokensIssuedTo: (client: string) => number;
  metrics: () => { total: { requests: number; status429: number } };
  close: () => Promise<void>;
}

async function emulatedOrg(): Promise<Org> {
  const emulator = createEmulator({
    rateLimits: {
      perToken: LIMITS.perToken,
      windowSeconds: LIMITS.windowSeconds,
      tokenEndpoint: 100_000,
      families: [{ name: 'client', pattern: '^/api/v2/', limit: LIMITS.client }],
    },
  });
  const requests = recordRequests(emulator);
  const url = await listen(emulator);
  return {
    port: Number(new URL(url).port),
    requests,
    clientOf: (token) => (token ? emulator.context.tokenClients.get(token) : undefined),
    tokensIssuedTo: (client) =>
      [...emulator.context.tokenClients.values()].filter((c) => c === client).length,
    metrics: () => emulator.context.metrics.snapshot(),
    close: () => emulator.app.close(),
  };
}

/**
 * Plans and applies sign in as different OAuth clients, so the emulator can tell their calls apart when they
 * overlap (the org's limits are per token and per route family, not per client, so nothing else changes).
 */
const CLIENT = { plan: 'cxops-bench-plan', apply: 'cxops-bench-apply' } as const;
const signedInAs = (client: string) => ({
  GENESYSCLOUD_OAUTHCLIENT_ID: client,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: client,
});

/** The fixture's roots, run with plain tofu against an address (the emulator, or the governor). */
class FixtureRoots {
  /** Each root's plans and applies, when they began and ended (ms since the epoch). */
  readonly phases: { root: string; phase: Phase['phase']; at: [number, number] }[] = [];
  failedObjects = 0;
  readonly failedRoots: string[] = [];
  private readonly roots = new Map<string, ScratchRoot>();

  constructor(engine: Engine, dir: string, baseEnv: Record<string, string>, names: string[]) {
    for (const name of names) this.roots.set(name, new ScratchRoot(engine, path.join(dir, name), baseEnv));
  }

  root(name: string): ScratchRoot {
    return this.roots.get(name)!;
  }

  private async timed<T>(root: string, phase: Phase['phase'], work: () => Promise<T>): Promise<T> {
    const began = now();
    try {
      return await work();
    } finally {
      this.phases.push({ root, phase, at: [began, now()] });
    }
  }

  plan(name: string, env: Record<string, string>, parallelism?: number) {
    return this.timed(name, 'plan', () =>
      this.root(name).plan({ ...env, ...signedInAs(CLIENT.plan) }, parallelism),
    );
  }

  async apply(name: string, env: Record<string, string>, parallelism?: number): Promise<string> {
    const applied = await this.timed(name, 'apply', () =>
      this.root(name).apply({ ...env, ...signedInAs(CLIENT.apply) }, parallelism),
    );
    this.failedObjects += applied.failedObjects.length;
    if (applied.exitCode !== 0) {
      this.failedRoots.push(name);
      process.stderr.write(
        `  ${name}: apply failed (${applied.failedObjects.length} objects): ${applied.errors.slice(0, 3).join(' | ')}\n${applied.stderr.slice(-1500)}\n`,
      );
      throw new Error(`apply ${name} failed`);
    }
    return applied.stdout;
  }
}

/** The Platform API calls served from `from` to `to`, in 10-second steps. */
function steps(requests: TimedRequest[], from: number, to: number): TimedRequest[][] {
  const out = Array.from({ length: Math.ceil((to - from) / 10_000) }, (): TimedRequest[] => []);
  for (const r of requests)
    if (r.status !== 429 && r.route.includes(' /api/v2/') && r.at >= from && r.at < to)
      out[Math.floor((r.at - from) / 10_000)]!.push(r);
  return out;
}

function busiest(step: TimedRequest[]): { route: string; share: number } {
  const counts = new Map<string, number>();
  for (const r of step) counts.set(r.route, (counts.get(r.route) ?? 0) + 1);
  const [route, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { route, share: step.length ? Math.round((n / step.length) * 100) / 100 : 0 };
}

async function variant(
  engine: Engine,
  fixture: string,
  roots: string[],
  name: string,
  mode: { kind: 'plain'; parallelism: number; tokens: number } | { kind: 'governed'; tokens: number },
): Promise<Row> {
  const org = await emulatedOrg();
  const dir = await mkdtemp(path.join(os.tmpdir(), `cxops-bench-${name}-`));
  await cp(fixture, dir, { recursive: true, verbatimSymlinks: true });
  const baseEnv = providerEnv(org.port, Math.min(mode.tokens, 20));
  const fixtureRoots = new FixtureRoots(engine, dir, baseEnv, roots);
  for (const root of roots) await fixtureRoots.root(root).init();
  process.stderr.write(`▶ ${name}\n`);
  const started = now();
  let predicted = 0;
  let provider429 = 0;
  let parallelism = '';
  if (mode.kind === 'plain') {
    parallelism = String(mode.parallelism);
    // One root after another, org first: how the apply workflow ran before the scheduler.
    for (const root of roots) {
      const plan = await fixtureRoots.plan(root, {}, mode.parallelism);
      predicted += predict(plan, {
        budget: budget(mode.tokens),
        tokens: mode.tokens,
        parallelism: mode.parallelism,
      }).calls;
      try {
        await fixtureRoots.apply(root, {}, mode.parallelism);
      } catch {
        if (root === 'org') break;
      }
    }
    provider429 = org.metrics().total.status429;
  } else {
    const runBudget = budget(mode.tokens);
    const governor = await startGovernor({
      upstream: singleUpstream(`http://127.0.0.1:${org.port}`),
      budget: runBudget,
    });
    const runner: StageRunner = {
      plan: async (root, overrides) => {
        await fixtureRoots.plan(root, overrides);
      },
      planJson: async (root) => fixtureRoots.root(root).lastPlan!,
      apply: (root, overrides) => fixtureRoots.apply(root, overrides),
    };
    const outcomes = await runStages(stagesOf(roots), runner, {
      budget: runBudget,
      port: governor.port,
      plan: true,
      say: (line) => process.stderr.write(`  [${Math.round(now() - started) / 1000} s] ${line}\n`),
      model: costModel(),
    });
    predicted = outcomes.reduce((sum, o) => sum + (o.predicted?.calls ?? 0), 0);
    parallelism = outcomes.map((o) => `${o.environment} ${o.parallelism}`).join(', ');
    provider429 = governor.stats().passed429;
    await governor.close();
  }
  const ended = now();
  const served10s = steps(org.requests, started, ended);
  const wall = (ended - started) / 1000;
  const metrics = org.metrics().total;
  // What the budget carries: Platform API calls served (the token endpoint has a budget of its own).
  const served = org.requests.filter(
    (r) => r.at >= started && r.status !== 429 && r.route.includes(' /api/v2/'),
  ).length;
  const floor = served / rate(mode.tokens);
  await org.close();
  await rm(dir, { recursive: true, force: true });
  const row: Row = {
    variant: name,
    parallelism,
    tokens: mode.tokens,
    wallSeconds: Math.round(wall),
    predictedApplyCalls: Math.round(predicted),
    // What the prediction counts: the applies' API calls and their token requests.
    measuredApplyCalls:
      org.requests.filter((r) => r.status !== 429 && org.clientOf(r.token) === CLIENT.apply).length +
      org.tokensIssuedTo(CLIENT.apply),
    servedCalls: served,
    floorSeconds: Math.round(floor),
    wallOverFloor: Math.round((wall / floor) * 100) / 100,
    api429: metrics.status429,
    provider429,
    failedObjects: fixtureRoots.failedObjects,
    failedRoots: fixtureRoots.failedRoots,
    phases: fixtureRoots.phases.map(({ at, ...phase }) => ({
      ...phase,
      from: Math.round(at[0] - started) / 1000,
      to: Math.round(at[1] - started) / 1000,
    })),
    servedPerSecond: served10s.map((step) => Math.round(step.length / 10)),
    busiestRoute: served10s.map(busiest),
  };
  process.stderr.write(
    `✔ ${name}: ${JSON.stringify({ ...row, phases: undefined, servedPerSecond: undefined, busiestRoute: undefined })}\n`,
  );
  for (const p of row.phases) process.stderr.write(`    ${p.root} ${p.phase} ${p.from}–${p.to} s\n`);
  process.stderr.write(`    calls served per second, 10 s steps: ${row.servedPerSecond.join(' ')}\n`);
  // Where the budget was not full: what the calls of those steps were.
  const budgetRate = Math.floor(rate(mode.tokens));
  row.servedPerSecond.forEach((perSecond, i) => {
    const { route, share } = row.busiestRoute[i]!;
    if (perSecond < budgetRate * 0.9)
      process.stderr.write(
        `    ${i * 10}–${i * 10 + 10} s: ${perSecond}/s, ${Math.round(share * 100)} % ${route}\n`,
      );
  });
  return row;
}

async function main(): Promise<void> {
  const engine = await resolveEngine();
  const fixture = await generate();
  const roots = ['org', ...(await readdir(fixture)).filter((d) => d.startsWith('division-')).sort()];
  const only = process.env.BENCH_ONLY?.split(',');
  const variants: [string, Parameters<typeof variant>[4]][] = [
    ['governed', { kind: 'governed', tokens: TOKENS.run }],
    ['plain, default parallelism', { kind: 'plain', parallelism: 10, tokens: TOKENS.pool }],
    [
      `plain, parallelism ${HIGH_PARALLELISM}`,
      { kind: 'plain', parallelism: HIGH_PARALLELISM, tokens: TOKENS.pool },
    ],
  ];
  const rows: Row[] = [];
  for (const [name, mode] of variants)
    if (!only || only.some((o) => name.startsWith(o)))
      rows.push(await variant(engine, fixture, roots, name, mode));
  await rm(path.dirname(fixture), { recursive: true, force: true });
  const header =
    `Apply benchmark: scale fixture with ${SIZE.queues} queues, ${SIZE.users} users, ${SIZE.skills} skills, ` +
    `${SIZE.wrapupCodes} wrap-up codes, ${SIZE.divisions} division roots + org; limits ${LIMITS.perToken} requests/min per token ` +
    `and ${LIMITS.client}/min for the OAuth client (all tokens); floor = calls served ÷ the budget's rate.`;
  const table = [
    '| run | parallelism | tokens | wall s | predicted apply calls | measured apply calls | calls served (plans + applies) | floor s | wall ÷ floor | 429s from the API | 429s reaching the provider | failed objects |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.variant} | ${r.parallelism} | ${r.tokens} | ${r.wallSeconds} | ${r.predictedApplyCalls} | ${r.measuredApplyCalls} | ${r.servedCalls} | ${r.floorSeconds} | ${r.wallOverFloor} | ${r.api429} | ${r.provider429} | ${r.failedObjects}${r.failedRoots.length ? ` (${r.failedRoots.join(', ')} failed)` : ''} |`,
    ),
  ];
  console.log(`${header}\n\n${table.join('\n')}`);
  const out = path.join(workspaceRoot(), 'dist', 'bench');
  await mkdir(out, { recursive: true });
  await writeFileAtomic(
    path.join(out, 'apply-bench.json'),
    `${JSON.stringify({ size: SIZE, limits: LIMITS, tokens: TOKENS, rows }, null, 2)}\n`,
  );
}

await main();
