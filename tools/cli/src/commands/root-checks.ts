// The checks on any root that need no state: validate, tofu test, tflint, the README's docs tables.
import type { Command } from 'commander';
import { CxError, EXIT } from '@cxops/core';
import { emit } from '../output.ts';

type SetExit = (code: number) => void;

export function registerRootChecks(program: Command, setExit: SetExit): void {
  program
    .command('validate')
    .description('tofu validate (no backend, no credentials)')
    .argument('<root>')
    .action(async (root: string, _opts: unknown, command: Command) => {
      const { validate } = await import('@cxops/jobs');
      const result = await validate(root);
      emit(command, result, () => result.output.trimEnd());
    });

  program
    .command('test')
    .description('tofu test (the mock_provider tests of a module)')
    .argument('<root>')
    .action(async (root: string, _opts: unknown, command: Command) => {
      const { runTests } = await import('@cxops/jobs');
      const result = await runTests(root);
      emit(command, result, () => result.output.trimEnd());
    });

  program
    .command('lint')
    .description('tflint with the bundled terraform ruleset and the repository .tflint.hcl')
    .argument('<root>')
    .action(async (root: string, _opts: unknown, command: Command) => {
      const { lint } = await import('@cxops/jobs');
      const result = await lint(root);
      emit(command, result, () => result.findings.trimEnd() || `${result.dir}: no findings.`);
      if (!result.ok)
        throw new CxError({
          action: `lint ${result.dir}`,
          reason: 'tflint found problems',
          fix: 'fix the issues listed above',
        });
    });

  program
    .command('docs')
    .description('Generate the README tables with terraform-docs, or --check that they are current')
    .argument('<root>')
    .option('--check', 'fail (exit 1) when README.md is stale instead of rewriting it')
    .action(async (root: string, opts: { check?: boolean }, command: Command) => {
      const { docs } = await import('@cxops/jobs');
      const result = await docs(root, { check: opts.check });
      emit(command, result, () =>
        result.current
          ? `${result.readme} is current.`
          : `${result.readme} is stale: run \`npx cxops docs ${root}\` and commit the result.`,
      );
      if (!result.current) setExit(EXIT.failure);
    });
}
