// The jobs on any root (module, example or environment) that need no state: init, validate, tofu test, lint,
// and the README's docs tables. Environments get their backend only for init.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CxError, workspaceRoot } from '@cxops/core';
import { ENVIRONMENTS_DIR, MODULES_DIR } from '@cxops/layout';
import {
  docsAreCurrent,
  formatHcl,
  initRoot,
  lintRoot,
  renderDocs,
  resolveEngine,
  testRoot,
  validateRoot,
  type LintResult,
} from '@cxops/terraform';
import { binaryPath, toolchainLayout } from '@cxops/toolchain';
import { findRoot, openRoot, planFolder } from './session.ts';

export async function initialise(root: string): Promise<{ dir: string }> {
  const session = await openRoot(root, { backend: true });
  await initRoot(session.engine, session.dir, session.init);
  return { dir: session.dir };
}

export async function validate(root: string): Promise<{ dir: string; output: string }> {
  const session = await openRoot(root, { backend: false });
  await initRoot(session.engine, session.dir, session.init);
  const result = await validateRoot(session.engine, session.dir, { env: session.env });
  return { dir: session.dir, output: result.stdout };
}

export async function runTests(root: string): Promise<{ dir: string; output: string }> {
  const session = await openRoot(root, { backend: false });
  await initRoot(session.engine, session.dir, session.init);
  const result = await testRoot(session.engine, session.dir, { env: session.env });
  return { dir: session.dir, output: result.stdout };
}

export async function lint(root: string): Promise<LintResult & { dir: string }> {
  const { dir } = await findRoot(root);
  const result = await lintRoot(dir, {
    tflint: binaryPath(toolchainLayout(), 'tflint'),
    config: path.join(workspaceRoot(), '.tflint.hcl'),
  });
  return { ...result, dir };
}

/** Writes the README tables, or with `check` only says whether they are current. */
export async function docs(
  root: string,
  options: { check?: boolean } = {},
): Promise<{ readme: string; current: boolean }> {
  const { dir } = await findRoot(root);
  const terraformDocs = binaryPath(toolchainLayout(), 'terraform-docs');
  const readme = path.join(dir, 'README.md');
  if (options.check) return { readme, current: await docsAreCurrent(dir, terraformDocs) };
  await renderDocs(dir, readme, terraformDocs);
  return { readme, current: true };
}

/** The summary of an environment's last plan. */
export async function lastPlanSummary(root: string): Promise<{ file: string; markdown: string }> {
  const { identity } = await findRoot(root);
  const file = path.join(planFolder(identity), 'summary.md');
  if (!existsSync(file))
    throw new CxError({
      action: `show the plan of ${identity.path}`,
      reason: 'it has not been planned yet',
      fix: `run \`npx cxops plan ${root}\``,
    });
  return { file, markdown: await readFile(file, 'utf8') };
}

/** `tofu fmt` on the given files, or on every HCL file of environments/ and modules/. */
export async function formatFiles(
  files: string[],
  options: { check?: boolean } = {},
): Promise<{ ok: boolean; files: string[] }> {
  const workspace = workspaceRoot();
  const targets =
    files.length > 0
      ? files.map((f) => path.resolve(f))
      : [ENVIRONMENTS_DIR, MODULES_DIR].map((d) => path.join(workspace, d)).filter((d) => existsSync(d));
  return formatHcl(await resolveEngine(), targets, { check: options.check, recursive: files.length === 0 });
}
