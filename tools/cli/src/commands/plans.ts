// Over plan files: the safety policies (assert), their documentation (policies), and the PR summary.
import type { Command } from 'commander';
import { EXIT, redactSecrets, writeFileAtomic } from '@cxops/core';
// Only the plan jobs: assert, policies and summarize need no engine, stack or toolchain code.
import { emit } from '../output.ts';
import { SUMMARY_LIMIT } from '../summary-limit.ts';

type SetExit = (code: number) => void;

export function registerPlanCommands(program: Command, setExit: SetExit): void {
  program
    .command('assert')
    .description('Check plans against the contact-center safety policies (exit 1 on a blocking finding)')
    .argument('<plans...>', 'plan JSON files (dist/plans/<env>/plan.json); the folder names the environment')
    .option('--markdown <file>', 'also write the findings as markdown')
    .action(async (plans: string[], opts: { markdown?: string }, command: Command) => {
      const { assessPlans } = await import('@cxops/jobs/plans');
      const { policyMarkdown } = await import('@cxops/plan');
      const { report } = await assessPlans(plans);
      if (opts.markdown) await writeFileAtomic(opts.markdown, `${redactSecrets(policyMarkdown(report))}\n`);
      emit(command, report, () => policyMarkdown(report));
      if (!report.passed) setExit(EXIT.failure);
    });

  program
    .command('policies')
    .description('The safety policies, why each exists and how to configure it (docs/policies.md)')
    .action(async (_opts: unknown, command: Command) => {
      const { policyDocsPage, RULES } = await import('@cxops/plan');
      emit(
        command,
        RULES.map((rule) => ({ id: rule.id, title: rule.title, why: rule.why })),
        () => policyDocsPage().trimEnd(),
      );
    });

  program
    .command('summarize')
    .description(
      "Render the plans of the affected environments as one PR comment (markdown, within GitHub's limit)",
    )
    .argument('[plans...]', 'plan JSON files (default: every dist/plans/<env>/plan.json)')
    .option('--out <file>', 'write the markdown here (default: print it)')
    .option(
      '--artifact-url <url>',
      'where the full summary and plans are kept, linked when the comment is cut',
    )
    .action(async (given: string[], opts: { out?: string; artifactUrl?: string }, command: Command) => {
      const { assessPlans, plannedEnvironments } = await import('@cxops/jobs/plans');
      const { renderSummary } = await import('@cxops/plan');
      const plans = given.length > 0 ? given : await plannedEnvironments();
      const { inputs, report } = await assessPlans(plans);
      const summary = renderSummary(inputs, report, { limit: SUMMARY_LIMIT, artifactUrl: opts.artifactUrl });
      if (opts.out) await writeFileAtomic(opts.out, `${redactSecrets(summary.markdown)}\n`);
      emit(command, { ...summary, passed: report.passed }, () =>
        opts.out
          ? `Summary written to ${opts.out}${summary.truncated ? ' (cut to fit; full version in the artifact)' : ''}.`
          : summary.markdown,
      );
    });
}
