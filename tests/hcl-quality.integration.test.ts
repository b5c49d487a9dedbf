// Every module, example and environment with the toolchain: formatted, lint-clean (tflint, repository rules),
// valid against the real genesyscloud provider's schema, with a current README; every module's tofu test files
// (mock providers, which take their schema from the real provider binary) pass.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { requireToolchainBinary, tempDir } from '@cxops/test-support/paths';
import { terraformFolders } from '@cxops/test-support/tree';

const root = workspaceRoot();
const cxops = path.join(root, 'node_modules', '.bin', 'cxops');

/** Absolute folders of every module, example and environment. */
const terraformDirs = () => terraformFolders(root).map((dir) => path.join(root, dir));

describe('HCL in modules/ and environments/', () => {
  it('is formatted (tofu fmt -check)', async () => {
    const result = await run(cxops, ['fmt', '--check']);
    expect(result.stdout, 'files needing `npx cxops fmt`').toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('passes tflint with the repository rules, in every module, example and environment', async () => {
    requireToolchainBinary('tflint');
    const failures: string[] = [];
    for (const dir of terraformDirs()) {
      const result = await run(cxops, ['lint', dir]);
      if (result.exitCode !== 0)
        failures.push(`${path.relative(root, dir)}:\n${result.stdout}${result.stderr}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('validates against the real provider schema, every module, example and environment', async () => {
    requireToolchainBinary('tofu');
    const failures: string[] = [];
    for (const dir of terraformDirs()) {
      const result = await run(cxops, ['validate', dir]);
      if (result.exitCode !== 0)
        failures.push(`${path.relative(root, dir)}:\n${result.stdout}${result.stderr}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("passes every module's tofu test files (module logic, against mock providers)", async () => {
    // Every module has tofu tests (hcl-quality.test.ts checks that), so none is skipped here.
    const modules = terraformDirs().filter((dir) => existsSync(path.join(dir, 'tests')));
    expect(modules).not.toEqual([]);
    const failures: string[] = [];
    for (const dir of modules) {
      const result = await run(cxops, ['test', dir]);
      if (result.exitCode !== 0 || !/Success! \d+ passed, 0 failed/.test(result.stdout))
        failures.push(`${path.relative(root, dir)}:\n${result.stdout}${result.stderr}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('has a README whose terraform-docs tables are current, for every module and example', async () => {
    const failures: string[] = [];
    for (const dir of terraformDirs().filter((d) => d.includes(`${path.sep}modules${path.sep}`))) {
      if (!existsSync(path.join(dir, 'README.md'))) {
        failures.push(`${path.relative(root, dir)}: no README.md`);
        continue;
      }
      const result = await run(cxops, ['docs', '--check', dir]);
      if (result.exitCode !== 0) failures.push(`${path.relative(root, dir)}: ${result.stderr}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('the scale fixture generator', () => {
  it('writes a large-org root that is formatted and identical for the same options', async () => {
    const generator = path.join(root, 'tests', 'fixtures', 'scale', 'generate-org.ts');
    const [a, b] = [path.join(await tempDir(), 'org'), path.join(await tempDir(), 'org')];
    for (const out of [a, b]) {
      const result = await run(path.join(root, 'node_modules', '.bin', 'tsx'), [
        generator,
        '--out',
        out,
        '--queues',
        '60',
        '--skills',
        '12',
        '--users',
        '150',
      ]);
      expect(result.exitCode, result.stderr).toBe(0);
    }
    const fmt = await run(requireToolchainBinary('tofu'), ['fmt', '-check', '-recursive', a]);
    expect(fmt.exitCode, fmt.stdout).toBe(0);
    const filesOf = async (dir: string) =>
      (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .sort();
    const files = await filesOf(a);
    expect(files).toEqual(await filesOf(b));
    for (const file of files)
      expect(await readFile(path.join(a, file), 'utf8')).toBe(await readFile(path.join(b, file), 'utf8'));
    expect(await readFile(path.join(a, 'org.auto.tfvars'), 'utf8')).toMatch(/Scale - /);
  });
});
