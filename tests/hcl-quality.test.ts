// Every module, example and environment: formatted, lint-clean (tflint, repository rules), valid against the
// real genesyscloud provider's schema, with a current README; every module's tofu test files (mock providers,
// which take their schema from the real provider binary) pass.
import { readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { requireToolchainBinary, tempDir } from './support/paths.ts';

const root = workspaceRoot();
const cxops = path.join(root, 'node_modules', '.bin', 'cxops');

async function terraformDirs(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    // A .tf file directly in environments/ is shared by linking roots (department-migrations.tf), not a unit.
    const isTop = ['modules', 'environments'].some((top) => dir === path.join(root, top));
    if (!isTop && entries.some((e) => !e.isDirectory() && e.name.endsWith('.tf'))) found.push(dir);
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'tests')
        await walk(path.join(dir, e.name));
  };
  for (const top of ['modules', 'environments']) await walk(path.join(root, top));
  return found.sort();
}

describe('HCL in modules/ and environments/', () => {
  it('has the four environment roots, the six domain modules and the two compositions', async () => {
    const dirs = (await terraformDirs()).map((d) => path.relative(root, d));
    for (const expected of [
      'environments/org',
      'environments/sales',
      'environments/support',
      'environments/billing',
      'modules/queues',
      'modules/flows',
      'modules/users',
      'modules/permissions',
      'modules/skills',
      'modules/wrapup-codes',
      'modules/department',
      'modules/org',
    ]) {
      expect(dirs).toContain(expected);
    }
  });

  it('is formatted (tofu fmt -check)', async () => {
    const result = await run(cxops, ['fmt', '--check']);
    expect(result.stdout, 'files needing `npx cxops fmt`').toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('passes tflint with the repository rules, in every module, example and environment', async () => {
    requireToolchainBinary('tflint');
    const failures: string[] = [];
    for (const dir of await terraformDirs()) {
      const result = await run(cxops, ['lint', dir]);
      if (result.exitCode !== 0)
        failures.push(`${path.relative(root, dir)}:\n${result.stdout}${result.stderr}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('validates against the real provider schema, every module, example and environment', async () => {
    requireToolchainBinary('tofu');
    const failures: string[] = [];
    for (const dir of await terraformDirs()) {
      const result = await run(cxops, ['validate', dir]);
      if (result.exitCode !== 0)
        failures.push(`${path.relative(root, dir)}:\n${result.stdout}${result.stderr}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("passes every module's tofu test files (module logic, against mock providers)", async () => {
    const modules = (await terraformDirs()).filter((dir) => existsSync(path.join(dir, 'tests')));
    expect(modules.length).toBeGreaterThanOrEqual(6);
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
    for (const dir of (await terraformDirs()).filter((d) => d.includes(`${path.sep}modules${path.sep}`))) {
      if (!existsSync(path.join(dir, 'README.md'))) {
        failures.push(`${path.relative(root, dir)}: no README.md`);
        continue;
      }
      const result = await run(cxops, ['docs', '--check', dir]);
      if (result.exitCode !== 0) failures.push(`${path.relative(root, dir)}: ${result.stderr}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('keeps every secret out: providers take credentials from GENESYSCLOUD_* only', async () => {
    for (const dir of await terraformDirs()) {
      for (const file of (await readdir(dir)).filter((f) => /\.(tf|tfvars)$/.test(f))) {
        const text = await readFile(path.join(dir, file), 'utf8');
        expect(text, `${dir}/${file}`).not.toMatch(
          /oauthclient_secret\s*=|access_token\s*=\s*"|client_secret\s*=\s*"/,
        );
      }
    }
  });
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

  it('refuses a non-empty output folder without --force (exit 2)', async () => {
    const out = await tempDir();
    await writeFile(path.join(out, 'keep.txt'), 'x');
    const result = await run(path.join(root, 'node_modules', '.bin', 'tsx'), [
      path.join(root, 'tests', 'fixtures', 'scale', 'generate-org.ts'),
      '--out',
      out,
    ]);
    expect(result.exitCode).toBe(2);
  });
});
