// Pre-commit checks of staged HCL, in seconds: `tofu validate` of every root the files reach (the roots that
// hold them and every root that uses them, from the Nx plugin's graph), tflint and the README docs check of
// the roots that hold them. A broken module call or a wrong argument stops at the commit, not in CI.
import { CxError, workspaceRoot } from '@cxops/core';
import { affectedTerraformProjects, type TerraformProject } from '@cxops/nx-terraform';
import { docs, lint, validate } from './root-jobs.ts';

export type PrecommitCheckName = 'validate' | 'lint' | 'docs';

export interface PrecommitCheck {
  root: string;
  check: PrecommitCheckName;
  ok: boolean;
  /** What is wrong and how to fix it, when not ok. */
  message?: string;
  seconds: number;
}

export interface PrecommitReport {
  ok: boolean;
  /** Roots holding a staged file. */
  touched: string[];
  /** Roots validated: the touched ones and every root that uses them. */
  affected: string[];
  checks: PrecommitCheck[];
  seconds: number;
}

/** Tools run side by side; two cores are enough to keep a typical commit under a few seconds. */
const DEFAULT_CONCURRENCY = 2;

export async function checkStagedTerraform(
  files: string[],
  options: { concurrency?: number } = {},
): Promise<PrecommitReport> {
  const started = Date.now();
  const { touched, affected } = await affectedTerraformProjects(workspaceRoot(), files);
  const tasks: (() => Promise<PrecommitCheck>)[] = [
    ...affected.map((p) => () => timed(p, 'validate', async () => (await validate(p.root), undefined))),
    ...touched.map(
      (p) => () =>
        timed(p, 'lint', async () => {
          const result = await lint(p.root);
          return result.ok ? undefined : `tflint findings:\n${result.findings.trimEnd()}`;
        }),
    ),
    ...touched
      .filter((p) => p.docs)
      .map(
        (p) => () =>
          timed(p, 'docs', async () => {
            const result = await docs(p.root, { check: true });
            return result.current
              ? undefined
              : `${result.readme} is out of date: run \`npx cxops docs ${p.root}\` and stage it`;
          }),
      ),
  ];
  const checks = await inParallel(tasks, options.concurrency ?? DEFAULT_CONCURRENCY);
  return {
    ok: checks.every((c) => c.ok),
    touched: touched.map((p) => p.root),
    affected: affected.map((p) => p.root),
    checks,
    seconds: (Date.now() - started) / 1000,
  };
}

async function timed(
  project: TerraformProject,
  check: PrecommitCheckName,
  work: () => Promise<string | undefined>,
): Promise<PrecommitCheck> {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  try {
    const problem = await work();
    return {
      root: project.root,
      check,
      ok: !problem,
      ...(problem ? { message: problem } : {}),
      seconds: seconds(),
    };
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    return { root: project.root, check, ok: false, message: error.format(), seconds: seconds() };
  }
}

async function inParallel<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}
