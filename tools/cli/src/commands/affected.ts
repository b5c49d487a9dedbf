// `cxops affected`: the environments a change plans, org first — as a list, or as the plan workflow's matrix.
import type { Command } from 'commander';
import { emit } from '../output.ts';

export function registerAffected(program: Command): void {
  program
    .command('affected')
    .description(
      'The environments a change affects (from the Nx graph), org first; --matrix for GitHub Actions',
    )
    .option('--base <ref>', 'compare from this git ref (a pull request: origin/<base branch>)')
    .option('--head <ref>', 'compare to this git ref (default: HEAD)')
    .option('--files <files...>', 'or: these changed files (paths from the repository root)')
    .option('--matrix', 'print only the GitHub Actions matrix, {"environment": [...]}, on one line')
    .action(
      async (
        opts: { base?: string; head?: string; files?: string[]; matrix?: boolean },
        command: Command,
      ) => {
        const { affectedEnvironments } = await import('@cxops/jobs');
        const result = await affectedEnvironments(opts);
        if (opts.matrix) {
          process.stdout.write(`${JSON.stringify(result.matrix)}\n`);
          return;
        }
        emit(command, result, () => result.environments.join('\n') || '(no environment is affected)');
      },
    );
}
