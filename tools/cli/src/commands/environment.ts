// The jobs on one environment: plan, show the last plan, init (apply: apply.ts; drift: drift.ts).
import type { Command } from 'commander';
import { EXIT } from '@cxops/core';
import { emit } from '../output.ts';
import { SUMMARY_LIMIT } from '../summary-limit.ts';

type SetExit = (code: number) => void;

export function registerEnvironmentCommands(program: Command, setExit: SetExit): void {
  program
    .command('init')
    .description('Initialise a root (environments: with the state backend; modules: without)')
    .argument('<root>', 'environments/<department>, a department name, or a module folder')
    .action(async (root: string, _opts: unknown, command: Command) => {
      const { initialise } = await import('@cxops/jobs');
      const result = await initialise(root);
      emit(command, result, () => `Initialised ${result.dir}.`);
    });

  program
    .command('plan')
    .description(
      'Plan an environment: dist/plans/<env>/{tfplan,plan.json,summary.md,policy.json}; exit 1 when blocked or failed',
    )
    .argument('<root>')
    .option('--detailed-exitcode', 'exit 2 when there are changes, 0 when there are none (as tofu plan does)')
    .action(async (root: string, opts: { detailedExitcode?: boolean }, command: Command) => {
      const { planEnvironment } = await import('@cxops/jobs');
      const result = await planEnvironment(root, { summaryLimit: SUMMARY_LIMIT });
      emit(
        command,
        {
          environment: result.environment,
          planFile: result.planFile,
          jsonFile: result.jsonFile,
          hasChanges: result.hasChanges,
          passed: result.report.passed,
          findings: result.report.findings,
          cost: { ...result.cost.prediction, reason: result.cost.reason },
        },
        () => result.summary,
      );
      setExit(
        !result.report.passed
          ? EXIT.failure
          : result.hasChanges && opts.detailedExitcode
            ? EXIT.changes
            : EXIT.ok,
      );
    });

  program
    .command('show')
    .description('Show the last plan of an environment (its summary)')
    .argument('<root>')
    .action(async (root: string, _opts: unknown, command: Command) => {
      const { lastPlanSummary } = await import('@cxops/jobs');
      const summary = await lastPlanSummary(root);
      emit(command, summary, () => summary.markdown.trimEnd());
    });
}
