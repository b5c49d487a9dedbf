// A throwaway clone of this repository's tracked files, with its own git history and the real husky hooks
// installed, sharing node_modules: what a developer's clone is, for tests and benchmarks of pre-commit. No
// vitest here (the benchmark imports it too): the caller disposes of it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workspaceRoot } from '@cxops/core';

export interface ScratchRepo {
  dir: string;
  /** The environment of every git command (the hook's cxops runs on this clone, with this toolchain). */
  env: NodeJS.ProcessEnv;
  git: (...args: string[]) => { status: number; output: string };
  dispose: () => void;
}

export function scratchRepository(toolchainDir: string): ScratchRepo {
  const source = workspaceRoot();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxops-repo-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: source, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of tracked) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(source, file), path.join(dir, file), { verbatimSymlinks: true });
  }
  symlinkSync(path.join(source, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CXOPS_WORKSPACE_ROOT: dir,
    CXOPS_TOOLCHAIN_DIR: toolchainDir,
    CXOPS_STATE_DIR: '',
    GIT_AUTHOR_NAME: 'cxops test',
    GIT_AUTHOR_EMAIL: 'cxops-test@example.com',
    GIT_COMMITTER_NAME: 'cxops test',
    GIT_COMMITTER_EMAIL: 'cxops-test@example.com',
    HUSKY: '',
    // lint-staged in a terminal-less run prints plain lines.
    CI: 'true',
  };
  const git = (...args: string[]) => {
    try {
      const output = execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: 'pipe' });
      return { status: 0, output };
    } catch (error) {
      const e = error as { status?: number; stdout?: string; stderr?: string };
      return { status: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  };
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--no-verify', '--message', 'the repository as it is');
  // `npm run prepare` does this in a real clone: git's hooks point at .husky/_.
  execFileSync(path.join(source, 'node_modules', '.bin', 'husky'), [], { cwd: dir, env, stdio: 'pipe' });
  return { dir, env, git, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
