// One department root in a scratch workspace, run through the real `cxops` against its own embedded default (a
// local S3 server and the emulated org, started by cxops under the workspace): the environment layout of the
// repository (environments/<department>/ with the shared wiring and a `module "department"` call over the
// real modules), small enough to plan and apply in seconds with the real provider.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run, workspaceRoot, type RunResult } from '@cxops/core';
import { afterAll } from 'vitest';
import { realLayout, requireToolchainBinary } from './paths.ts';

export interface ScratchDepartment {
  workspace: string;
  department: string;
  /** environments/<department>, absolute. */
  root: string;
  /** The environment every cxops run gets (extend it for one run with `cli(args, extra)`). */
  env: NodeJS.ProcessEnv;
  cli: (args: string[], extra?: NodeJS.ProcessEnv) => Promise<RunResult>;
  /** Replaces the department's main.tf. */
  writeMain: (hcl: string) => Promise<void>;
  /** A file of dist/plans/<department>/, as text. */
  planFile: (name: string) => Promise<string>;
}

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');
const made: { dir: string; env: NodeJS.ProcessEnv }[] = [];

afterAll(async () => {
  for (const { dir, env } of made.splice(0)) {
    await run(cxops, ['stack', 'stop'], { env, cwd: dir });
    await rm(dir, { recursive: true, force: true });
  }
});

export async function scratchDepartment(department: string, main: string): Promise<ScratchDepartment> {
  requireToolchainBinary('tofu');
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'cxops-dept-'));
  await writeFile(path.join(workspace, 'nx.json'), '{}\n');
  await cp(path.join(workspaceRoot(), 'modules'), path.join(workspace, 'modules'), {
    recursive: true,
    filter: (source) => !/[/\\](\.terraform|dist)([/\\]|$)|\.terraform\.lock\.hcl$/.test(source),
  });
  const root = path.join(workspace, 'environments', department);
  await mkdir(root, { recursive: true });
  // The shared wiring, copied (the repository links it from environments/org).
  for (const file of ['versions.tf', 'providers.tf'])
    await cp(path.join(workspaceRoot(), 'environments', 'org', file), path.join(root, file));
  await writeFile(path.join(root, 'main.tf'), main);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CXOPS_WORKSPACE_ROOT: workspace,
    CXOPS_TOOLCHAIN_DIR: realLayout.root,
    CXOPS_S3_PORT: '',
    CXOPS_EMULATOR_PORT: '',
    CXOPS_STATE_BUCKET: '',
    CXOPS_STATE_DIR: '',
  };
  made.push({ dir: workspace, env });
  return {
    workspace,
    department,
    root,
    env,
    cli: (args, extra = {}) => run(cxops, args, { env: { ...env, ...extra }, cwd: workspace }),
    writeMain: (hcl) => writeFile(path.join(root, 'main.tf'), hcl),
    planFile: (name) => readFile(path.join(workspace, 'dist', 'plans', department, name), 'utf8'),
  };
}
