// `cxops demo`: the quick start's main job (the jobs package runs it; this prints it).
import type { Command } from 'commander';
import { createProgress, silentProgress } from '@cxops/core';
import type { ChangeCounts, DemoReport } from '@cxops/jobs';
import { emit, wantsJson } from '../output.ts';
import { SUMMARY_LIMIT } from '../summary-limit.ts';

export function registerDemo(program: Command, setExit: (code: number) => void): void {
  program
    .command('demo')
    .description(
      'The main job against the embedded default: toolchain, local stack, apply org into the emulated org, plan every department',
    )
    .action(async (_opts: unknown, command: Command) => {
      const { runDemo } = await import('@cxops/jobs');
      const { formatReport } = await import('@cxops/toolchain');
      const progress = wantsJson(command) ? silentProgress() : createProgress();
      const report = await runDemo(progress, { summaryLimit: SUMMARY_LIMIT });
      emit(command, report, () => formatDemo(report, formatReport(report.toolchain)));
      setExit(report.exitCode);
    });
}

function describeCounts(c: ChangeCounts): string {
  const parts = [
    c.create && `${c.create} to create`,
    c.update && `${c.update} to update`,
    c.replace && `${c.replace} to replace`,
    c.delete && `${c.delete} to delete`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

function formatDemo(report: DemoReport, toolchainText: string): string {
  const lines = [toolchainText, ''];
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
