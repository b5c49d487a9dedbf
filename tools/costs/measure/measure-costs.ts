// Measures the API cost model: real applies with the real provider against in-process emulated orgs, each at
// -parallelism=1 so every request can be attributed to the one resource operation in progress, then a fit of
// calls per resource type and action against the features of each planned change. Writes
// tools/costs/data/cost-samples.json (every operation measured) and tools/costs/data/cost-model.json (the fit).
//
//   CXOPS_TOOLCHAIN_DIR=... npx tsx tools/costs/measure/measure-costs.ts     (about 20 minutes: the provider's
//   fixed sleeps, run one operation at a time; the scenarios run side by side, one emulated org each)
//
// Scenarios: the repository's org root, then sales, support and billing (create, re-plan, destroy), and two
// division roots of the scale fixture (create, re-plan, an update from a reseeded fixture, destroy).
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, workspaceRoot, writeFileAtomic } from '@cxops/core';
import { createEmulator, listen } from '@cxops/emulator';
import { planFromValue } from '@cxops/plan';
import { resolveEngine, type Engine } from '@cxops/terraform';
import {
  attribute,
  operations,
  providerEnv,
  recordRequests,
  runJson,
  useLocalBackend,
  type TimedRequest,
} from '@cxops/test-support/emulated-runs';
import { featureValues, FEATURES } from '../src/features.ts';
import { fit } from '../src/fit.ts';
import type { CostModel, MeasuredSample } from '../src/model.ts';

/** Two pooled tokens: an operation type whose calls all use one token shares one client (see sharedTokenTypes). */
const POOL = 2;
const DATA = path.join(workspaceRoot(), 'tools/costs/data');

interface Scenario {
  name: string;
  /** Roots in apply order, relative to the scenario's workspace. */
  roots: string[];
  /** Roots to update after the first apply: file to copy over (from the reseeded fixture). */
  update?: Record<string, string>;
}

const samples: MeasuredSample[] = [];
const outside: { process: string; routes: Record<string, number> }[] = [];

function tally(requests: TimedRequest[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) counts[r.route] = (counts[r.route] ?? 0) + 1;
  return counts;
}

