// Loading plan JSON of 1 MB to 100 MB both ways — read whole and JSON.parse, or streamed (stream-json) — and
// the way loadPlan picks by size. Each load runs in a fresh process, so its time and peak memory are its own.
// Run: npx tsx tools/plan/bench/load-bench.ts [--sizes 1,7,30,100] [--runs 3]   (part of `npm run bench`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '@cxops/test-support/bench';
import { writePlan } from '@cxops/test-support/generated-plan';
import { loadPlan } from '../src/index.ts';

/** Resource changes per MB of the generated plans (measured: 10,001 changes make 6.7 MB). */
const CHANGES_PER_MB = 1_490;

const PATHS = {
  'loadPlan (picks by size)': {},
  'read whole + JSON.parse': { streamFrom: Number.POSITIVE_INFINITY },
  'streamed (stream-json)': { streamFrom: 0 },
} as const;
type PathName = keyof typeof PATHS;

interface ChildResult {
  ms: number;
  /** Peak resident memory of the process. */
  peakMb: number;
  /** Peak minus the resident memory just before loading: what the load itself costs. */
  growthMb: number;
  changes: number;
}

async function child(name: PathName, file: string): Promise<void> {
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const { plan } = await loadPlan(file, PATHS[name]);
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  const result: ChildResult = {
    ms,
    peakMb: peak / 1024 / 1024,
    growthMb: (peak - before) / 1024 / 1024,
    changes: plan.resource_changes?.length ?? 0,
  };
  process.stdout.write(JSON.stringify(result));
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  if (argv[0] === '--child') {
    await child(argv[1] as PathName, argv[2]!);
    return 0;
  }
  const { values } = parseArgs({
    args: argv,
    options: { sizes: { type: 'string', default: '1,7,30,100' }, runs: { type: 'string', default: '3' } },
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxops-load-bench-'));
  try {
    const rows = [];
    for (const mb of values.sizes.split(',').map(Number)) {
      const file = path.join(dir, `plan-${mb}mb.json`);
      writePlan(file, Math.round(mb * CHANGES_PER_MB), { planted: true });
      const size = `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
      for (const name of Object.keys(PATHS) as PathName[]) {
        const runs = Array.from({ length: Number(values.runs) }, () => measure(name, file));
        rows.push({
          plan: size,
          changes: runs[0]!.changes,
          path: name,
          'median ms': Math.round(median(runs.map((r) => r.ms))),
          'peak MB': Math.round(median(runs.map((r) => r.peakMb))),
          'load MB': Math.round(median(runs.map((r) => r.growthMb))),
        });
      }
      rmSync(file);
    }
    console.log(
      `Plan loading by size (median of ${values.runs} fresh processes each; "load MB" = peak resident memory ` +
        'minus the process before loading):',
    );
    console.table(rows);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(name: PathName, file: string): ChildResult {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, file],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(output) as ChildResult;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
