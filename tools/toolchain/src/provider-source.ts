// Builds the genesyscloud provider from its upstream source archives (provider + the Go SDK it needs), for
// machines where neither the registry nor the Go module proxy serves it. The archives are read-only input:
// they are verified against the checksums pinned in the manifest, extracted into a scratch folder, and the
// SDK `replace` is added to that copy only.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { CxError, EXIT, run, workspaceRoot } from '@cxops/core';
import { goFailure, type GoEnvironment } from './go.ts';
import { PROVIDER, PROVIDER_SOURCE, type SourceArchive } from './manifest.ts';
import { sha256File } from './stamp.ts';

/** The variable naming a folder that holds the two archives (and, optionally, their SHA256SUMS). */
export const PROVIDER_SOURCE_VARIABLE = 'CXOPS_GENESYSCLOUD_PROVIDER_SOURCE';

/**
 * Where the archives are: the folder the variable names, else the first `shared/vendor/genesyscloud-provider`
 * found beside the workspace or one of its parents (where this project's machines and CI keep them).
 */
export function findProviderSource(
  env: NodeJS.ProcessEnv = process.env,
  start: string = workspaceRoot(),
): string | undefined {
  const given = env[PROVIDER_SOURCE_VARIABLE];
  if (given) return path.resolve(given);
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, PROVIDER_SOURCE.folder);
    if (hasArchives(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function hasArchives(dir: string): boolean {
  return PROVIDER_SOURCE.archives.every((archive) => existsSync(path.join(dir, archive.file)));
}

/** Refuses archives that are missing or differ from the pinned checksums (and from the folder's SHA256SUMS). */
export async function verifyArchives(dir: string): Promise<void> {
  const sums = await readSums(dir);
  for (const archive of PROVIDER_SOURCE.archives) {
    const file = path.join(dir, archive.file);
    if (!existsSync(file)) {
      throw new CxError({
        action: `build the genesyscloud provider v${PROVIDER.version} from source`,
        reason: `${archive.file} is not in ${dir}`,
        where: dir,
        fix: `put the upstream archives there, or point ${PROVIDER_SOURCE_VARIABLE} at a folder that holds them`,
        exitCode: EXIT.unavailable,
      });
    }
    const actual = await sha256File(file);
    const listed = sums.get(archive.file);
    if (actual !== archive.sha256 || (listed !== undefined && listed !== actual)) {
      throw new CxError({
        action: `build the genesyscloud provider v${PROVIDER.version} from source`,
        reason: `${archive.file} has SHA-256 ${actual}, expected ${archive.sha256}${listed && listed !== archive.sha256 ? ` (its SHA256SUMS says ${listed})` : ''}`,
        where: file,
        fix: 'the archive is corrupt or not the pinned upstream release: fetch it again; nothing was built',
      });
    }
  }
}

async function readSums(dir: string): Promise<Map<string, string>> {
  const text = await readFile(path.join(dir, 'SHA256SUMS'), 'utf8').catch(() => '');
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim());
    if (match) sums.set(match[2]!, match[1]!);
  }
  return sums;
}

async function extract(archive: SourceArchive, from: string, into: string): Promise<string> {
  await mkdir(into, { recursive: true });
  await tar.x({ file: path.join(from, archive.file), cwd: into });
  const dir = path.join(into, archive.topDir);
  if (!existsSync(dir)) {
    throw new CxError({
      action: `extract ${archive.file}`,
      reason: `it has no top-level folder ${archive.topDir}`,
      where: path.join(from, archive.file),
      fix: 'the archive is not the pinned upstream release',
    });
  }
  return dir;
}

/** Verifies, extracts and builds; returns the binary in `scratch`. */
export async function buildProviderFromSource(
  sourceDir: string,
  scratch: string,
  go: GoEnvironment,
  onOutput?: (chunk: string) => void,
): Promise<string> {
  await verifyArchives(sourceDir);
  const [provider, sdk] = PROVIDER_SOURCE.archives;
  const providerDir = await extract(provider, sourceDir, scratch);
  const sdkDir = await extract(sdk, sourceDir, scratch);
  const goCommand = async (args: string[]) => {
    const result = await run(go.goBinary, args, { cwd: providerDir, env: go.env, onOutput });
    if (result.exitCode !== 0)
      throw goFailure(`the genesyscloud provider v${PROVIDER.version}`, [go.goBinary, ...args], result);
  };
  await goCommand(['mod', 'edit', `-replace=${sdk.module}=${sdkDir}`]);
  const binary = path.join(scratch, `terraform-provider-${PROVIDER.type}`);
  await goCommand(['build', '-trimpath', '-ldflags', PROVIDER.ldflags, '-o', binary, '.']);
  return binary;
}
