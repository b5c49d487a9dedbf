// `cxops precommit`: what husky + lint-staged run on the staged files (package.json "lint-staged"): the HCL
// checks of the roots the files reach, and the secret scan of the staged changes.
import type { Command } from 'commander';
import { EXIT } from '@cxops/core';
import { checkStagedTerraform, scanStagedSecrets, type PrecommitReport, type SecretScan } from '@cxops/jobs';
import { emit } from '../output.ts';

type SetExit = (code: number) => void;

export function registerPrecommit(program: Command, setExit: SetExit): void {
  const precommit = program
    .command('precommit')
    .description('Pre-commit checks of staged files (run by husky + lint-staged)');

  precommit
    .command('terraform')
    .description(
      'tofu validate every root the files reach (Nx graph), tflint and the README docs check of the roots holding them',
    )
    .argument('<files...>', 'staged .tf files (lint-staged passes them)')
    .action(async (files: string[], _opts: unknown, command: Command) => {
      const report = await checkStagedTerraform(files);
      emit(command, report, () => terraformText(report));
      if (!report.ok) setExit(EXIT.failure);
    });

  precommit
    .command('secrets')
    .description(
      'Scan the staged changes for secrets with gitleaks (.gitleaks.toml); the values are never shown',
    )
    .argument('[files...]', 'only report findings in these files (default: every staged file)')
    .action(async (files: string[], _opts: unknown, command: Command) => {
      const scan = await scanStagedSecrets({ files: files.length ? files : undefined });
      emit(command, scan, () => secretsText(scan));
      if (!scan.ok) setExit(EXIT.failure);
    });
}

function terraformText(report: PrecommitReport): string {
  const lines = report.checks.map(
    (c) => `${c.ok ? '✔' : '✖'} ${c.check.padEnd(8)} ${c.root} (${c.seconds.toFixed(1)} s)`,
  );
  for (const c of report.checks.filter((x) => !x.ok))
    lines.push('', `✖ ${c.check} ${c.root}:`, ...(c.message ?? '').split('\n').map((l) => `  ${l}`));
  lines.push(
    '',
    report.ok
      ? `HCL checks passed: ${report.affected.length} root(s) validated in ${report.seconds.toFixed(1)} s.`
      : 'HCL checks failed: the commit was stopped. Fix the above, stage the fix, and commit again.',
  );
  return lines.join('\n');
}

function secretsText(scan: SecretScan): string {
  if (scan.ok) return `No secrets in the staged changes (${scan.seconds.toFixed(1)} s).`;
  return [
    `✖ ${scan.findings.length} secret(s) in the staged changes — the commit was stopped:`,
    ...scan.findings.map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.description} (${f.rule})`),
    '',
    'The values are not shown. Remove them from the files and stage again: credentials come from CI secrets',
    '(GENESYSCLOUD_PLAN_CLIENT_*, GENESYSCLOUD_APPLY_CLIENT_*) and the state role, never from code or data.',
    'If one was ever pushed or shared, rotate it now (Genesys Cloud: Admin > Integrations > OAuth).',
    'A false alarm: add its fingerprint to .gitleaksignore —',
    ...scan.findings.map((f) => `  ${f.fingerprint}`),
  ].join('\n');
}
