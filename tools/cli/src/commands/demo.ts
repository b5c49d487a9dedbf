// The quick start's main job: make the toolchain present, start the embedded default (local stack), then
// check and plan every department environment against it.
import type { Command } from 'commander';
import { CxError, EXIT, createProgress, silentProgress, workspaceRoot, type Progress } from '@cxops/core';
import { startStack } from '@cxops/stack';
import { formatHcl, resolveEngine, type Engine } from '@cxops/terraform';
import { ensureToolchain, formatReport, PROVIDER_STAMP, type ToolchainReport } from '@cxops/toolchain';
import { discoverEnvironments, type EnvironmentRoot } from '../environments.ts';
import { planEnvironment } from '../plan-environment.ts';
import { openRoot } from '../root-session.ts';
import { emit, type OutputOptions } from '../output.ts';

interface EnvironmentResult {
  name: string;
  formatted: boolean;
  unformattedFiles: string[];
  plan: 'planned' | 'blocked' | 'failed' | 'not-run';
  hasChanges?: boolean;
  planJson?: string;
  reason?: string;
}

interface DemoReport {
  toolchain: ToolchainReport;
  s3Endpoint?: string;
  emulatorUrl?: string;
  environments: EnvironmentResult[];
  blocked: string[];
  exitCode: number;
}

export function registerDemo(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description(
      'The main job against the embedded default: toolchain, local stack, then check and plan every environment',
    )
    .option('--json', 'print the report as JSON')
    .option('--strict', 'treat anything blocked on this machine (e.g. no provider) as a failure (exit 3)')
    .action(async (opts: OutputOptions & { strict?: boolean }) => {
      const progress = opts.json ? silentProgress() : createProgress();
      const report = await runDemo(progress, !!opts.strict);
      emit(opts, report, () => formatDemo(report));
      setExit(report.exitCode);
    });
}

async function runDemo(progress: Progress, strict: boolean): Promise<DemoReport> {
  const root = workspaceRoot();
  const toolchain = await progress.step('toolchain', () => ensureToolchain({ progress }));
  const providerItem = toolchain.items.find((i) => i.name === PROVIDER_STAMP);
  const otherFailures = toolchain.items.filter((i) => i.state === 'failed' && i.name !== PROVIDER_STAMP);
  const blocked: string[] = [];
  if (otherFailures.length > 0) return { toolchain, environments: [], blocked, exitCode: toolchain.exitCode };
  const providerReady = providerItem?.state !== 'failed';
  if (!providerReady) {
    blocked.push(
      `planning: the genesyscloud provider is not available on this machine (${providerItem?.reason}). ` +
        'Set CXOPS_GENESYSCLOUD_PROVIDER to a built provider binary, or CXOPS_PROVIDER_INSTALL=registry with internet.',
    );
  }

  const stack = await progress.step('local stack (S3 state server, emulated org)', () => startStack());
  const engine = await resolveEngine();
  const environments: EnvironmentResult[] = [];
  for (const env of await discoverEnvironments(root)) {
    environments.push(
      await progress.step(`environment ${env.name}`, () => checkEnvironment(engine, env, providerReady)),
    );
  }

  const failed = environments.some((e) => e.plan === 'failed' || !e.formatted);
  const exitCode = failed ? EXIT.failure : blocked.length > 0 && strict ? EXIT.unavailable : EXIT.ok;
  return {
    toolchain,
    s3Endpoint: stack.s3?.endpoint,
    emulatorUrl: stack.emulator?.url,
    environments,
    blocked,
    exitCode,
  };
}

async function checkEnvironment(
  engine: Engine,
  env: EnvironmentRoot,
  providerReady: boolean,
): Promise<EnvironmentResult> {
  const fmt = await formatHcl(engine, [env.dir], { check: true, recursive: true });
  const result: EnvironmentResult = {
    name: env.name,
    formatted: fmt.ok,
    unformattedFiles: fmt.files,
    plan: 'not-run',
  };
  if (!providerReady) return { ...result, plan: 'blocked', reason: 'genesyscloud provider unavailable' };
  try {
    const planned = await planEnvironment(await openRoot(env.dir, { backend: true }));
    return {
      ...result,
      plan: planned.report.passed ? 'planned' : 'failed',
      hasChanges: planned.hasChanges,
      planJson: planned.jsonFile,
      reason: planned.report.passed ? undefined : planned.summary,
    };
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    return { ...result, plan: 'failed', reason: error.format() };
  }
}

function formatDemo(report: DemoReport): string {
  const lines = [formatReport(report.toolchain), ''];
  if (report.s3Endpoint) lines.push(`Local state server: ${report.s3Endpoint} (versioned bucket)`);
  if (report.emulatorUrl) lines.push(`Emulated org:       ${report.emulatorUrl}`);
  for (const env of report.environments) {
    const fmt = env.formatted ? 'fmt ok' : `fmt: ${env.unformattedFiles.length} file(s) need \`tofu fmt\``;
    const plan =
      env.plan === 'planned'
        ? `planned (${env.hasChanges ? 'changes' : 'no changes'}) → ${env.planJson}`
        : env.plan;
    lines.push(`  ${env.name.padEnd(12)} ${fmt}; plan: ${plan}`);
    if (env.plan === 'failed' && env.reason) lines.push(env.reason);
  }
  for (const item of report.blocked) lines.push('', `BLOCKED ${item}`);
  lines.push(
    '',
    report.exitCode === 0
      ? report.blocked.length
        ? 'Finished, with the blocked steps above.'
        : 'Finished.'
      : `Failed (exit ${report.exitCode}).`,
  );
  return lines.join('\n');
}
