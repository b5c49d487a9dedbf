// Which Terraform engine runs: the toolchain's tofu by default, or a tofu/terraform the user chooses with
// CXOPS_TF_BINARY (a name on PATH or a path). Either must be >= 1.10 (S3 native locking needs it).
import { existsSync } from 'node:fs';
import { CxError, EXIT, run, which } from '@cxops/core';
import {
  binaryPath,
  MIN_ENGINE_VERSION,
  providerInstallMode,
  toolchainLayout,
  type ToolchainLayout,
} from '@cxops/toolchain';

export interface Engine {
  /** Absolute path of the binary. */
  binary: string;
  flavor: 'opentofu' | 'terraform';
  version: string;
  /** Environment every invocation gets: the offline CLI config unless providers come from the registry. */
  env: NodeJS.ProcessEnv;
}

export interface ResolveEngineOptions {
  env?: NodeJS.ProcessEnv;
  layout?: ToolchainLayout;
}

export async function resolveEngine(options: ResolveEngineOptions = {}): Promise<Engine> {
  const env = options.env ?? process.env;
  const layout = options.layout ?? toolchainLayout();
  const chosen = env.CXOPS_TF_BINARY;
  let binary: string | undefined;
  if (!chosen) {
    binary = binaryPath(layout, 'tofu');
    if (!existsSync(binary)) {
      throw new CxError({
        action: 'find tofu',
        reason: `the toolchain has no tofu at ${binary}`,
        fix: 'run `npx cxops toolchain` (builds it offline), or set CXOPS_TF_BINARY=tofu|terraform|/path/to/binary to use your own',
        exitCode: EXIT.unavailable,
      });
    }
  } else {
    binary = await which(chosen, env);
    if (!binary) {
      throw new CxError({
        action: 'find the Terraform engine',
        reason: `CXOPS_TF_BINARY is "${chosen}", which is neither an executable path nor a command on PATH`,
        fix: 'install it, fix the path, or unset CXOPS_TF_BINARY to use the toolchain tofu',
        exitCode: EXIT.unavailable,
      });
    }
  }

  const engineEnv: NodeJS.ProcessEnv = { ...env, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  if (providerInstallMode(env) === 'mirror') engineEnv.TF_CLI_CONFIG_FILE = layout.cliConfig;

  const result = await run(binary, ['version', '-json'], { env: engineEnv });
  const parsed = parseVersionJson(result.stdout);
  if (result.exitCode !== 0 || !parsed) {
    throw new CxError({
      action: 'check the Terraform engine version',
      reason: `\`${binary} version -json\` did not report a version`,
      where: binary,
      fix: 'point CXOPS_TF_BINARY at an OpenTofu or Terraform binary',
      output: `${result.stdout}\n${result.stderr}`,
    });
  }
  const flavor = /opentofu|tofu/i.test(binary) || /OpenTofu/.test(result.stdout) ? 'opentofu' : 'terraform';
  if (compareVersions(parsed, MIN_ENGINE_VERSION) < 0) {
    throw new CxError({
      action: 'use the Terraform engine',
      reason: `${binary} is version ${parsed}; ${MIN_ENGINE_VERSION} or newer is required (S3 state locking with use_lockfile)`,
      where: binary,
      fix: `upgrade it to ${MIN_ENGINE_VERSION}+, or unset CXOPS_TF_BINARY to use the toolchain tofu`,
      exitCode: EXIT.unavailable,
    });
  }
  return { binary, flavor, version: parsed, env: engineEnv };
}

function parseVersionJson(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { terraform_version?: unknown };
    return typeof value.terraform_version === 'string' ? value.terraform_version : undefined;
  } catch {
    return undefined;
  }
}

/** Compares dotted versions numerically, ignoring a pre-release suffix ("1.10.0-rc1" counts as 1.10.0). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.replace(/^v/, '').split('-')[0]!.split('.').map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
