// The quick start's main job: make the toolchain present (the real genesyscloud provider included), start the
// embedded default (local stack), apply the org root into the emulated org — departments read its objects by
// name — and plan every department against it. Everything here targets the local stack only.
import type { Command } from 'commander';
import { CxError, EXIT, createProgress, silentProgress, workspaceRoot, type Progress } from '@cxops/core';
import { countByKind, effectiveChanges, loadPlan } from '@cxops/plan';
import { startStack } from '@cxops/stack';
import { applyPlanFile, formatHcl, initRoot, resolveEngine } from '@cxops/terraform';
import { ensureToolchain, formatReport, type ToolchainReport } from '@cxops/toolchain';
import { discoverEnvironments, ORG_ENVIRONMENT, type EnvironmentRoot } from '../environments.ts';
import { planEnvironment } from '../plan-environment.ts';
import { openRoot } from '../root-session.ts';
import { emit, type OutputOptions } from '../output.ts';

interface Counts {
  create: number;
  update: number;
  replace: number;
  delete: number;
}

interface EnvironmentResult {
  name: string;
  formatted: boolean;
  unformattedFiles: string[];
  plan: 'planned' | 'failed' | 'not-run';
  /** The org root only: what its apply into the emulated org did. */
  applied?: Counts;
  changes?: Counts;
  planJson?: string;
  reason?: string;
  seconds?: number;
}

interface DemoReport {
  toolchain: ToolchainReport;
  s3Endpoint?: string;
  emulatorUrl?: string;
  environments: EnvironmentResult[];
  exitCode: number;
}

export function registerDemo(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description(
      'The main job against the embedded default: toolchain, local stack, apply org into the emulated org, plan every department',
    )
    .option('--json', 'print the report as JSON')
    .action(async (opts: OutputOptions) => {
      const progress = opts.json ? silentProgress() : createProgress();
      const report = await runDemo(progress);
      emit(opts, report, () => formatDemo(report));
      setExit(report.exitCode);
    });
}

async function runDemo(progress: Progress): Promise<DemoReport> {
  const toolchain = await progress.step('toolchain', () => ensureToolchain({ progress }));
  if (toolchain.exitCode !== EXIT.ok) return { toolchain, environments: [], exitCode: toolchain.exitCode };

  const stack = await progress.step('local stack (S3 state server, emulated org)', () => startStack());
  const all = await discoverEnvironments(workspaceRoot());
  const org = all.find((env) => env.name === ORG_ENVIRONMENT);
  const departments = all.filter((env) => env !== org);
  const environments: EnvironmentResult[] = [];
  if (org) {
    const result = await progress.step(`environment ${org.name}: plan and apply into the emulated org`, () =>
      applyOrg(org),
    );
    environments.push(result);
    if (result.plan === 'failed') {
      for (const env of departments)
        environments.push({
          ...(await formatCheck(env)),
          plan: 'not-run',
          reason: `departments read ${org.name}'s objects, and it did not apply`,
        });
      return finish(toolchain, stack, environments);
    }
  }
  // Departments are independent of each other: plan them side by side.
  environments.push(
    ...(await Promise.all(
      departments.map((env) => progress.step(`environment ${env.name}: plan`, () => planOnly(env))),
    )),
  );
  return finish(toolchain, stack, environments);
}

function finish(
  toolchain: ToolchainReport,
  stack: Awaited<ReturnType<typeof startStack>>,
  environments: EnvironmentResult[],
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

async function formatCheck(env: EnvironmentRoot): Promise<Omit<EnvironmentResult, 'plan'>> {
  const fmt = await formatHcl(await resolveEngine(), [env.dir], { check: true, recursive: true });
  return { name: env.name, formatted: fmt.ok, unformattedFiles: fmt.files };
}

async function planOnly(env: EnvironmentRoot): Promise<EnvironmentResult> {
  const started = Date.now();
  const base = await formatCheck(env);
  try {
    const planned = await planEnvironment(await openRoot(env.dir, { backend: true, target: 'local' }));
    return {
      ...base,
      plan: planned.report.passed ? 'planned' : 'failed',
      changes: await counts(planned.jsonFile),
      planJson: planned.jsonFile,
      reason: planned.report.passed ? undefined : planned.summary,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    return { ...base, plan: 'failed', reason: error.format(), seconds: (Date.now() - started) / 1000 };
  }
}

/** Plans org, applies that plan into the emulated org when its policies pass, then plans again (empty). */
async function applyOrg(env: EnvironmentRoot): Promise<EnvironmentResult> {
  const started = Date.now();
  const base = await formatCheck(env);
  try {
    // Each run opens the root afresh: opening clears the lock the previous run released (see the stack's
    // released-locks workaround), which the next run's lock would otherwise trip over.
    const open = () => openRoot(env.dir, { backend: true, target: 'local' });
    const first = await planEnvironment(await open());
    if (!first.report.passed)
      return { ...base, plan: 'failed', reason: first.summary, seconds: (Date.now() - started) / 1000 };
    const applied = await counts(first.jsonFile);
    if (first.hasChanges) {
      const session = await open();
      await initRoot(session.engine, session.dir, session.init);
      await applyPlanFile(session.engine, session.dir, first.planFile, { env: session.env });
    }
    const second = await planEnvironment(await open());
    return {
      ...base,
      plan: second.report.passed ? 'planned' : 'failed',
      applied,
      changes: await counts(second.jsonFile),
      planJson: second.jsonFile,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    return { ...base, plan: 'failed', reason: error.format(), seconds: (Date.now() - started) / 1000 };
  }
}

async function counts(planJson: string): Promise<Counts> {
  return countByKind(effectiveChanges((await loadPlan(planJson)).plan));
}

function describeCounts(c: Counts): string {
  const parts = [
    c.create && `${c.create} to create`,
    c.update && `${c.update} to update`,
    c.replace && `${c.replace} to replace`,
    c.delete && `${c.delete} to delete`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

function formatDemo(report: DemoReport): string {
  const lines = [formatReport(report.toolchain), ''];
  if (report.s3Endpoint) lines.push(`Local state server: ${report.s3Endpoint} (versioned bucket)`);
  if (report.emulatorUrl) lines.push(`Emulated org:       ${report.emulatorUrl}`);
  for (const env of report.environments) {
    const fmt = env.formatted ? 'fmt ok' : `fmt: ${env.unformattedFiles.length} file(s) need \`tofu fmt\``;
    const took = env.seconds === undefined ? '' : ` (${env.seconds.toFixed(0)} s)`;
    const applied = env.applied
      ? `applied into the emulated org (${env.applied.create + env.applied.update + env.applied.replace + env.applied.delete} change(s)); `
      : '';
    const plan =
      env.plan === 'planned' && env.changes
        ? `${applied}plan: ${describeCounts(env.changes)} → ${env.planJson}`
        : `plan: ${env.plan}`;
    lines.push(`  ${env.name.padEnd(12)} ${fmt}; ${plan}${took}`);
    if (env.plan !== 'planned' && env.reason) lines.push(env.reason);
  }
  lines.push('', report.exitCode === 0 ? 'Finished.' : `Failed (exit ${report.exitCode}).`);
  return lines.join('\n');
}
