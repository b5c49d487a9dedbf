// The quick start's main job: the toolchain (the real genesyscloud provider included), the embedded default
// (local stack), the org root applied into the emulated org — departments read its objects by name — and every
// department planned against it. Everything here targets the local stack only, whatever the shell says.
import path from 'node:path';
import { CxError, EXIT, workspaceRoot, type Progress } from '@cxops/core';
import { ORG_ENVIRONMENT, listEnvironments, type RootIdentity } from '@cxops/layout';
import { countByKind, effectiveChanges, loadPlan } from '@cxops/plan';
import { startStack } from '@cxops/stack';
import { formatHcl, resolveEngine } from '@cxops/terraform';
import { ensureToolchain, type ToolchainReport } from '@cxops/toolchain';
import { applyReviewedPlan, planEnvironment } from './environment-jobs.ts';

export interface ChangeCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
}

export interface DemoEnvironment {
  name: string;
  formatted: boolean;
  unformattedFiles: string[];
  plan: 'planned' | 'failed' | 'not-run';
  /** The org root only: what its apply into the emulated org changed. */
  applied?: ChangeCounts;
  changes?: ChangeCounts;
  planJson?: string;
  reason?: string;
  seconds?: number;
}

export interface DemoReport {
  toolchain: ToolchainReport;
  s3Endpoint?: string;
  emulatorUrl?: string;
  environments: DemoEnvironment[];
  exitCode: number;
}

export async function runDemo(progress: Progress, options: { summaryLimit: number }): Promise<DemoReport> {
  const toolchain = await progress.step('toolchain', () => ensureToolchain({ progress }));
  if (toolchain.exitCode !== EXIT.ok) return { toolchain, environments: [], exitCode: toolchain.exitCode };

  const stack = await progress.step('local stack (S3 state server, emulated org)', () => startStack());
  const all = listEnvironments(workspaceRoot());
  const org = all.find((env) => env.department === ORG_ENVIRONMENT);
  const departments = all.filter((env) => env !== org);
  const environments: DemoEnvironment[] = [];
  const planOptions = { target: 'local' as const, summaryLimit: options.summaryLimit };

  if (org) {
    const result = await progress.step(
      `environment ${ORG_ENVIRONMENT}: plan and apply into the emulated org`,
      () =>
        timed(org, async (base) => {
          const first = await planEnvironment(org.path, planOptions);
          if (!first.report.passed) return { ...base, plan: 'failed', reason: first.summary };
          const applied = await counts(first.jsonFile);
          if (first.hasChanges) await applyReviewedPlan(org.path, { target: 'local' });
          const second = await planEnvironment(org.path, planOptions);
          return {
            ...base,
            plan: 'planned',
            applied,
            changes: await counts(second.jsonFile),
            planJson: second.jsonFile,
          };
        }),
    );
    environments.push(result);
    if (result.plan === 'failed') {
      for (const env of departments)
        environments.push({
          ...(await formatCheck(env)),
          plan: 'not-run',
          reason: `departments read ${ORG_ENVIRONMENT}'s objects, and it did not apply`,
        });
      return finish(toolchain, stack, environments);
    }
  }
  // Departments are independent of each other: planned side by side.
  environments.push(
    ...(await Promise.all(
      departments.map((env) =>
        progress.step(`environment ${env.department}: plan`, () =>
          timed(env, async (base) => {
            const planned = await planEnvironment(env.path, planOptions);
            return {
              ...base,
              plan: planned.report.passed ? 'planned' : 'failed',
              changes: await counts(planned.jsonFile),
              planJson: planned.jsonFile,
              reason: planned.report.passed ? undefined : planned.summary,
            };
          }),
        ),
      ),
    )),
  );
  return finish(toolchain, stack, environments);
}

/** Runs one environment's work after its format check; a tool failure becomes a failed result with the message. */
async function timed(
  env: RootIdentity,
  work: (base: Omit<DemoEnvironment, 'plan'>) => Promise<DemoEnvironment>,
): Promise<DemoEnvironment> {
  const started = Date.now();
  const base = await formatCheck(env);
  const seconds = () => (Date.now() - started) / 1000;
  try {
    return { ...(await work(base)), seconds: seconds() };
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    return { ...base, plan: 'failed', reason: error.format(), seconds: seconds() };
  }
}

function finish(
  toolchain: ToolchainReport,
  stack: Awaited<ReturnType<typeof startStack>>,
  environments: DemoEnvironment[],
): DemoReport {
  const failed = environments.some((e) => e.plan !== 'planned' || !e.formatted);
  return {
    toolchain,
    s3Endpoint: stack.s3?.endpoint,
    emulatorUrl: stack.emulator?.url,
    environments,
    exitCode: failed ? EXIT.failure : EXIT.ok,
  };
}

async function formatCheck(env: RootIdentity): Promise<Omit<DemoEnvironment, 'plan'>> {
  const fmt = await formatHcl(await resolveEngine(), [path.join(workspaceRoot(), env.path)], {
    check: true,
    recursive: true,
  });
  return { name: env.department ?? env.path, formatted: fmt.ok, unformattedFiles: fmt.files };
}

async function counts(planJson: string): Promise<ChangeCounts> {
  const {
    create,
    update,
    replace,
    delete: deletes,
  } = countByKind(effectiveChanges((await loadPlan(planJson)).plan));
  return { create, update, replace, delete: deletes };
}
