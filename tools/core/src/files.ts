// Files the tooling writes are written whole or not at all: a crash or a parallel reader never sees half a
// plan, stamp or state file. write-file-atomic writes a uniquely named temp file beside the target, flushes
// it and renames it over the target.
import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';

export async function writeFileAtomic(
  file: string,
  content: string | Buffer,
  options: { mode?: number } = {},
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomicLib(file, content, options.mode === undefined ? {} : { mode: options.mode });
}

/** The same, synchronously: for a server's last write while it shuts down, when no event loop turn is left. */
export function writeFileAtomicSync(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomicLib.sync(file, content);
}
