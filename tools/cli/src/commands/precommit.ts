// `cxops precommit`: what husky + lint-staged run on the staged files (package.json "lint-staged"), in one
// process: `tofu fmt` of the staged HCL, then side by side the HCL checks of the roots the files reach and the
// secret scan of the staged changes.
import type { Command } from 'commander';
import { CxError, EXIT } from '@cxops/core';
import type { PrecommitReport, SecretScan } from '@cxops/jobs';
import { emit } from '../output.ts';

type SetExit = (code: number) => void;

const CHECKS = ['fmt', 'terraform', 'secrets'] as const;
type Check = (typeof CHECKS)[number];
const HCL = /\.(tf|tfvars|tftest\.hcl)$/;

export function registerPrecommit(program: Command, setExit: SetExit): void {
  program
    .command('precommit')
    .description(
      'Pre-commit checks of staged files: tofu fmt; tofu validate of every root they reach (Nx graph), tflint and the docs check of the roots holding them; a gitleaks scan of the staged changes (values never shown)',
    )
    .argument(
      '[files...]',
      'the staged files (lint-staged passes them); the secret scan covers every staged change',
    )
    .option('--only <checks>', `a comma-separated subset of ${CHECKS.join(', ')}`, CHECKS.join(','))
    .action(async (files: string[], opts: { only: string }, command: Command) => {
      const { checkStagedTerraform, formatFiles, scanStagedSecrets } = await import('@cxops/jobs');
      const only = opts.only.split(',').map((c) => c.trim()) as Check[];
      const unknown = only.filter((c) => !CHECKS.includes(c));
      if (unknown.length)
        throw new CxError({
          action: 'run the pre-commit checks',
          reason: `unknown check(s): ${unknown.join(', ')}`,
          fix: `use --only with ${CHECKS.join(', ')}`,
        });
      const hcl = files.filter((f) => HCL.test(f));
      const formatted =
        only.includes('fmt') && hcl.length ? await formatFiles(hcl) : { ok: true, files: [] as string[] };
      const [terraform, secrets] = await Promise.all([
        only.includes('terraform') && hcl.length ? checkStagedTerraform(hcl) : undefined,
        only.includes('secrets') ? scanStagedSecrets({ files: files.length ? files : undefined }) : undefined,
      ]);
      emit(command, { formatted: formatted.files, terraform, secrets }, () =>
        [
          ...(formatted.files.length ? [`Formatted (staged again): ${formatted.files.join(', ')}`, ''] : []),
          ...(terraform ? [terraformText(terraform), ''] : []),
          ...(secrets ? [secretsText(secrets)] : []),
        ]
          .join('\n')
          .trimEnd(),
      );
      if (terraform?.ok === false || secrets?.ok === false) setExit(EXIT.failure);
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
