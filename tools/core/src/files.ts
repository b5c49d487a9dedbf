// Files the tooling writes are written whole or not at all: a crash or a parallel reader never sees half a
// plan, stamp or state file. write-file-atomic writes a uniquely named temp file beside the target, flushes
// it and renames it over the target.
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
