// Runs external programs. Every tool goes through here so that output capture, environment and error
// wording stay the same everywhere.
import type * as Zx from 'zx';
import type { ProcessOutput } from 'zx';
import { CxError } from './errors.ts';

// zx takes ~90 ms to import; commands that never run a program (assert, policies, summarize) should not pay
// for it at start-up, so it is loaded on the first run.
let zx: Promise<typeof Zx> | undefined;
const loadZx = () => (zx ??= import('zx'));

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text fed to stdin. */
  input?: string;
  /** Called with each chunk of combined output while the program runs (progress for long work). */
  onOutput?: (chunk: string) => void;
  timeoutMs?: number;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** The program was stopped because it ran past `timeoutMs`. */
  timedOut: boolean;
}

/** Runs `command args…` and returns its result; never throws for a non-zero exit (callers decide). */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const { $ } = await loadZx();
  const started = Date.now();
  const shell = $({
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    quiet: true,
    nothrow: true,
    timeout: options.timeoutMs,
  });
  const proc = shell`${command} ${args}`;
  if (options.onOutput) {
    proc.stdout.on('data', (d: Buffer) => options.onOutput?.(d.toString()));
    proc.stderr.on('data', (d: Buffer) => options.onOutput?.(d.toString()));
  }
  let out: ProcessOutput;
  try {
    out = await proc;
  } catch (error) {
    // zx rejects only for spawn failures when nothrow is set, e.g. a missing binary.
    throw new CxError({
      action: `run ${command}`,
      reason: error instanceof Error ? error.message : String(error),
      where: [command, ...args].join(' '),
    });
  }
  const durationMs = Date.now() - started;
  return {
    exitCode: out.exitCode ?? 1,
    stdout: out.stdout,
    stderr: out.stderr,
    durationMs,
    timedOut: options.timeoutMs !== undefined && out.signal !== null && durationMs >= options.timeoutMs,
  };
}

/** Whether `command` can be spawned: a path that exists or a name on PATH. */
export async function which(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const { which: findExecutable } = await loadZx();
  const found = await findExecutable(command, { nothrow: true, path: env.PATH ?? '' });
  return found ?? undefined;
}
