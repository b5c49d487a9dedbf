// cxops apply: the reviewed plans of one or more environments, through one rate governor — org first, then the
// departments side by side, each at the parallelism its predicted cost and the budget call for.
import type { Command } from 'commander';
import { EXIT } from '@cxops/core';
import type { ApplyRunResult } from '@cxops/scheduler';
import { emit } from '../output.ts';
import { SUMMARY_LIMIT } from '../summary-limit.ts';

type SetExit = (code: number) => void;

export function registerApply(program: Command, setExit: SetExit): void {
  program
    .command('apply')
    .description(
      'Apply the reviewed plans (dist/plans/<env>/tfplan) of environments through the rate governor: org first, then the departments side by side; only plans whose policies pass',
    )
    .argument('[environments...]', 'environment names or folders (org, sales, environments/support, …)')
    .option('--all', 'every environment')
    .option(
      '--affected',
      'the environments a change affects (nx affected, as `nx affected -t plan` selects them)',
    )
    .option('--base <ref>', 'with --affected: the commit to compare with')
    .option('--head <ref>', 'with --affected: the commit to compare (default: the working tree)')
    .option(
      '--plan',
      'plan each environment in the run (after org, through the governor) and apply that plan',
    )
    .option(
      '--reviewed <dir>',
      'plan each in the run and apply it only if it is the reviewed plan (digests and reviewed-pull.json from `cxops review find`); else refuse and explain',
    )
    .action(
      async (
        environments: string[],
        opts: {
          all?: boolean;
          affected?: boolean;
          base?: string;
          head?: string;
          plan?: boolean;
          reviewed?: string;
        },
        command: Command,
      ) => {
        const { applyEnvironments, selectEnvironments } = await import('@cxops/scheduler');
        const names = await selectEnvironments({
          names: environments,
          all: opts.all,
          affected: opts.affected ? { base: opts.base, head: opts.head } : undefined,
        });
        if (names.length === 0 && (opts.affected || opts.all)) {
          emit(command, { outcomes: [] }, () => 'No environment to apply.');
          return;
        }
        const result = await applyEnvironments({
          environments: names,
          plan: opts.plan,
          reviewedDir: opts.reviewed,
          summaryLimit: SUMMARY_LIMIT,
          onProgress: (line) => process.stderr.write(`${line}\n`),
        });
        emit(command, result, () => report(result));
        setExit(
          result.outcomes.some((o) => o.status === 'failed' || o.status === 'skipped')
            ? EXIT.failure
            : EXIT.ok,
        );
      },
    );
}

function report(result: ApplyRunResult): string {
  const g = result.governor;
  const lines = result.outcomes.map((o) => {
    const head = `${o.status === 'applied' ? '✔' : o.status === 'unchanged' ? '·' : '✘'} ${o.environment}: ${o.status}`;
    const figures = o.predicted
      ? ` — parallelism ${o.parallelism}, ${o.tokens} token(s); predicted ${o.predicted.calls} calls, floor ${Math.round(o.predicted.floorSeconds)} s, expected ${Math.round(o.predicted.expectedSeconds)} s${o.seconds !== undefined ? `; took ${o.seconds.toFixed(1)} s` : ''}`
      : '';
    const detail = o.result ? `\n    ${o.result}` : o.error ? `\n${o.error.replace(/^/gm, '    ')}` : '';
    return `${head}${figures}${detail}`;
  });
  lines.push(
    `Governor: ${g.requests} calls sent for ${g.tokens} token(s), ${g.absorbed429} 429(s) held and retried, ${g.passed429} handed to the provider, longest wait ${(g.maxWaitMs / 1000).toFixed(1)} s; run ${result.seconds.toFixed(1)} s.`,
  );
  return lines.join('\n');
}
