// Timing commands for the benchmarks: fresh processes, medians, and the peak memory of each run. The machine
// may be shared, so commands compared with each other run interleaved (A B A B …): a load that comes and goes
// then falls on both alike. Figures are printed, never asserted.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Command {
  /** How the row is labelled. */
  label: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as a run that worked (default: 0 only). */
  okExitCodes?: number[];
}

export interface Timing {
  label: string;
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The largest resident set of the process tree (all processes at once), in MB; sampled every 20 ms. */
  peakMb: number;
  /** What the last run printed on stdout. */
  stdout: string;
}

export interface RunOnce {
  ms: number;
  peakMb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` once to completion, timing it from spawn to exit and sampling the resident memory of it and
 * every process it started (Nx's plugin workers, npx's node) from /proc.
 */
export async function runOnce(command: Command): Promise<RunOnce> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxops-bench-'));
  // Output goes to files: a pipe could lose the end of a long answer when the program exits at once.
  const out = openSync(path.join(dir, 'stdout'), 'w');
  const err = openSync(path.join(dir, 'stderr'), 'w');
  try {
    const started = performance.now();
    const child = spawn(command.command, command.args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ['ignore', out, err],
    });
    let peakKb = 0;
    const sample = () => (peakKb = Math.max(peakKb, treeRssKb(child.pid)));
    const sampler = setInterval(sample, 20);
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    return {
      ms,
      peakMb: peakKb / 1024,
      exitCode,
      stdout: readFileSync(path.join(dir, 'stdout'), 'utf8'),
      stderr: readFileSync(path.join(dir, 'stderr'), 'utf8'),
    };
  } finally {
    closeSync(out);
    closeSync(err);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resident memory of a process and all its descendants, in kB (0 once it is gone). */
function treeRssKb(pid: number | undefined): number {
  if (pid === undefined) return 0;
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    total += rssKb(current);
    queue.push(...childrenOf(current));
  }
  return total;
}

function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Runs each command `runs` times, interleaved, after one unmeasured warm-up run of each. */
export async function compare(commands: Command[], runs: number): Promise<Timing[]> {
  const results = commands.map(() => [] as RunOnce[]);
  for (const command of commands) await check(command, await runOnce(command));
  for (let i = 0; i < runs; i++) {
    for (const [j, command] of commands.entries()) {
      const run = await runOnce(command);
      await check(command, run);
      results[j]!.push(run);
    }
  }
  return commands.map((command, j) => summarize(command.label, results[j]!));
}

async function check(command: Command, run: RunOnce): Promise<void> {
  if ((command.okExitCodes ?? [0]).includes(run.exitCode)) return;
  throw new Error(
    `${command.label}: \`${command.command} ${command.args.join(' ')}\` exited ${run.exitCode}\n${run.stdout}\n${run.stderr}`,
  );
}

function summarize(label: string, runs: RunOnce[]): Timing {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    label,
    runs: ms.map(Math.round),
    medianMs: Math.round(median(ms)),
    minMs: Math.round(ms[0]!),
    maxMs: Math.round(ms.at(-1)!),
    peakMb: Math.round(Math.max(...runs.map((r) => r.peakMb))),
    stdout: runs.at(-1)!.stdout,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A row of a printed table for a timing, with its ratio to a reference timing when given. */
export function timingRow(timing: Timing, reference?: Timing): Record<string, string | number> {
  return {
    measurement: timing.label,
    'median ms': timing.medianMs,
    'min–max ms': `${timing.minMs}–${timing.maxMs}`,
    'peak MB': timing.peakMb,
    ...(reference ? { ratio: `${(timing.medianMs / reference.medianMs).toFixed(2)}×` } : {}),
  };
}

/** The machine the figures come from, printed above them. */
export function machine(): string {
  const load = os.loadavg().map((l) => l.toFixed(2));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, Node ${process.version}, load average ${load.join(' ')} at the start`;
}
