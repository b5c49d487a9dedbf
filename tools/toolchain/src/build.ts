// Builds one pinned Go tool into a scratch folder, checks the version it reports, then moves it into bin/
// with an atomic rename and stamps it. Nothing reaches bin/ before it has proved what it is.
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CxError, run } from '@cxops/core';
import { goFailure, type GoEnvironment } from './go.ts';
import type { ToolchainLayout } from './layout.ts';
import type { GoTool } from './manifest.ts';
import { sha256File, writeStamp, type Stamp } from './stamp.ts';

export function binaryPath(layout: ToolchainLayout, name: string): string {
  return path.join(layout.bin, name);
}

export async function buildTool(
  tool: GoTool,
  layout: ToolchainLayout,
  go: GoEnvironment,
  onOutput?: (chunk: string) => void,
): Promise<Stamp> {
  await mkdir(layout.work, { recursive: true });
  const scratch = await mkdtemp(path.join(layout.work, `${tool.name}-`));
  const started = Date.now();
  try {
    const built = path.join(scratch, tool.name);
    const ref = `${tool.mainPackage}@v${tool.version}`;
    const command = [
      go.goBinary,
      'build',
      '-trimpath',
      '-ldflags',
      tool.ldflags,
      '-o',
      built,
      tool.mainPackage,
    ];
    const result = await run(command[0]!, command.slice(1), { cwd: tool.moduleDir, env: go.env, onOutput });
    if (result.exitCode !== 0) throw goFailure(`${tool.name} v${tool.version}`, command, result);

    await chmod(built, 0o755);
    const reported = await run(built, tool.versionArgs, {
      env: { ...process.env, TFLINT_DISABLE_VERSION_CHECK: '1' },
    });
    const versionText = `${reported.stdout}\n${reported.stderr}`.trim();
    if (!tool.expectVersion(versionText)) {
      throw new CxError({
        action: `build ${tool.name} v${tool.version}`,
        reason: `the built binary reports "${versionText.split('\n')[0]}", not the pinned version`,
        where: built,
        fix: 'check the ldflags in tools/toolchain/src/manifest.ts',
      });
    }

    const sha256 = await sha256File(built);
    await mkdir(layout.bin, { recursive: true });
    await rename(built, binaryPath(layout, tool.name));
    const stamp: Stamp = {
      name: tool.name,
      version: tool.version,
      sha256,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round((Date.now() - started) / 100) / 10,
      source: ref,
    };
    await writeStamp(layout.stamps, stamp);
    return stamp;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
