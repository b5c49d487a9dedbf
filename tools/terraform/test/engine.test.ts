import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions, resolveEngine } from '../src/index.ts';
import { realLayout, tempDir } from '@cxops/test-support/paths';

/** A stand-in engine that only answers `version -json`, to exercise the version gate. */
async function fakeEngine(name: string, version: string): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, `#!/bin/sh\necho '{"terraform_version":"${version}"}'\n`);
  await chmod(file, 0o755);
  return file;
}

describe('choosing the engine', () => {
  it('accepts a terraform >= 1.10 named by CXOPS_TF_BINARY', async () => {
    const binary = await fakeEngine('terraform', '1.10.5');
    const engine = await resolveEngine({
      layout: realLayout,
      env: { ...process.env, CXOPS_TF_BINARY: binary },
    });
    expect(engine).toMatchObject({ flavor: 'terraform', version: '1.10.5', binary });
  });

  it('refuses an engine older than 1.10 and says why and how to fix it', async () => {
    const binary = await fakeEngine('terraform', '1.5.7');
    await expect(
      resolveEngine({ layout: realLayout, env: { ...process.env, CXOPS_TF_BINARY: binary } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'is version 1.5.7; 1.10.0 or newer is required (S3 state locking with use_lockfile)',
      ),
      details: { fix: expect.stringContaining('unset CXOPS_TF_BINARY') },
    });
  });

  it('reports a CXOPS_TF_BINARY that cannot be found', async () => {
    await expect(
      resolveEngine({ layout: realLayout, env: { ...process.env, CXOPS_TF_BINARY: 'no-such-terraform' } }),
    ).rejects.toThrow('CXOPS_TF_BINARY is "no-such-terraform"');
  });

  it('uses the public registry, not the mirror, when CXOPS_PROVIDER_INSTALL=registry', async () => {
    const binary = await fakeEngine('tofu', '1.12.6');
    const engine = await resolveEngine({
      layout: realLayout,
      env: {
        ...process.env,
        CXOPS_TF_BINARY: binary,
        CXOPS_PROVIDER_INSTALL: 'registry',
        TF_CLI_CONFIG_FILE: '',
      },
    });
    expect(engine.env.TF_CLI_CONFIG_FILE).toBe('');
  });
});

describe('compareVersions', () => {
  it('orders numerically and ignores pre-release suffixes', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.10.0-rc1', '1.10.0')).toBe(0);
    expect(compareVersions('v1.5.7', '1.10.0')).toBe(-1);
  });
});
