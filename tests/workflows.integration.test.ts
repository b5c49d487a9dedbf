// The GitHub Actions workflows, checked offline by actionlint (built by the toolchain).
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { requireToolchainBinary, tempDir } from '@cxops/test-support/paths';

const workflows = path.join(workspaceRoot(), '.github', 'workflows');

describe('GitHub workflows', () => {
  it('pass actionlint', async () => {
    const files = (await readdir(workflows))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => path.join(workflows, f));
    expect(files.map((f) => path.basename(f)).sort()).toEqual([
      'apply.yml',
      'ci.yml',
      'drift.yml',
      'plan.yml',
    ]);
    const result = await run(requireToolchainBinary('actionlint'), ['-shellcheck=', '-no-color', ...files], {
      cwd: workspaceRoot(),
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('actionlint does catch a broken workflow (so the check above can fail)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'broken.yml');
    await writeFile(
      file,
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.nope }}\n',
    );
    const result = await run(requireToolchainBinary('actionlint'), ['-shellcheck=', '-no-color', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('property "nope" is not defined');
  });
});
