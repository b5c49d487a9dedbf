// The toolchain's decisions, with stand-in builds and files: nothing here runs Go or a built tool.
import { existsSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, silentProgress } from '@cxops/core';
import {
  PROVIDER_SOURCE,
  TOOLS,
  defaultGoEnvironment,
  ensureToolchain,
  findProviderSource,
  installProvider,
  toolchainLayout,
  verifyArchives,
  type GoTool,
} from '../src/index.ts';
import { tempDir } from '@cxops/test-support/paths';

const tofuTool = TOOLS.find((t) => t.name === 'tofu')!;

describe('a binary left by an interrupted or altered build', () => {
  it('is rebuilt, and only that tool is', async () => {
    const layout = toolchainLayout(await tempDir());
    const rebuilt: string[] = [];
    const report = await ensureToolchain({
      layout,
      tools: [tofuTool],
      progress: silentProgress(),
      env: { ...process.env, CXOPS_PROVIDER_INSTALL: 'registry' },
      build: async (tool: GoTool) => {
        rebuilt.push(tool.name);
        return {
          name: tool.name,
          version: tool.version,
          sha256: 'x',
          builtAt: '',
          buildSeconds: 0,
          source: 'test',
        };
      },
    });
    expect(rebuilt).toEqual(['tofu']);
    expect(report.items[0]).toMatchObject({ name: 'tofu', state: 'built' });
  });
});

describe('a provider binary given by path', () => {
  it('that does not exist is reported with the variable to fix', async () => {
    const layout = toolchainLayout(await tempDir());
    const env = { ...process.env, CXOPS_GENESYSCLOUD_PROVIDER: '/nonexistent/provider' };
    await expect(installProvider(layout, defaultGoEnvironment(env), env)).rejects.toThrow(
      'CXOPS_GENESYSCLOUD_PROVIDER points to /nonexistent/provider, which does not exist',
    );
  });
});

describe('the provider built from its upstream source archives', () => {
  const { CXOPS_GENESYSCLOUD_PROVIDER: _given, ...withoutBinary } = process.env;

  it('is found beside the workspace with no variable set', () => {
    const found = findProviderSource(withoutBinary);
    expect(
      found,
      'the archives should sit in shared/vendor/genesyscloud-provider above the workspace',
    ).toBeDefined();
    for (const archive of PROVIDER_SOURCE.archives)
      expect(existsSync(path.join(found!, archive.file))).toBe(true);
  });

  it('refuses an archive whose checksum differs, before extracting anything', async () => {
    const folder = await tempDir('cxops-vendor-');
    const [provider, sdk] = PROVIDER_SOURCE.archives;
    await copyFile(path.join(findProviderSource(withoutBinary)!, sdk.file), path.join(folder, sdk.file));
    await writeFile(path.join(folder, provider.file), 'not the upstream archive');
    await expect(verifyArchives(folder)).rejects.toMatchObject({
      message: expect.stringContaining(`${provider.file} has SHA-256`),
      details: { fix: expect.stringContaining('nothing was built') },
    });
  });

  it('named by a variable but absent is reported with the variable and the files it needs', async () => {
    const folder = await tempDir('cxops-vendor-');
    const env = { ...withoutBinary, CXOPS_GENESYSCLOUD_PROVIDER_SOURCE: folder };
    expect(findProviderSource(env)).toBe(folder);
    await expect(verifyArchives(folder)).rejects.toMatchObject({
      message: expect.stringContaining(`${PROVIDER_SOURCE.archives[0].file} is not in ${folder}`),
      details: {
        fix: expect.stringContaining('CXOPS_GENESYSCLOUD_PROVIDER_SOURCE'),
        exitCode: EXIT.unavailable,
      },
    });
  });
});
