// Builds and runs engine commands for one root. It only runs what it is told; deciding what to run is the
// caller's job (the demo, the Nx targets, the apply scheduler).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CxError, run, writeFileAtomic, type RunResult } from '@cxops/core';
import type { Engine } from './engine.ts';
import { describeHeldLock, heldLock } from './lock-error.ts';
import { resourcesInProgress } from './progress-lines.ts';
import {
  PROVIDER_CRASH_RETRIES,
  retryProviderCrash,
  StalePlanAfterCrash,
  staleAfterCrash,
  type EngineRunResult,
} from './provider-crash.ts';

export interface RootRunOptions {
  /** Extra environment (e.g. backend credentials); never written to disk or logs. */
  env?: Record<string, string>;
  onOutput?: (chunk: string) => void;
  /** Stop the engine after this long; the error then names the resources still in progress. */
  timeoutMs?: number;
  /** Runs before a command is run again after a provider crash (the local stack's released-lock quirk). */
  beforeRerun?: () => Promise<void>;
}

/** Runs one engine command in a root; run again when the provider crashed before any work (provider-crash.ts). */
export async function runEngine(
  engine: Engine,
  root: string,
  args: string[],
  options: RootRunOptions = {},
): Promise<EngineRunResult> {
  const attempt = () =>
    run(engine.binary, args, {
      cwd: root,
      env: { ...engine.env, ...options.env },
      onOutput: options.onOutput,
      timeoutMs: options.timeoutMs,
    });
  return retryProviderCrash(attempt, async (rerun) => {
    options.onOutput?.(
      `\n[cxops] the provider crashed while it configured itself (nothing was read or changed); running \`${args[0]}\` again (${rerun} of ${PROVIDER_CRASH_RETRIES})\n`,
    );
    await options.beforeRerun?.();
  });
}

export function failure(
  engine: Engine,
  action: string,
  root: string,
  args: string[],
  result: RunResult,
  fix?: string,
): CxError {
  if (result.timedOut) {
    const pending = resourcesInProgress(result.stdout);
    return new CxError({
      action,
      reason: `${path.basename(engine.binary)} ${args[0]} ran past its time limit (${Math.round(result.durationMs / 1000)} s) and was stopped; ${pending.length ? `still in progress: ${pending.join(', ')}` : 'no resource operation was in progress'}`,
      where: `${root}: ${args.join(' ')}`,
      fix: 'find what the provider was waiting for (the API call it repeats), fix it, then run again; state records what finished',
      output: `${result.stdout}\n${result.stderr}`,
    });
  }
  const lock = heldLock(`${result.stdout}\n${result.stderr}`);
  if (lock)
    return new CxError({
      action,
      reason: describeHeldLock(lock),
      where: `${root}: ${args.join(' ')}`,
      fix: 'wait for that run to finish, then run again (nothing was changed). If no run is active (a crashed job), `cxops state doctor <environment>` says how to release the lock',
      output: `${result.stdout}\n${result.stderr}`,
    });
  return new CxError({
    action,
    reason: `${path.basename(engine.binary)} ${args[0]} exited with code ${result.exitCode}`,
    where: `${root}: ${args.join(' ')}`,
    fix,
    output: `${result.stdout}\n${result.stderr}`,
  });
}

export interface InitOptions extends RootRunOptions {
  /** Content of a partial backend config file; written beside the plan output, never into the repo. */
  backendFile?: { path: string; content: string };
}

export async function initRoot(engine: Engine, root: string, options: InitOptions = {}): Promise<RunResult> {
  const args = ['init', '-input=false', '-no-color'];
  if (options.backendFile) {
    await mkdir(path.dirname(options.backendFile.path), { recursive: true });
    await writeFile(options.backendFile.path, options.backendFile.content);
    args.push(`-backend-config=${options.backendFile.path}`, '-reconfigure');
  } else {
    args.push('-backend=false');
  }
  const result = await runEngine(engine, root, args, options);
  if (result.exitCode !== 0) {
    throw failure(
      engine,
      `initialise ${root}`,
      root,
      args,
      result,
      'read the engine output below; offline runs need `npx cxops toolchain` to have filled the provider mirror',
    );
  }
  return result;
}

