// Where everything lives inside the toolchain folder (git-ignored, default <repo>/.toolchain).
import path from 'node:path';
import { workspaceRoot } from '@cxops/core';
import { PROVIDER } from './manifest.ts';

export interface ToolchainLayout {
  root: string;
  bin: string;
  stamps: string;
  /** Scratch space for builds in progress; anything here is never trusted. */
  work: string;
  providerMirror: string;
  cliConfig: string;
}

export function toolchainLayout(root?: string): ToolchainLayout {
  const dir = path.resolve(
    root ?? process.env.CXOPS_TOOLCHAIN_DIR ?? path.join(workspaceRoot(), '.toolchain'),
  );
  return {
    root: dir,
    bin: path.join(dir, 'bin'),
    stamps: path.join(dir, 'stamps'),
    work: path.join(dir, 'work'),
    providerMirror: path.join(dir, 'providers'),
    cliConfig: path.join(dir, 'tofu.tfrc'),
  };
}

export function providerBinaryName(): string {
  return `terraform-provider-${PROVIDER.type}_v${PROVIDER.version}`;
}

/** The unpacked filesystem-mirror path of the provider binary for one registry host. */
export function providerMirrorPath(layout: ToolchainLayout, host: string): string {
  return path.join(
    layout.providerMirror,
    host,
    PROVIDER.namespace,
    PROVIDER.type,
    PROVIDER.version,
    `${process.platform}_${goArch()}`,
    providerBinaryName(),
  );
}

export function goArch(): string {
  return process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : process.arch;
}
