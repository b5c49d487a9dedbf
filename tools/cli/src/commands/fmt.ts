import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CxError, workspaceRoot } from '@cxops/core';
import { resolveEngine, runEngine } from '@cxops/terraform';

export function registerFmt(program: Command, setExit: (code: number) => void): void {
  program
    .command('fmt')
    .description(
      'Format HCL with the chosen engine (tofu fmt): the given files, or modules/ and environments/',
    )
    .argument('[files...]', 'files to format (lint-staged passes the staged ones)')
    .option('--check', 'only report files that need formatting (exit 1 if any)')
    .action(async (files: string[], opts: { check?: boolean }) => {
      const root = workspaceRoot();
      const engine = await resolveEngine();
      const targets =
        files.length > 0
          ? files.map((f) => path.resolve(f))
          : ['modules', 'environments'].map((d) => path.join(root, d)).filter((d) => existsSync(d));
      const args = [
        'fmt',
        '-list=true',
        ...(opts.check ? ['-check'] : []),
        ...(files.length ? [] : ['-recursive']),
        ...targets,
      ];
      const result = await runEngine(engine, root, args);
      process.stdout.write(result.stdout);
      if (result.exitCode !== 0 && !(opts.check && result.stdout.trim())) {
        throw new CxError({
          action: 'format HCL',
          reason: 'tofu fmt failed',
          where: args.join(' '),
          output: result.stderr,
        });
      }
      if (result.exitCode !== 0) setExit(1);
    });
}
