// Policy evaluation on a generated 10,000-resource plan: load (streamed), evaluate, render the summary.
// Goal: under 2 s and under 500 MB. Run: npx tsx tools/plan/bench/policy-bench.ts (part of `npm run bench`).
// The measured work runs in a child process so its peak memory is its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluatePolicies, loadPlan, renderSummary, type ResourceChange } from '../src/index.ts';

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 10_000);

function generatePlan(file: string): void {
  const types = [
    'genesyscloud_routing_queue',
    'genesyscloud_user',
    'genesyscloud_routing_skill',
    'genesyscloud_routing_wrapupcode',
    'genesyscloud_flow',
  ];
  const changes: ResourceChange[] = [];
  for (let i = 0; i < RESOURCES; i++) {
    const type = types[i % types.length]!;
    const kind = i % 50 === 0 ? ['delete'] : i % 7 === 0 ? ['update'] : i % 3 === 0 ? ['no-op'] : ['create'];
    const members = Array.from({ length: type === 'genesyscloud_routing_queue' ? 20 : 0 }, (_, m) => ({
      user_id: `user-${m}`,
      ring_num: 1,
    }));
    const before =
      kind[0] === 'create'
        ? null
        : { id: `id-${i}`, name: `Object ${i}`, acw_timeout_ms: 30000, members, description: 'x'.repeat(80) };
    const after =
      kind[0] === 'delete'
        ? null
        : {
            name: `Object ${i}`,
            acw_timeout_ms: i % 7 === 0 ? 60000 : 30000,
            members,
            description: 'x'.repeat(80),
          };
    changes.push({
      address: `module.m${i % 40}.${type}.this["Object ${i}"]`,
      mode: 'managed',
      type,
      name: 'this',
      index: `Object ${i}`,
      change: {
        actions: kind as ResourceChange['change']['actions'],
        before,
        after,
        after_unknown: kind[0] === 'create' ? { id: true } : {},
        before_sensitive: {},
        after_sensitive: {},
      },
    });
  }
  writeFileSync(
    file,
    JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.12.6',
      resource_changes: changes,
      prior_state: { values: { root_module: { resources: [] } } },
    }),
  );
}

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
    generatePlan(file);
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
      'load (streamed)': `${best('loadMs').toFixed(0)} ms`,
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
