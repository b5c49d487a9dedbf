// Policy evaluation on a generated 10,000-resource plan: load, evaluate, render the summary.
// Goal: under 2 s and under 500 MB. Run: npx tsx tools/plan/bench/policy-bench.ts (part of `npm run bench`).
// The measured work runs in a child process so its peak memory is its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePlan } from '@cxops/test-support/generated-plan';
import { evaluatePolicies, loadPlan, renderSummary } from '../src/index.ts';

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);

async function measure(file: string): Promise<void> {
  const t0 = performance.now();
  const { plan } = await loadPlan(file);
  const t1 = performance.now();
  const report = evaluatePolicies([
    {
      environment: 'large',
      plan,
      config: { rules: { 'blast-radius': { maxChanges: 1_000_000, maxDestructive: 1_000_000 } } },
    },
  ]);
  const t2 = performance.now();
  const summary = renderSummary([{ environment: 'large', plan }], report, { limit: 65_000 });
  const t3 = performance.now();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      loadMs: t1 - t0,
      evaluateMs: t2 - t1,
      summaryMs: t3 - t2,
      totalMs: t3 - t0,
      peakMb,
      findings: report.findings.length,
      summaryChars: summary.markdown.length,
    }),
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return measure(process.argv[3]!);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxops-policy-bench-'));
  try {
    const file = path.join(dir, 'plan.json');
    writePlan(file, RESOURCES, { deletes: true });
    const sizeMb = statSync(file).size / 1024 / 1024;
    const runs = [1, 2, 3].map(
      () =>
        JSON.parse(
          execFileSync(
            process.execPath,
            ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file],
            { encoding: 'utf8' },
          ),
        ) as Record<string, number>,
    );
    const best = (key: string) => Math.min(...runs.map((r) => r[key]!));
    console.log(
      `Policy evaluation on a generated plan: ${RESOURCES.toLocaleString('en-US')} resource changes, ${sizeMb.toFixed(1)} MB of plan JSON (best of 3 fresh processes):`,
    );
    console.table({
      load: `${best('loadMs').toFixed(0)} ms`,
      'evaluate policies': `${best('evaluateMs').toFixed(0)} ms`,
      'render PR summary': `${best('summaryMs').toFixed(0)} ms`,
      total: `${best('totalMs').toFixed(0)} ms (goal < 2000 ms: ${(best('totalMs') / 2000).toFixed(2)}× the budget)`,
      'peak RSS': `${best('peakMb').toFixed(0)} MB (goal < 500 MB: ${(best('peakMb') / 500).toFixed(2)}× the budget)`,
      findings: String(runs[0]!.findings),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
