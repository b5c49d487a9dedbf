// `cxops fmt` runs the toolchain's tofu.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { tempDir } from '@cxops/test-support/paths';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');

describe('cxops fmt', () => {
  it('`fmt --check` lists an unformatted file and exits 1; the repository itself is formatted', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'main.tf');
    await writeFile(file, 'resource "terraform_data"   "x" {\n}\n');
    const bad = await run(cxops, ['fmt', '--check', file]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain('main.tf');
    await expect(run(cxops, ['fmt', '--check'])).resolves.toMatchObject({ exitCode: 0 });
  });
});
