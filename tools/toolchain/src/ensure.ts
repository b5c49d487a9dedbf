// `cxops toolchain`: makes every pinned tool present, building only what is missing or untrusted.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import lockfile from 'proper-lockfile';
import path from 'node:path';
import { CxError, EXIT, createProgress, type ExitCode, type Progress } from '@cxops/core';
import { binaryPath, buildTool } from './build.ts';
import { writeCliConfig } from './cli-config.ts';
import { defaultGoEnvironment, requireGo, type GoEnvironment } from './go.ts';
import { toolchainLayout, type ToolchainLayout } from './layout.ts';
import { PROVIDER, TOOLS, type GoTool } from './manifest.ts';
import { installProvider, providerMirrorFiles, providerTrust, PROVIDER_STAMP } from './provider.ts';
import { checkTrust, type Stamp } from './stamp.ts';

export interface ItemStatus {
  name: string;
  version: string;
  state: 'present' | 'built' | 'failed' | 'external';
  path?: string;
  buildSeconds?: number;
  reason?: string;
  error?: CxError;
}

export interface ToolchainReport {
  dir: string;
  cliConfig: string;
  items: ItemStatus[];
  exitCode: ExitCode;
  seconds: number;
}

export interface EnsureOptions {
  layout?: ToolchainLayout;
  go?: GoEnvironment;
  env?: NodeJS.ProcessEnv;
  progress?: Progress;
  tools?: readonly GoTool[];
  /** Swappable for tests of the trust logic; the default runs `go`. */
  build?: typeof buildTool;
  install?: typeof installProvider;
}

/** How providers reach tofu: our filesystem mirror (default) or the public registry (users with internet). */
export function providerInstallMode(env: NodeJS.ProcessEnv = process.env): 'mirror' | 'registry' {
  const mode = env.CXOPS_PROVIDER_INSTALL || 'mirror';
  if (mode !== 'mirror' && mode !== 'registry') {
    throw new CxError({
      action: 'choose how providers are installed',
      reason: `CXOPS_PROVIDER_INSTALL is "${mode}"`,
      fix: 'set it to "mirror" (default, offline) or "registry" (public registry, needs internet)',
    });
  }
  return mode;
}

export async function ensureToolchain(options: EnsureOptions = {}): Promise<ToolchainReport> {
  const layout = options.layout ?? toolchainLayout();
  // One toolchain run at a time per folder: the provider's build alone peaks at 6.5 GB, so two parallel runs
  // (two nx targets, a test and a demo) must not build side by side; the second waits and then finds it all.
  return withToolchainLock(layout, options.progress, () => ensureLocked(layout, options));
}

async function ensureLocked(layout: ToolchainLayout, options: EnsureOptions): Promise<ToolchainReport> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const go = options.go ?? defaultGoEnvironment(env);
  const progress = options.progress ?? createProgress();
  const build = options.build ?? buildTool;
  const install = options.install ?? installProvider;
  await removeStaleScratch(layout);

  let goChecked: Promise<string> | undefined;
  const needGo = () => (goChecked ??= requireGo(go));
  const items: ItemStatus[] = [];

  for (const tool of options.tools ?? TOOLS) {
    const file = binaryPath(layout, tool.name);
    const trust = await checkTrust(layout.stamps, tool.name, tool.version, [file]);
    if (trust.trusted) {
      items.push(present(tool.name, tool.version, file, trust.stamp));
      continue;
    }
    items.push(
      await attempt(
        tool.name,
        tool.version,
        file,
        progress,
        `build ${tool.name} v${tool.version} (${trust.reason})`,
        async () => {
          await needGo();
          return build(tool, layout, go);
        },
      ),
    );
  }

  if (providerInstallMode(env) === 'registry') {
    items.push({
      name: PROVIDER_STAMP,
      version: PROVIDER.version,
      state: 'external',
      reason: 'installed by tofu/terraform from the public registry (CXOPS_PROVIDER_INSTALL=registry)',
    });
  } else {
    const [mirrorFile] = providerMirrorFiles(layout);
    const trust = await providerTrust(layout);
    items.push(
      trust.trusted
        ? present(PROVIDER_STAMP, PROVIDER.version, mirrorFile, trust.stamp)
        : await attempt(
            PROVIDER_STAMP,
            PROVIDER.version,
            mirrorFile,
            progress,
            `install the genesyscloud provider v${PROVIDER.version} into the mirror (${trust.reason})`,
            () => install(layout, go, env),
          ),
    );
    await writeCliConfig(layout);
  }

  const failed = items.filter((i) => i.state === 'failed');
  const exitCode: ExitCode =
    failed.length === 0
      ? EXIT.ok
      : failed.every((i) => i.error?.exitCode === EXIT.unavailable)
        ? EXIT.unavailable
        : EXIT.failure;
  return {
    dir: layout.root,
    cliConfig: layout.cliConfig,
    items,
    exitCode,
    seconds: (Date.now() - started) / 1000,
  };
}

