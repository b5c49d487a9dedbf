// What can be checked of the HCL without the toolchain: what the tree holds, and that no secret is in it.
// The checks that need tofu, tflint and terraform-docs are in hcl-quality.integration.test.ts.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { tempDir } from '@cxops/test-support/paths';
import { environmentRoots, moduleExamples, moduleFolders, terraformFolders } from '@cxops/test-support/tree';

const root = workspaceRoot();

describe('HCL in modules/ and environments/', () => {
  it('has the org root, at least one department and modules, each module with an example and tofu tests', () => {
    const environments = environmentRoots();
    expect(environments).toContain('environments/org');
    expect(environments.filter((dir) => dir !== 'environments/org')).not.toEqual([]);
    const modules = moduleFolders();
    expect(modules).not.toEqual([]);
    const examples = moduleExamples();
    for (const module of modules) {
      expect(
        examples.some((example) => example.startsWith(`${module}/examples/`)),
        `${module} has an example`,
      ).toBe(true);
      expect(existsSync(path.join(root, module, 'tests')), `${module} has tofu tests`).toBe(true);
    }
  });

  it('keeps every secret out: providers take credentials from GENESYSCLOUD_* only', async () => {
    const dirs = terraformFolders();
    expect(dirs).not.toEqual([]);
    for (const dir of dirs) {
      for (const file of (await readdir(path.join(root, dir))).filter((f) => /\.(tf|tfvars)$/.test(f))) {
        const text = await readFile(path.join(root, dir, file), 'utf8');
        expect(text, `${dir}/${file}`).not.toMatch(
          /oauthclient_secret\s*=|access_token\s*=\s*"|client_secret\s*=\s*"/,
        );
      }
    }
  });
});

describe('the scale fixture generator', () => {
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
