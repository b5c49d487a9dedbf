// The genesyscloud provider in a filesystem mirror, so `tofu init` never reaches a registry.
// Sources, in order: a binary the user points to (CXOPS_GENESYSCLOUD_PROVIDER); else a build from the upstream
// source archives (CXOPS_GENESYSCLOUD_PROVIDER_SOURCE, or shared/vendor/genesyscloud-provider beside the
// workspace); else a build of the pinned Go module through the module proxy.
import { copyFile, chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CxError, EXIT, run } from '@cxops/core';
import { goFailure, requireGo, type GoEnvironment } from './go.ts';
import { binaryPath } from './build.ts';
import { providerMirrorPath, type ToolchainLayout } from './layout.ts';
import { PROVIDER, PROVIDER_SOURCE } from './manifest.ts';
import { checkProvider } from './provider-check.ts';
import { buildProviderFromSource, findProviderSource, PROVIDER_SOURCE_VARIABLE } from './provider-source.ts';
import { checkTrust, sha256File, writeStamp, type Stamp } from './stamp.ts';

export const PROVIDER_STAMP = 'provider-genesyscloud';

export function providerMirrorFiles(layout: ToolchainLayout): string[] {
  return PROVIDER.hosts.map((host) => providerMirrorPath(layout, host));
}

export async function providerTrust(layout: ToolchainLayout) {
  return checkTrust(layout.stamps, PROVIDER_STAMP, PROVIDER.version, providerMirrorFiles(layout));
}

/** Obtains the provider binary in a scratch folder and returns its path and where it came from. */
async function obtainProvider(
  scratch: string,
  go: GoEnvironment,
  env: NodeJS.ProcessEnv,
  options: InstallProviderOptions,
): Promise<{ file: string; source: string }> {
  const given = env.CXOPS_GENESYSCLOUD_PROVIDER;
  if (given) {
    if (!existsSync(given)) {
      throw new CxError({
        action: 'use the genesyscloud provider binary',
        reason: `CXOPS_GENESYSCLOUD_PROVIDER points to ${given}, which does not exist`,
        fix: `point it at a terraform-provider-genesyscloud v${PROVIDER.version} binary, or unset it to build from source`,
        exitCode: EXIT.unavailable,
      });
    }
    return { file: given, source: `binary ${given} (CXOPS_GENESYSCLOUD_PROVIDER)` };
  }
  await requireGo(go);
  const sourceDir = findProviderSource(env, options.searchSourceFrom);
  if (sourceDir) {
    const file = await buildProviderFromSource(sourceDir, scratch, go, options.onOutput);
    return { file, source: `built from the upstream source archives in ${sourceDir}` };
  }
  const ref = `${PROVIDER.module}@v${PROVIDER.version}`;
  const command = [go.goBinary, 'install', '-trimpath', '-ldflags', PROVIDER.ldflags, ref];
  const result = await run(command[0]!, command.slice(1), {
    cwd: scratch,
    env: { ...go.env, GOBIN: scratch },
    onOutput: options.onOutput,
  });
  if (result.exitCode !== 0) {
    const error = goFailure(`the genesyscloud provider v${PROVIDER.version}`, command, result);
    if (error.exitCode === EXIT.unavailable) {
      error.details.fix =
        `no source archives were found (${PROVIDER_SOURCE.folder} beside the workspace or a parent, or the folder ` +
        `${PROVIDER_SOURCE_VARIABLE} names) and the module proxy does not serve ${ref}. Put the archives there, ` +
        'or set CXOPS_GENESYSCLOUD_PROVIDER to a provider binary, or, on a machine with internet, set ' +
        'CXOPS_PROVIDER_INSTALL=registry to let tofu/terraform install it from the public registry';
    }
    throw error;
  }
  return {
    file: path.join(scratch, 'terraform-provider-genesyscloud'),
    source: `built from ${ref} through the Go module proxy`,
  };
}

export interface InstallProviderOptions {
  /** The tofu that reads the installed provider's schema (default: the toolchain's). */
  tofu?: string;
  /** Where the search for the source archives starts (default: the workspace root). */
  searchSourceFrom?: string;
  onOutput?: (chunk: string) => void;
}

/** Places the provider under every registry host of the mirror (copies: symlinked folders are ignored by init). */
export async function installProvider(
  layout: ToolchainLayout,
  go: GoEnvironment,
  env: NodeJS.ProcessEnv = process.env,
  options: InstallProviderOptions = {},
): Promise<Stamp> {
  await mkdir(layout.work, { recursive: true });
  const scratch = await mkdtemp(path.join(layout.work, 'provider-'));
  const started = Date.now();
  try {
    const { file, source } = await obtainProvider(scratch, go, env, options);
    const sha256 = await sha256File(file);
    for (const target of providerMirrorFiles(layout)) {
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.partial`;
      await copyFile(file, temp);
      await chmod(temp, 0o755);
      await rename(temp, target);
    }
    await checkProvider(layout, options.tofu ?? binaryPath(layout, 'tofu'), scratch).catch(
      async (error: unknown) => {
        // A binary that is not a working provider must not stay where init would find it.
        for (const target of providerMirrorFiles(layout)) await rm(target, { force: true });
        throw error;
      },
    );
    const stamp: Stamp = {
      name: PROVIDER_STAMP,
      version: PROVIDER.version,
      sha256,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round((Date.now() - started) / 100) / 10,
      source,
    };
    await writeStamp(layout.stamps, stamp);
    return stamp;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
