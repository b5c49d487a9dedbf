// Shared by tests: where the real toolchain lives, and temporary folders that clean themselves up.
// Importing this file registers an afterEach hook in the importing test file (it removes the folders).
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { toolchainLayout, binaryPath, type ToolName } from '@cxops/toolchain';

export const realLayout = toolchainLayout();

/** The toolchain tofu; tests that need it fail (never skip) with the fix when it is absent. */
export function requireToolchainBinary(name: ToolName): string {
  const file = binaryPath(realLayout, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx cxops toolchain\` before the tests`);
  return file;
}

const created: string[] = [];

export async function tempDir(prefix = 'cxops-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  while (created.length) await rm(created.pop()!, { recursive: true, force: true });
});
