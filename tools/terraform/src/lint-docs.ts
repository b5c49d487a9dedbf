// The two checks that are not the engine's: tflint (the bundled terraform ruleset, the repository's
// .tflint.hcl) and terraform-docs (a module README's tables between its markers, generated or checked).
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CxError, run } from '@cxops/core';

export interface LintResult {
  ok: boolean;
  /** tflint's findings, one per line (compact format). */
  findings: string;
}

export async function lintRoot(
  dir: string,
  options: { tflint: string; config?: string },
): Promise<LintResult> {
  const args = ['--chdir', dir, '--format', 'compact'];
  if (options.config && existsSync(options.config)) args.push('--config', options.config);
  const result = await run(options.tflint, args, {
    env: { ...process.env, TFLINT_DISABLE_VERSION_CHECK: '1' },
  });
  if (result.exitCode !== 0 && result.stdout.trim() === '')
    throw new CxError({
      action: `lint ${dir}`,
      reason: `tflint exited with code ${result.exitCode}`,
      where: dir,
      output: result.stderr,
    });
  return { ok: result.exitCode === 0, findings: result.stdout };
}

/** Writes the terraform-docs tables into `readme` (between its markers) for the module in `dir`. */
export async function renderDocs(dir: string, readme: string, terraformDocs: string): Promise<void> {
  const result = await run(terraformDocs, [
    'markdown',
    'table',
    '--output-file',
    readme,
    '--output-mode',
    'inject',
    dir,
  ]);
  if (result.exitCode !== 0)
    throw new CxError({
      action: `generate the README tables of ${dir}`,
      reason: 'terraform-docs failed',
      where: dir,
      output: result.stderr,
    });
}

/** Whether the README's tables are what terraform-docs would write now; nothing in the folder changes. */
export async function docsAreCurrent(dir: string, terraformDocs: string): Promise<boolean> {
  const readme = path.join(dir, 'README.md');
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'cxops-docs-'));
  try {
    const copy = path.join(scratch, 'README.md');
    if (existsSync(readme)) await copyFile(readme, copy);
    await renderDocs(dir, copy, terraformDocs);
    const [current, fresh] = await Promise.all([
      readFile(readme, 'utf8').catch(() => ''),
      readFile(copy, 'utf8'),
    ]);
    return current === fresh;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