function mostUsed(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** One engine run (plan or apply) of `dir`, with each operation's calls recorded as a sample. */
async function measured(
  engine: Engine,
  dir: string,
  args: string[],
  env: Record<string, string>,
  requests: TimedRequest[],
  label: string,
  changes: Map<string, { before: unknown; after: unknown }>,
): Promise<void> {
  const from = performance.timeOrigin + performance.now();
  const [verb, ...rest] = args;
  // The plan file, if any, is the last argument.
  const result = await runJson(engine, dir, [verb!, '-json', '-parallelism=1', '-input=false', ...rest], env);
  const to = performance.timeOrigin + performance.now();
  if (result.exitCode !== 0 && result.exitCode !== 2)
    throw new Error(
      `${label}: ${args.join(' ')} exited ${result.exitCode}\n${result.stdout.slice(-3000)}\n${result.stderr}`,
    );
  const ops = operations(result.messages);
  const { perOperation, outside: between } = attribute(ops, requests, { from, to });
  for (const [op, calls] of perOperation) {
    if (op.failed) continue;
    const data = op.address.startsWith('data.') || op.address.includes('.data.');
    const type = data ? `data.${op.type}` : op.type;
    const change = changes.get(op.address) ?? { before: null, after: null };
    const tokens = calls.map((r) => r.token).filter((t): t is string => t !== undefined);
    samples.push({
      scenario: label,
      address: op.address,
      type,
      action: op.action,
      calls: calls.length,
      seconds: Math.round(op.end - op.start) / 1000,
      tokens: [...new Set(tokens)],
      mainToken: mostUsed(tokens),
      features: data
        ? {}
        : featureValues(
            op.type,
            op.action === 'read' ? { before: null, after: change.before ?? change.after } : change,
          ),
      routes: tally(calls),
    });
  }
  outside.push({ process: `${label} ${args[0]}`, routes: tally(between) });
}

async function planAndApply(
  engine: Engine,
  dir: string,
  env: Record<string, string>,
  requests: TimedRequest[],
  label: string,
  destroy = false,
): Promise<void> {
  const planArgs = ['plan', '-out=measure.tfplan', '-detailed-exitcode', ...(destroy ? ['-destroy'] : [])];
  // The plan's reads (refreshes, data sources) are samples too; its changes give the apply's features.
  const prior = new Map<string, { before: unknown; after: unknown }>();
  await measured(engine, dir, planArgs, env, requests, label, prior);
  const shown = await run(engine.binary, ['show', '-json', 'measure.tfplan'], {
    cwd: dir,
    env: { ...engine.env, ...env },
  });
  const plan = planFromValue(JSON.parse(shown.stdout), `${label} plan`);
  const changes = new Map(
    (plan.resource_changes ?? []).map((rc) => [
      rc.address,
      { before: rc.change.before, after: rc.change.after },
    ]),
  );
  // Reads of the plan get the values the resource had (state), for features such as a queue's member count.
  for (const sample of samples.filter(
    (s) => s.scenario === label && s.action === 'read' && !s.type.startsWith('data.'),
  )) {
    const change = changes.get(sample.address);
    if (change) sample.features = featureValues(sample.type, { before: null, after: change.before });
  }
  await measured(engine, dir, ['apply', 'measure.tfplan'], env, requests, label, changes);
}

async function scenario(engine: Engine, spec: Scenario, source: string): Promise<void> {
  const emulator = createEmulator({ rateLimits: { perToken: 10_000_000, tokenEndpoint: 10_000_000 } });
  const requests = recordRequests(emulator);
  const url = await listen(emulator);
  const env = providerEnv(new URL(url).port, POOL);
  const ws = await mkdtemp(path.join(os.tmpdir(), `cxops-measure-${spec.name}-`));
  try {
    await cp(source, ws, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (s) => !/[/\\]\.terraform([/\\]|$)|tfstate/.test(s),
    });
    for (const root of spec.roots) {
      const dir = path.join(ws, root);
      await useLocalBackend(dir);
      const init = await run(engine.binary, ['init', '-input=false', '-no-color'], {
        cwd: dir,
        env: { ...engine.env, ...env },
      });
      if (init.exitCode !== 0) throw new Error(`init ${root}: ${init.stderr}`);
      await planAndApply(engine, dir, env, requests, `${spec.name}/${root}`);
      process.stderr.write(`measured ${spec.name}/${root}: created\n`);
    }
    const [last] = spec.roots.slice(-1);
    const dir = path.join(ws, last!);
    // A second plan of an applied root: the refresh reads of every resource.
    await planAndApply(engine, dir, env, requests, `${spec.name}/${last} again`);
    if (spec.update) {
      for (const [file, from] of Object.entries(spec.update)) await cp(from, path.join(ws, file));
      await planAndApply(engine, dir, env, requests, `${spec.name}/${last} update`);
      process.stderr.write(`measured ${spec.name}/${last}: updated\n`);
    }
    await planAndApply(engine, dir, env, requests, `${spec.name}/${last} destroy`, true);
    process.stderr.write(`measured ${spec.name}/${last}: destroyed\n`);
  } finally {
    await emulator.app.close();
    await rm(ws, { recursive: true, force: true });
  }
}

/** The scale fixture at a small size, twice: the second reseeded (other skills, wrap-up codes, memberships). */
async function scaleFixture(): Promise<{ first: string; second: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cxops-measure-scale-'));
  const generate = async (out: string, extra: string[]) => {
    const result = await run(
      'npx',
      [
        'tsx',
        'tests/fixtures/scale/generate-org.ts',
        '--out',
        out,
        '--queues',
        '24',
        '--users',
        '60',
        '--skills',
        '12',
        '--wrapup-codes',
        '8',
        '--divisions',
        '2',
        '--flows',
        '2',
        ...extra,
      ],
      { cwd: workspaceRoot() },
    );
    if (result.exitCode !== 0) throw new Error(result.stderr);
  };
  await generate(path.join(dir, 'first'), []);
  await generate(path.join(dir, 'second'), ['--seed', '2', '--queues-per-user', '2']);
  return { first: path.join(dir, 'first'), second: path.join(dir, 'second') };
}

