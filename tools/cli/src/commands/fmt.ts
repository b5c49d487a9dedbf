// `cxops fmt`: tofu fmt on HCL (lint-staged passes the staged files).
import type { Command } from 'commander';
import { emit, wantsJson } from '../output.ts';

export function registerFmt(program: Command, setExit: (code: number) => void): void {
  program
    .command('fmt')
    .description(
      'Format HCL with the chosen engine (tofu fmt): the given files, or modules/ and environments/',
    )
    .argument('[files...]', 'files to format (lint-staged passes the staged ones)')
    .option('--check', 'only report files that need formatting (exit 1 if any)')
    .action(async (files: string[], opts: { check?: boolean }, command: Command) => {
      const { formatFiles } = await import('@cxops/jobs');
      const result = await formatFiles(files, { check: opts.check });
      if (wantsJson(command) || result.files.length) emit(command, result, () => result.files.join('\n'));
      if (opts.check && !result.ok) setExit(1);
    });
}
