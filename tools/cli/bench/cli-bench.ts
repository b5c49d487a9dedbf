// How fast cxops starts, and `cxops assert` against Conftest on the same plan: a generated 10,001-change plan
// (about 7 MB) with a queue delete and a wildcard role planted, Conftest v0.69.0 with the two equivalent Rego
// rules in bench/policy/. Fresh processes, interleaved, medians; peak memory of each process tree.
// Run: npx tsx tools/cli/bench/cli-bench.ts [--runs 7]   (part of `npm run bench`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compare, machine, median, timingRow, type Command, type Timing } from '@cxops/test-support/bench';
import { writePlan } from '@cxops/test-support/generated-plan';
import { peer } from '@cxops/test-support/peers';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const cxopsBin = path.join(repoRoot, 'tools/cli/bin/cxops.mjs');
const POLICY_DIR = path.join(here, 'policy');
const CHANGES = 10_000;

export async function main(argv = process.argv.slice(2)): Promise<number> {
  if (argv[0] === '--work') return timeWork(argv[1]!);
  const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '7' } } });
  const runs = Number(values.runs);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxops-cli-bench-'));
  try {
    // The folder names the environment, as dist/plans/<env>/plan.json does.
    const large = planFile(dir, 'large', CHANGES);
    const tiny = planFile(dir, 'tiny', 1, false);
    const conftest = peer('conftest');
    console.log(`cxops start-up and policy checks; ${machine()}.`);
    console.log(
      `Plan: ${(CHANGES + 1).toLocaleString('en-US')} resource changes, ${(statSync(large).size / 1024 / 1024).toFixed(1)} MB, ` +
        `a queue delete and a wildcard role planted; ${runs} runs each after a warm-up, interleaved.`,
    );

    const startup = await compare(
      [
        cxops('cxops --help (node bin/cxops.mjs)', ['--help']),
        {
          label: 'cxops --help (node_modules/.bin/cxops)',
          command: path.join(repoRoot, 'node_modules/.bin/cxops'),
          args: ['--help'],
          cwd: repoRoot,
        },
        npx('npx cxops --help', ['--help']),
        {
          ...cxops('cxops --help from the TypeScript sources (tsx)', ['--help']),
          env: { CXOPS_CLI_FROM_SOURCE: '1' },
        },
        cxops('cxops assert, 1-change plan (start-up)', ['assert', tiny]),
      ],
      runs,
    );
    console.log('\nStart-up:');
    console.table(startup.map((t) => timingRow(t)));

    const peers: Command[] =
      'path' in conftest
        ? [
            {
              label: `conftest test (v${conftest.version}, 2 Rego rules)`,
              command: conftest.path,
              args: ['test', '--no-color', '--policy', POLICY_DIR, large],
              okExitCodes: [1],
            },
          ]
        : [];
    const policies = await compare(
      [
        ...peers,
        cxops('cxops assert (node bin/cxops.mjs)', ['assert', large]),
        npx('npx cxops assert', ['assert', large]),
      ],
      runs,
    );
    const reference = peers.length > 0 ? policies[0] : undefined;
    console.log(`\nThe same plan, blocking findings expected (exit 1) from each:`);
    console.table(policies.map((t) => timingRow(t, reference)));
    if (!reference)
      console.log(`Conftest is left out: ${'unavailable' in conftest ? conftest.unavailable : ''}`);
    checkFindings(policies);

    const assertLarge = policies.find((t) => t.label.startsWith('cxops assert'))!;
    const work = planWork(large, runs);
    const total = work.loadMs + work.evaluateMs + work.renderMs;
    console.log(
      `\ncxops assert on the large plan: ${assertLarge.medianMs} ms = plan work ${Math.round(total)} ms ` +
        `(load ${Math.round(work.loadMs)}, evaluate ${Math.round(work.evaluateMs)}, render ${Math.round(work.renderMs)}; ` +
        `medians of ${runs} runs timed inside the process) + start-up and exit ${Math.round(assertLarge.medianMs - total)} ms.` +
        (reference
          ? ` Conftest: ${reference.medianMs} ms (ratio cxops/Conftest ${(assertLarge.medianMs / reference.medianMs).toFixed(2)}).`
          : ''),
    );
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Work {
  loadMs: number;
  evaluateMs: number;
  renderMs: number;
}

/** What `cxops assert` does once started, timed inside a fresh process: read plans and settings, judge, print. */
async function timeWork(file: string): Promise<number> {
  const { loadEnvironmentPlans } = await import('@cxops/jobs');
  const { evaluatePolicies, policyMarkdown } = await import('@cxops/plan');
  const t0 = performance.now();
  const inputs = await loadEnvironmentPlans([file]);
  const t1 = performance.now();
  const report = evaluatePolicies(inputs);
  const t2 = performance.now();
  policyMarkdown(report);
  const t3 = performance.now();
  const work: Work = { loadMs: t1 - t0, evaluateMs: t2 - t1, renderMs: t3 - t2 };
  process.stdout.write(JSON.stringify(work));
  return 0;
}

function planWork(file: string, runs: number): Work {
  const results = Array.from({ length: runs }, () => {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--work', file],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(`timing the plan work failed:\n${child.stderr}`);
    return JSON.parse(child.stdout) as Work;
  });
  const of = (key: keyof Work) => median(results.map((r) => r[key]));
  return { loadMs: of('loadMs'), evaluateMs: of('evaluateMs'), renderMs: of('renderMs') };
}

function planFile(dir: string, environment: string, changes: number, planted = true): string {
  mkdirSync(path.join(dir, environment));
  const file = path.join(dir, environment, 'plan.json');
  writePlan(file, changes, { planted });
  return file;
}

/** cxops the way the Nx targets and hooks run it, from the workspace root. */
function cxops(label: string, args: string[]): Command {
  return { label, command: process.execPath, args: [cxopsBin, ...args], cwd: repoRoot, okExitCodes: [0, 1] };
}

function npx(label: string, args: string[]): Command {
  return { label, command: 'npx', args: ['cxops', ...args], cwd: repoRoot, okExitCodes: [0, 1] };
}

/** Both tools must report the two planted findings, or the comparison means nothing. */
function checkFindings(timings: Timing[]): void {
  for (const timing of timings) {
    for (const needle of ['genesyscloud_routing_queue.this["Object 0"]', 'auth_role.this["Everything"]']) {
      if (!timing.stdout.includes(needle)) throw new Error(`${timing.label} did not report ${needle}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
