// Runs a program to completion and returns its exit status and output. Output goes through files, not pipes:
// Nx exits as soon as it has printed, and through a pipe (a socket in Node) the end of a long answer can be
// lost; a file is written synchronously.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): CommandResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nx-terraform-output-'));
  const stdout = path.join(dir, 'stdout');
  const stderr = path.join(dir, 'stderr');
  const out = openSync(stdout, 'w');
  const err = openSync(stderr, 'w');
  try {
    const result = spawnSync(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', out, err],
    });
    if (result.error) throw result.error;
    return {
      status: result.status ?? 1,
      stdout: readFileSync(stdout, 'utf8'),
      stderr: readFileSync(stderr, 'utf8'),
    };
  } finally {
    closeSync(out);
    closeSync(err);
    rmSync(dir, { recursive: true, force: true });
  }
}