export async function validateRoot(
  engine: Engine,
  root: string,
  options: RootRunOptions = {},
): Promise<RunResult> {
  const args = ['validate', '-no-color'];
  const result = await runEngine(engine, root, args, options);
  if (result.exitCode !== 0) throw failure(engine, `validate ${root}`, root, args, result);
  return result;
}

export interface PlanResult {
  planFile: string;
  jsonFile: string;
  hasChanges: boolean;
}

export interface PlanOptions extends RootRunOptions {
  /** `refresh-only` compares the real objects with state (drift) instead of the code with state. */
  mode?: 'normal' | 'refresh-only';
}

/** plan -out, then show -json into the output folder; the JSON is written atomically. */
export async function planRoot(
  engine: Engine,
  root: string,
  outDir: string,
  options: PlanOptions = {},
): Promise<PlanResult> {
  await mkdir(outDir, { recursive: true });
  const drift = options.mode === 'refresh-only';
  const planFile = path.join(outDir, drift ? 'refresh-only.tfplan' : 'tfplan');
  const args = [
    'plan',
    '-input=false',
    '-no-color',
    '-detailed-exitcode',
    ...(drift ? ['-refresh-only'] : []),
    `-out=${planFile}`,
  ];
  const planned = await runEngine(engine, root, args, options);
  if (planned.exitCode !== 0 && planned.exitCode !== 2)
    throw failure(engine, `plan ${root}`, root, args, planned);
  const shown = await runEngine(engine, root, ['show', '-json', planFile], options);
  if (shown.exitCode !== 0)
    throw failure(engine, `render the plan of ${root}`, root, ['show', '-json', planFile], shown);
  const jsonFile = path.join(outDir, drift ? 'refresh-only.json' : 'plan.json');
  await writeFileAtomic(jsonFile, shown.stdout);
  return { planFile, jsonFile, hasChanges: planned.exitCode === 2 };
}

/** Applies exactly the plan file that was reviewed; a stale plan is refused by the engine itself. */
export async function applyPlanFile(
  engine: Engine,
  root: string,
  planFile: string,
  options: RootRunOptions = {},
): Promise<RunResult> {
  const args = ['apply', '-input=false', '-no-color', planFile];
  const result = await runEngine(engine, root, args, options);
  if (staleAfterCrash(result))
    throw new StalePlanAfterCrash({
      action: `apply ${root}`,
      reason:
        'the provider crashed before it touched anything, and the engine recorded an empty state for this first apply, so it now refuses the saved plan as stale; nothing was changed',
      where: `${root}: ${args.join(' ')}`,
      fix: 'plan again: a plan of the same code does what the saved one did',
      output: `${result.stdout}\n${result.stderr}`,
    });
  if (result.exitCode !== 0) {
    throw failure(
      engine,
      `apply ${root}`,
      root,
      args,
      result,
      'if the plan is stale (state changed since it was made), plan again and have the new plan reviewed',
    );
  }
  return result;
}

export async function testRoot(
  engine: Engine,
  root: string,
  options: RootRunOptions = {},
): Promise<RunResult> {
  const args = ['test', '-no-color'];
  const result = await runEngine(engine, root, args, options);
  if (result.exitCode !== 0) throw failure(engine, `test ${root}`, root, args, result);
  return result;
}

export interface FormatOptions {
  /** Only list the files that need formatting; change nothing. */
  check?: boolean;
  /** Descend into sub-folders of folder targets. */
  recursive?: boolean;
}

/** `tofu fmt` on files or folders: `ok` is false when files needed (or, without check, got) formatting. */
export async function formatHcl(
  engine: Engine,
  targets: string[],
  options: FormatOptions = {},
): Promise<{ ok: boolean; files: string[] }> {
  const args = [
    'fmt',
    '-list=true',
    ...(options.check ? ['-check'] : []),
    ...(options.recursive ? ['-recursive'] : []),
    ...targets,
  ];
  const result = await run(engine.binary, args, { env: engine.env });
  const files = result.stdout.split('\n').filter(Boolean);
  if (result.exitCode !== 0 && files.length === 0) {
    throw new CxError({
      action: 'format HCL',
      reason: `tofu fmt exited with code ${result.exitCode}`,
      where: args.join(' '),
      output: result.stderr,
    });
  }
  return { ok: result.exitCode === 0, files };
}
