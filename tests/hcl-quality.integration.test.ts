// Every module, example and environment with the toolchain: formatted, lint-clean (tflint, repository rules),
// valid against the real genesyscloud provider's schema, with a current README; every module's tofu test files
// (mock providers, which take their schema from the real provider binary) pass.
import { readdir, readFile, readlink } from 'node:fs/promises';
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
  it('writes an org root and one root per division, formatted and identical for the same options', async () => {
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
    // Files by content, links by target: the division roots link the org root's wiring.
    const entriesOf = async (dir: string) =>
      Object.fromEntries(
        await Promise.all(
          (await readdir(dir, { recursive: true, withFileTypes: true }))
            .filter((e) => !e.isDirectory())
            .map(async (e) => {
              const file = path.join(e.parentPath, e.name);
              const what = e.isSymbolicLink() ? `-> ${await readlink(file)}` : await readFile(file, 'utf8');
              return [path.relative(dir, file), what] as const;
            }),
        ),
      );
    const files = await entriesOf(a);
    expect(files).toEqual(await entriesOf(b));
    expect(files['org/main.tf']).toMatch(/module "org" \{\n {2}source = ".*\/modules\/org"/);
    expect(files['org/versions.tf']).toContain(
      await readFile(path.join(root, 'environments', 'org', 'versions.tf'), 'utf8'),
    );
    expect(files['division-01/main.tf']).toMatch(
      /module "department" \{[^]*division = "Scale - Division 01"/,
    );
    expect(files['division-01/versions.tf']).toBe('-> ../org/versions.tf');
    expect(files['division-01/providers.tf']).toBe('-> ../org/providers.tf');
    // The wiring is the repository's own, copied once; every main.tf is one module call.
    for (const [file, text] of Object.entries(files).filter(([f]) => f.endsWith('main.tf')))
      expect(text, file).not.toMatch(/^\s*(provider|variable|terraform|resource) /m);
  });
});
