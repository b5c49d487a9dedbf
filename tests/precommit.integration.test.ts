// The real pre-commit hook (husky → lint-staged → cxops) in a scratch clone of this repository: a client secret
// pasted into a department's data is refused with its file and line and never printed, a broken module call
// is refused by `tofu validate`, and a clean one-file commit passes. Uses the toolchain's tofu, tflint,
// terraform-docs and gitleaks. About a minute (the first commit initialises the roots it validates).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realLayout, requireToolchainBinary } from '@cxops/test-support/paths';
import { scratchRepository, type ScratchRepo } from '@cxops/test-support/scratch-repo';
import { fakeClientSecret } from '@cxops/test-support/secrets';

const SALES = 'environments/sales/main.tf';
const DESCRIPTION =
  'description             = "New customers buying broadband, mobile and TV: 80 % answered within 20 s"';

let repo: ScratchRepo;
let original: string;

const commits = () => Number(repo.git('rev-list', '--count', 'HEAD').output.trim());

async function editSales(replacement: string): Promise<number> {
  expect(original).toContain(DESCRIPTION);
  const text = original.replace(DESCRIPTION, replacement);
  await writeFile(path.join(repo.dir, SALES), text);
  return text.split('\n').findIndex((line) => line.includes(replacement)) + 1;
}

function restore(): void {
  repo.git('reset', '--quiet', 'HEAD', '--', SALES);
  repo.git('checkout', '--', SALES);
}

beforeAll(async () => {
  for (const tool of ['tofu', 'tflint', 'terraform-docs', 'gitleaks'] as const) requireToolchainBinary(tool);
  repo = scratchRepository(realLayout.root);
  original = await readFile(path.join(repo.dir, SALES), 'utf8');
}, 120_000);

afterAll(() => repo?.dispose());

describe.sequential('the pre-commit hook, in a scratch clone', () => {
  it('refuses a client secret pasted into department data, naming file and line, never printing it', async () => {
    const secret = fakeClientSecret();
    const line = await editSales(`description             = "Escalations: API client_secret=${secret}"`);
    repo.git('add', SALES);
    const before = commits();
    const result = repo.git('commit', '--message', 'sales: escalation note');
    expect(result.status).not.toBe(0);
    expect(commits()).toBe(before);
    expect(result.output).toContain(`${SALES}:${line}:`);
    expect(result.output).toContain('Genesys Cloud OAuth client secret (genesys-oauth-client-secret)');
    expect(result.output).toContain('The values are not shown.');
    // Not in full, and no piece of it long enough to matter.
    for (let i = 0; i + 8 <= secret.length; i++) expect(result.output).not.toContain(secret.slice(i, i + 8));
    restore();
  }, 180_000);

  it('refuses a module call with an argument the module does not have (tofu validate)', async () => {
    await writeFile(
      path.join(repo.dir, SALES),
      original.replace('  division = "Sales"\n', '  division = "Sales"\n  wrapup_code = []\n'),
    );
    repo.git('add', SALES);
    const before = commits();
    const result = repo.git('commit', '--message', 'sales: typo');
    expect(result.status).not.toBe(0);
    expect(commits()).toBe(before);
    expect(result.output).toContain('✖ validate environments/sales');
    expect(result.output).toContain('Unsupported argument');
    restore();
  }, 180_000);

  it('lets a clean one-file change through', async () => {
    await editSales(
      'description             = "New customers: broadband, mobile and TV; 80 % answered within 20 s"',
    );
    repo.git('add', SALES);
    const before = commits();
    const started = Date.now();
    const result = repo.git('commit', '--message', 'sales: clearer queue description');
    expect(result.status, result.output).toBe(0);
    expect(commits()).toBe(before + 1);
    console.info(`pre-commit, one department change: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);
});
