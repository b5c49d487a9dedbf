// `cxops assert` and `cxops summarize`: safety policies and the PR summary over plan JSON files.
import type { Command } from 'commander';
import { EXIT } from '@cxops/core';
import { policyDocsPage, policyMarkdown, renderSummary } from '@cxops/plan';
import { assessPlans, plannedEnvironments, writeAtomic } from '../review.ts';
import { emit, type OutputOptions } from '../output.ts';

export function registerReview(program: Command, setExit: (code: number) => void): void {
  program
    .command('assert')
    .description('Check plans against the contact-center safety policies (exit 1 on a blocking finding)')
    .argument('<plans...>', 'plan JSON files (dist/plans/<env>/plan.json); the folder names the environment')
    .option('--markdown <file>', 'also write the findings as markdown')
    .option('--json', 'print the full report as JSON')
    .action(async (plans: string[], opts: OutputOptions & { markdown?: string }) => {
      const { report } = await assessPlans(plans);
      if (opts.markdown) await writeAtomic(opts.markdown, `${policyMarkdown(report)}\n`);
      emit(opts, report, () => policyMarkdown(report));
      if (!report.passed) setExit(EXIT.failure);
    });

  program
    .command('policies')
    .description('Print the safety policies, why each exists and how to configure it (docs/policies.md)')
    .action(() => {
      process.stdout.write(policyDocsPage());
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
    .option('--json', 'print {markdown, truncated, passed} as JSON')
    .action(async (given: string[], opts: OutputOptions & { out?: string; artifactUrl?: string }) => {
      const plans = given.length > 0 ? given : await plannedEnvironments();
      const { inputs, report } = await assessPlans(plans);
      const summary = renderSummary(inputs, report, { artifactUrl: opts.artifactUrl });
      if (opts.out) await writeAtomic(opts.out, `${summary.markdown}\n`);
      emit(opts, { ...summary, passed: report.passed }, () =>
        opts.out
          ? `Summary written to ${opts.out}${summary.truncated ? ' (cut to fit; full version in the artifact)' : ''}.`
          : summary.markdown,
      );
    });
}
