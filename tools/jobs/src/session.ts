// Opening a root: which folder it is (the layout decides), the engine, and — for an environment — where its
// runs point (state and org: the embedded default, or the real ones CI configures).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CxError, localStateDir, workspaceRoot } from '@cxops/core';
import { identifyRoot, type RootIdentity } from '@cxops/layout';
import { environmentTarget, type TargetOptions } from '@cxops/stack';
import { resolveEngine, type Engine, type InitOptions } from '@cxops/terraform';

export interface RootSession {
  engine: Engine;
  /** Absolute path of the root. */
  dir: string;
  identity: RootIdentity;
  /** Environment for every engine call of this root (credentials included; never logged). */
  env: Record<string, string>;
  init: InitOptions;
  /** To call before every run that takes the state lock. */
  beforeLockingRun: () => Promise<void>;
}

export interface OpenOptions extends TargetOptions {
  /** Prepare the state backend and the org (environments only). */
  backend: boolean;
  /** Laid over the environment of every engine run (the apply scheduler: governor gateway, pool, parallelism). */
  envOverrides?: Record<string, string>;
}

/** A folder given as a path, a department name, or a path relative to the workspace. */
export async function findRoot(arg: string): Promise<{ dir: string; identity: RootIdentity }> {
  const workspace = workspaceRoot();
  const candidates = [
    path.resolve(arg),
    path.join(workspace, 'environments', arg),
    path.join(workspace, arg),
  ];
  const dir = candidates.find((c) => existsSync(c));
  if (!dir)
    throw new CxError({
      action: `find the root "${arg}"`,
      reason: 'no such folder',
      fix: 'pass a folder such as environments/support, or a department name',
    });
  if (!(await readdir(dir)).some((f) => f.endsWith('.tf')))
    throw new CxError({
      action: `use ${dir}`,
      reason: 'it holds no .tf files',
      where: dir,
      fix: 'pass an environment root or a module folder',
    });
  const relative = path.relative(workspace, dir);
  // A folder outside environments/ and modules/ (a scratch root) is run as a module: no backend, no org.
  const identity = identifyRoot(relative) ?? {
    path: relative.split(path.sep).join('/'),
    kind: 'module',
    project: path.basename(dir),
  };
  return { dir, identity };
}

export async function openRoot(arg: string, options: OpenOptions): Promise<RootSession> {
  const { dir, identity } = await findRoot(arg);
  const engine = await resolveEngine();
  const environment = identity.environment;
  if (!options.backend || !environment) {
    // Backend-less runs keep their working data apart: an environment's .terraform holds its S3 backend,
    // which `init -backend=false` would otherwise still try to reach.
    const env = { TF_DATA_DIR: path.join(localStateDir(), 'tfdata', identity.path) };
    return { engine, dir, identity, env, init: { env }, beforeLockingRun: async () => {} };
  }
  const target = await environmentTarget(environment.name, options);
  const env = { ...target.env, ...options.envOverrides };
  return {
    engine,
    dir,
    identity,
    env,
    init: {
      env,
      backendFile: {
        path: path.join(planFolder(identity), 'backend.s3.tfbackend'),
        content: target.backendConfig,
      },
    },
    beforeLockingRun: target.beforeLockingRun,
  };
}

/** The plan folder of an environment, absolute. */
export function planFolder(identity: RootIdentity): string {
  if (!identity.environment)
    throw new CxError({
      action: `plan ${identity.path}`,
      reason: `it is a ${identity.kind}, not an environment: only environments have state and plans`,
      fix: 'plan an environment that uses it (npx nx affected -t plan finds them)',
    });
  return path.join(workspaceRoot(), identity.environment.planDir);
}