function buildModel(): CostModel {
  const groups = new Map<string, MeasuredSample[]>();
  for (const s of samples) {
    const key = `${s.type} ${s.action}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const types: CostModel['types'] = {};
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [type, action] = key.split(' ') as [string, string];
    const names = (FEATURES[type.replace(/^data\./, '')] ?? []).map((f) => f.name);
    const fitted = fit(group, type.startsWith('data.') ? [] : names);
    const seconds = group.map((s) => s.seconds).sort((a, b) => a - b);
    const routes: Record<string, number> = {};
    for (const s of group)
      for (const [route, n] of Object.entries(s.routes)) routes[route] = (routes[route] ?? 0) + n;
    const meanCalls = group.reduce((sum, s) => sum + s.calls, 0) / group.length;
    types[type] ??= {};
    types[type][action] = {
      samples: group.length,
      ...fitted,
      meanCalls: Math.round(meanCalls * 100) / 100,
      seconds: seconds[Math.floor(seconds.length / 2)]!,
      routes: Object.fromEntries(
        Object.entries(routes).map(([route, n]) => [route, Math.round((n / group.length) * 100) / 100]),
      ),
    };
  }
  // What a provider process costs before any resource: its tokens (pool + 1) and the org reads it configures with.
  const perProcess = outside.map((o) =>
    Object.entries(o.routes)
      .filter(([route]) => route !== 'POST /oauth/token')
      .reduce((sum, [, n]) => sum + n, 0),
  );
  const tokens = outside.map((o) => o.routes['POST /oauth/token'] ?? 0);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  // Provider v1.82.0 keeps one API client for some types (a package-level proxy made with the first token it
  // saw): every operation of the type in one process then uses one token, whatever the pool. Measured: the
  // managed types whose operations in one engine run made their calls on one token between them, over at least
  // 3 operations, while pooled types rotate through the pool. An operation's token is the one most of its calls
  // used: user roles, for one, look up the home division on another client now and then.
  const sharedTokenTypes: string[] = [];
  const runs = new Map<string, Set<string>>();
  const opsPerRun = new Map<string, number>();
  for (const s of samples) {
    if (s.type.startsWith('data.') || !s.mainToken) continue;
    const key = `${s.type}\u0000${s.scenario}\u0000${s.action}`;
    runs.set(key, (runs.get(key) ?? new Set()).add(s.mainToken));
    opsPerRun.set(key, (opsPerRun.get(key) ?? 0) + 1);
  }
  const byType = new Map<string, boolean>();
  for (const [key, tokens] of runs) {
    if ((opsPerRun.get(key) ?? 0) < 3) continue;
    const type = key.split('\u0000')[0]!;
    byType.set(type, (byType.get(type) ?? true) && tokens.size === 1);
  }
  for (const [type, shared] of [...byType].sort()) if (shared) sharedTokenTypes.push(type);
  return {
    $comment:
      'Generated by tools/costs/measure/measure-costs.ts from cost-samples.json: real applies with the real provider against the emulated org, one operation at a time. Do not edit; measure again.',
    provider: 'mypurecloud/genesyscloud 1.82.0',
    measuredAt: new Date().toISOString(),
    overhead: { perProcess: median(perProcess), tokenCallsPerToken: median(tokens) / (POOL + 1) },
    sharedTokenTypes,
    types,
  };
}

async function main(): Promise<void> {
  const engine = await resolveEngine();
  const repo = await mkdtemp(path.join(os.tmpdir(), 'cxops-measure-repo-'));
  for (const folder of ['modules', 'environments'])
    await cp(path.join(workspaceRoot(), folder), path.join(repo, folder), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (s) => !/[/\\]\.terraform([/\\]|$)|tfstate|dist/.test(s),
    });
  const scale = await scaleFixture();
  const divisions = (await readdir(scale.first)).filter((d) => d.startsWith('division-'));
  const scenarios: [Scenario, string][] = [
    ...['sales', 'support', 'billing'].map((d): [Scenario, string] => [
      { name: d, roots: ['environments/org', `environments/${d}`] },
      repo,
    ]),
    ...divisions.map((d): [Scenario, string] => [
      { name: d, roots: ['org', d], update: { [`${d}/main.tf`]: path.join(scale.second, d, 'main.tf') } },
      scale.first,
    ]),
  ];
  await Promise.all(scenarios.map(([spec, source]) => scenario(engine, spec, source)));
  await rm(repo, { recursive: true, force: true });
  await rm(path.dirname(scale.first), { recursive: true, force: true });
  await mkdir(DATA, { recursive: true });
  samples.sort((a, b) =>
    `${a.scenario} ${a.address} ${a.action}`.localeCompare(`${b.scenario} ${b.address} ${b.action}`),
  );
  // One operation per line (without its route tally, which the model keeps as means): reviewable in a diff.
  const lines = samples.map(({ routes: _routes, tokens, mainToken: _token, ...sample }) =>
    JSON.stringify({ ...sample, tokens: tokens.length }),
  );
  await writeFileAtomic(
    path.join(DATA, 'cost-samples.json'),
    `{\n"outside": ${JSON.stringify(outside)},\n"samples": [\n${lines.join(',\n')}\n]}\n`,
  );
  await writeFileAtomic(path.join(DATA, 'cost-model.json'), `${JSON.stringify(buildModel(), null, 2)}\n`);
  process.stderr.write(`wrote ${samples.length} samples and the model to ${DATA}\n`);
}

await main();
