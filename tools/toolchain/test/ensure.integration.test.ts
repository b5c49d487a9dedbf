// The real toolchain (tofu, tflint, versitygw, terraform-docs, the provider) and real Go builds.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, run, silentProgress } from '@cxops/core';
import {
  PROVIDER,
  PROVIDER_STAMP,
  TOOLS,
  providerSchemaPath,
  readStamp,
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
} from '../src/index.ts';
import { realLayout, requireToolchainBinary, tempDir } from '@cxops/test-support/paths';

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

  it('without source archives, the provider install fails the same way and names every way to supply it', async () => {
    const layout = toolchainLayout(await tempDir());
    const {
      CXOPS_GENESYSCLOUD_PROVIDER: _given,
      CXOPS_GENESYSCLOUD_PROVIDER_SOURCE: _source,
      ...rest
    } = process.env;
    const env = { ...rest, GOPROXY: 'off' };
    await expect(
      installProvider(layout, defaultGoEnvironment(env), env, { searchSourceFrom: await tempDir() }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(`Can't download the genesyscloud provider v${PROVIDER.version}`),
      details: {
        fix: expect.stringMatching(
          /CXOPS_GENESYSCLOUD_PROVIDER_SOURCE.*CXOPS_GENESYSCLOUD_PROVIDER.*registry/s,
        ),
        exitCode: EXIT.unavailable,
      },
    });
  });
});

describe('a provider binary given by path', () => {
  it('is checked, copied under both registry hosts of the mirror, stamped, and its schema kept', async () => {
    const layout = toolchainLayout(await tempDir());
    const given = requireMirroredProvider();
    const env = { ...process.env, CXOPS_GENESYSCLOUD_PROVIDER: given };
    const stamp = await installProvider(layout, defaultGoEnvironment(env), env, {
      tofu: requireToolchainBinary('tofu'),
    });
    expect(stamp.source).toBe(`binary ${given} (CXOPS_GENESYSCLOUD_PROVIDER)`);
    for (const host of PROVIDER.hosts) {
      const target = providerMirrorPath(layout, host);
      expect(target).toContain(
        `${host}/mypurecloud/genesyscloud/1.82.0/linux_amd64/terraform-provider-genesyscloud_v1.82.0`,
      );
      expect(await sha256File(target)).toBe(stamp.sha256);
    }
    const schema = JSON.parse(await readFile(providerSchemaPath(layout), 'utf8'));
    expect(Object.keys(schema.provider_schemas)).toEqual(['registry.opentofu.org/mypurecloud/genesyscloud']);
  });

  it('that is not a working provider is refused and leaves nothing in the mirror', async () => {
    const layout = toolchainLayout(await tempDir());
    const given = path.join(await tempDir(), 'terraform-provider-genesyscloud');
    await writeFile(given, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const env = { ...process.env, CXOPS_GENESYSCLOUD_PROVIDER: given };
    await expect(
      installProvider(layout, defaultGoEnvironment(env), env, { tofu: requireToolchainBinary('tofu') }),
    ).rejects.toThrow(
      `Can't check the genesyscloud provider v${PROVIDER.version}: tofu could not read its schema: it does not run as a provider`,
    );
    for (const host of PROVIDER.hosts) expect(existsSync(providerMirrorPath(layout, host))).toBe(false);
    expect(await readStamp(layout.stamps, PROVIDER_STAMP)).toBeUndefined();
  });
});

describe('the provider built from its upstream source archives', () => {
  const { CXOPS_GENESYSCLOUD_PROVIDER: _given, ...withoutBinary } = process.env;

  it('builds from verified archives, reports the pinned version and lands in the mirror', async () => {
    const layout = toolchainLayout(await tempDir());
    const go = defaultGoEnvironment(withoutBinary);
    const stamp = await installProvider(layout, go, withoutBinary, { tofu: requireToolchainBinary('tofu') });
    expect(stamp.source).toMatch(/^built from the upstream source archives in /);
    // The install checked the version the provider announces (its User-Agent) against the pin.
    expect(await sha256File(providerMirrorPath(layout, PROVIDER.hosts[0]))).toBe(stamp.sha256);
  }, 600_000);
});

/** The provider `cxops toolchain` put in the real mirror: tests that need a real provider binary use it. */
function requireMirroredProvider(): string {
  const file = providerMirrorPath(realLayout, PROVIDER.hosts[0]);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx cxops toolchain\` before the tests`);
  return file;
}
