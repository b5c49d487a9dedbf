// `cxops drift <env>`: what changed outside code, who changed it and when; reports in dist/plans/<env>/ and the
// state bucket; exit 2 on drift. `cxops drift-issues`: one GitHub issue per drifted environment, from those
// reports. Neither ever changes the org.
import type { Command } from 'commander';
import { EXIT } from '@cxops/core';
import { emit } from '../output.ts';

type SetExit = (code: number) => void;

export function registerDrift(program: Command, setExit: SetExit): void {
  program
    .command('drift')
    .description(
      'What changed outside code since the last apply, who changed it and when: dist/plans/<env>/drift.{json,md}, kept in the state bucket under reports/<env>/; exit 2 on drift',
    )
    .argument('<root>', 'environments/<department> or a department name')
    .option('--no-store', 'do not keep the reports in the state bucket')
    .action(async (root: string, opts: { store: boolean }, command: Command) => {
      const { runDriftJob } = await import('@cxops/drift');
      const result = await runDriftJob(root, { store: opts.store });
      emit(command, result.report, () =>
        [
          result.markdown,
          '',
          `Reports: ${result.files.json}, ${result.files.markdown}${result.stored ? `; kept as ${result.stored.json}` : ''}`,
        ].join('\n'),
      );
      setExit(result.report.status === 'drift' ? EXIT.changes : EXIT.ok);
    });

  program
    .command('drift-issues')
    .description(
      'One open GitHub issue per drifted environment, from the drift reports of this run: created, updated when the drift changes, closed when clean (needs GITHUB_REPOSITORY, GITHUB_TOKEN)',
    )
    .argument('[environments...]', 'default: every environment')
    .action(async (environments: string[], _opts: unknown, command: Command) => {
      const { syncDriftIssues } = await import('@cxops/drift');
      const outcomes = await syncDriftIssues({ environments });
      emit(command, outcomes, () =>
        outcomes
          .map((o) =>
            o.action === 'skipped'
              ? `${o.environment}: skipped — ${o.reason}`
              : `${o.environment}: ${o.status}, issue ${o.action}${o.issueNumber ? ` #${o.issueNumber}` : ''}${o.url ? ` ${o.url}` : ''}`,
          )
          .join('\n'),
      );
    });
}