function present(name: string, version: string, file: string | undefined, stamp: Stamp): ItemStatus {
  return { name, version, state: 'present', path: file, buildSeconds: stamp.buildSeconds };
}

async function attempt(
  name: string,
  version: string,
  file: string | undefined,
  progress: Progress,
  label: string,
  work: () => Promise<Stamp>,
): Promise<ItemStatus> {
  try {
    const stamp = await progress.step(label, work);
    return { name, version, state: 'built', path: file, buildSeconds: stamp.buildSeconds };
  } catch (error) {
    if (!(error instanceof CxError)) throw error;
    return { name, version, state: 'failed', reason: error.message, error };
  }
}

/** Scratch folders of builds that were killed; a running build's folder is younger than this. */
const STALE_SCRATCH_MS = 6 * 60 * 60 * 1000;

async function removeStaleScratch(layout: ToolchainLayout): Promise<void> {
  const entries = await readdir(layout.work).catch(() => [] as string[]);
  for (const entry of entries) {
    const full = path.join(layout.work, entry);
    const info = await stat(full).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_SCRATCH_MS)
      await rm(full, { recursive: true, force: true });
  }
}

/** One screen: what is there, what was built and how long it took, what failed and how to fix it. */
export function formatReport(report: ToolchainReport): string {
  const lines = [`Toolchain in ${report.dir}`];
  for (const item of report.items) {
    const took =
      item.state === 'built' && item.buildSeconds !== undefined ? ` in ${item.buildSeconds} s` : '';
    lines.push(
      `  ${icon(item.state)} ${item.name.padEnd(22)} v${item.version.padEnd(8)} ${item.state}${took}`,
    );
  }
  const built = report.items.filter((i) => i.state === 'built').length;
  lines.push(
    built === 0 && report.exitCode === EXIT.ok
      ? `Everything was already present and verified (${report.seconds.toFixed(1)} s); nothing was rebuilt.`
      : `Done in ${report.seconds.toFixed(1)} s.`,
  );
  for (const item of report.items) if (item.error) lines.push('', item.error.format());
  return lines.join('\n');
}

function icon(state: ItemStatus['state']): string {
  return { present: '✔', built: '✔', external: '↗', failed: '✖' }[state];
}

async function withToolchainLock<T>(
  layout: ToolchainLayout,
  progress: Progress | undefined,
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(layout.root, { recursive: true });
  const lockOptions = { lockfilePath: path.join(layout.root, 'toolchain.lock'), stale: 30_000 };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(layout.root, lockOptions);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    progress?.info(`another cxops toolchain run holds ${lockOptions.lockfilePath}; waiting for it`);
    // A cold build takes minutes: wait up to an hour, checking every few seconds.
    release = await lockfile.lock(layout.root, {
      ...lockOptions,
      retries: { retries: 1200, minTimeout: 3000, maxTimeout: 3000 },
    });
  }
  try {
    return await work();
  } finally {
    await release();
  }
}
