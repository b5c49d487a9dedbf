import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { workspaceRoot } from '@cxops/core';
import { formatHcl, resolveEngine } from '@cxops/terraform';

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
      const result = await formatHcl(engine, targets, { check: opts.check, recursive: files.length === 0 });
      if (result.files.length) process.stdout.write(`${result.files.join('\n')}\n`);
      if (opts.check && !result.ok) setExit(1);
    });
}
