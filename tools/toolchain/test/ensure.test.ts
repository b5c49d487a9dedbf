import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run, silentProgress } from '@cxops/core';
import {
  PROVIDER,
  TOOLS,
  binaryPath,
  checkTrust,
  defaultGoEnvironment,
  ensureToolchain,
  formatReport,
  installProvider,
  providerMirrorPath,
  sha256File,
  toolchainLayout,
  writeStamp,
  type GoTool,
} from '../src/index.ts';
import { realLayout, requireToolchainBinary, tempDir } from '../../../tests/support/paths.ts';

const tofuTool = TOOLS.find((t) => t.name === 'tofu')!;
const noBuild = async (): Promise<never> => {
  throw new Error('nothing should be rebuilt');
};

describe('with everything present', () => {
  it('finishes without building anything and says so', async () => {
    requireToolchainBinary('tofu');
    const lines: string[] = [];
    const report = await ensureToolchain({
      layout: realLayout,
      progress: silentProgress(lines),
      build: noBuild,
      // The provider is judged on its own below; here only the Go tools matter.
      env: { ...process.env, CXOPS_PROVIDER_INSTALL: 'registry' },
    });
    expect(
      report.items.filter((i) => i.name !== 'provider-genesyscloud').map((i) => [i.name, i.state]),
    ).toEqual(TOOLS.map((t) => [t.name, 'present']));
    expect(report.exitCode).toBe(EXIT.ok);
    expect(formatReport(report)).toContain('Everything was already present and verified');
    expect(lines.filter((l) => l.startsWith('▶'))).toEqual([]);
  });

  it('the toolchain tofu reports exactly 1.12.6 (no -dev suffix)', async () => {
    const result = await run(requireToolchainBinary('tofu'), ['version'], {
      env: { ...process.env, TF_CLI_CONFIG_FILE: realLayout.cliConfig },
    });
    expect(result.stdout).toMatch(/^OpenTofu v1\.12\.6$/m);
    expect(result.stdout).not.toContain('-dev');
  });

  it('tflint, versitygw and terraform-docs report their pinned versions', async () => {
    for (const tool of TOOLS.filter((t) => t.name !== 'tofu')) {
      const result = await run(requireToolchainBinary(tool.name), tool.versionArgs, {
        env: { ...process.env, TFLINT_DISABLE_VERSION_CHECK: '1' },
      });
      expect(tool.expectVersion(result.stdout + result.stderr), tool.name).toBe(true);
    }
  });
});

describe('a binary left by an interrupted or altered build', () => {
  it('is not trusted without a stamp, nor when it no longer matches its stamp', async () => {
    const layout = toolchainLayout(await tempDir());
    await mkdir(layout.bin, { recursive: true });
    const file = binaryPath(layout, 'tofu');
    await writeFile(file, 'half a binary');
    expect(await checkTrust(layout.stamps, 'tofu', '1.12.6', [file])).toEqual({
      trusted: false,
      reason: 'not built yet',
    });

    await copyFile(requireToolchainBinary('tofu'), file);
    await writeStamp(layout.stamps, {
      name: 'tofu',
      version: '1.12.6',
      sha256: await sha256File(file),
      builtAt: '',
      buildSeconds: 1,
      source: 'test',
    });
    expect((await checkTrust(layout.stamps, 'tofu', '1.12.6', [file])).trusted).toBe(true);

    await writeFile(file, 'truncated');
    const verdict = await checkTrust(layout.stamps, 'tofu', '1.12.6', [file]);
    expect(verdict).toMatchObject({
      trusted: false,
      reason: expect.stringContaining('does not match its stamp'),
    });
    expect(await checkTrust(layout.stamps, 'tofu', '1.13.0', [file])).toMatchObject({
      trusted: false,
      reason: 'built at 1.12.6, pinned 1.13.0',
    });
  });

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

describe('when a module cannot be downloaded', () => {
  it('a tool build exits "unavailable", names the module and says how to fix it, and leaves no binary', async () => {
    const layout = toolchainLayout(await tempDir());
    const env = {
      ...process.env,
      GOPROXY: 'off',
      GOMODCACHE: await tempDir('cxops-modcache-'),
      GOFLAGS: '-mod=mod',
    };
    const tflint = TOOLS.find((t) => t.name === 'tflint')!;
    const report = await ensureToolchain({
      layout,
      tools: [tflint],
      go: defaultGoEnvironment(env),
      env: { ...env, CXOPS_PROVIDER_INSTALL: 'registry' },
      progress: silentProgress(),
    });
    expect(report.exitCode).toBe(EXIT.unavailable);
    const error = report.items[0]!.error!;
    expect(error.message).toContain("Can't download tflint v0.64.0");
    expect(error.message).toContain('GOPROXY=off');
    expect(error.details.fix).toContain('Go module proxy');
    expect(formatReport(report)).toContain('exit:  3');
    await expect(run('ls', [layout.bin])).resolves.toMatchObject({ exitCode: 2 });
  }, 300_000);

  it('the provider install fails the same way and points at CXOPS_GENESYSCLOUD_PROVIDER', async () => {
    const layout = toolchainLayout(await tempDir());
    const { CXOPS_GENESYSCLOUD_PROVIDER: _given, ...rest } = process.env;
    const env = { ...rest, GOPROXY: 'off' };
    await expect(installProvider(layout, defaultGoEnvironment(env), env)).rejects.toMatchObject({
      message: expect.stringContaining(`Can't download the genesyscloud provider v${PROVIDER.version}`),
      details: { fix: expect.stringContaining('CXOPS_GENESYSCLOUD_PROVIDER'), exitCode: EXIT.unavailable },
    });
  });
});

describe('a provider binary given by path', () => {
  it('is copied under both registry hosts of the mirror and stamped', async () => {
    const layout = toolchainLayout(await tempDir());
    // Any executable stands in for the file copy; what is tested is the mirror layout and the stamp.
    const given = path.join(await tempDir(), 'terraform-provider-genesyscloud');
    await writeFile(given, '#!/bin/sh\n', { mode: 0o755 });
    const env = { ...process.env, CXOPS_GENESYSCLOUD_PROVIDER: given };
    const stamp = await installProvider(layout, defaultGoEnvironment(env), env);
    expect(stamp.source).toBe(`file ${given}`);
    for (const host of PROVIDER.hosts) {
      const target = providerMirrorPath(layout, host);
      expect(target).toContain(
        `${host}/mypurecloud/genesyscloud/1.84.1/linux_amd64/terraform-provider-genesyscloud_v1.84.1`,
      );
      expect(await sha256File(target)).toBe(stamp.sha256);
    }
  });

  it('that does not exist is reported with the variable to fix', async () => {
    const layout = toolchainLayout(await tempDir());
    const env = { ...process.env, CXOPS_GENESYSCLOUD_PROVIDER: '/nonexistent/provider' };
    await expect(installProvider(layout, defaultGoEnvironment(env), env)).rejects.toThrow(
      'CXOPS_GENESYSCLOUD_PROVIDER points to /nonexistent/provider, which does not exist',
    );
  });
});
