// A binary is trusted only when a stamp written AFTER its atomic rename records its version and hash.
// An interrupted build leaves a file in work/ (never looked at) or a binary with no matching stamp
// (rebuilt), so a half-written binary is never used.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '@cxops/core';

export interface Stamp {
  name: string;
  version: string;
  sha256: string;
  builtAt: string;
  buildSeconds: number;
  source: string;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function stampPath(stampsDir: string, name: string): string {
  return path.join(stampsDir, `${name}.json`);
}

export async function readStamp(stampsDir: string, name: string): Promise<Stamp | undefined> {
  try {
    return JSON.parse(await readFile(stampPath(stampsDir, name), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** Writes the stamp atomically (temp file + rename) so a crash never leaves half a stamp. */
export async function writeStamp(stampsDir: string, stamp: Stamp): Promise<void> {
  await writeFileAtomic(stampPath(stampsDir, stamp.name), `${JSON.stringify(stamp, null, 2)}\n`);
}

export type TrustVerdict = { trusted: true; stamp: Stamp } | { trusted: false; reason: string };

/** Whether every file in `files` is the one the stamp describes, at the pinned version. */
export async function checkTrust(
  stampsDir: string,
  name: string,
  version: string,
  files: string[],
): Promise<TrustVerdict> {
  const stamp = await readStamp(stampsDir, name);
  if (!stamp) return { trusted: false, reason: 'not built yet' };
  if (stamp.version !== version)
    return { trusted: false, reason: `built at ${stamp.version}, pinned ${version}` };
  for (const file of files) {
    if (!existsSync(file)) return { trusted: false, reason: `${file} is missing` };
    if ((await sha256File(file)) !== stamp.sha256) {
      return { trusted: false, reason: `${file} does not match its stamp (interrupted or altered)` };
    }
  }
  return { trusted: true, stamp };
}
