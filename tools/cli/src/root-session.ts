// Everything a command needs to run the engine on one root: the engine, the output folder, the backend and
// the provider's target. Locally that is the embedded default (the local stack: S3 state + emulated org);
// with CXOPS_STATE_BUCKET set it is a real S3 bucket, and the provider reaches whatever GENESYSCLOUD_* says.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CxError, localStateDir, workspaceRoot } from '@cxops/core';
import { clearReleasedLock, localBackend, startStack, stateKey } from '@cxops/stack';
import { resolveEngine, type Engine, type InitOptions } from '@cxops/terraform';

export interface RootSession {
  engine: Engine;
  /** Absolute path of the root. */
  dir: string;
  /** Department name for environments (folder name), module name for modules. */
  name: string;
  kind: 'environment' | 'module';
  /** dist/plans/<name>/ */
  outDir: string;
  /** Environment for every engine call of this root (credentials included; never logged). */
  env: Record<string, string>;
  init: InitOptions;
}

export async function resolveRoot(
  arg: string,
): Promise<{ dir: string; name: string; kind: 'environment' | 'module' }> {
  const root = workspaceRoot();
  const candidates = [path.resolve(arg), path.join(root, 'environments', arg), path.join(root, arg)];
  const dir = candidates.find((c) => existsSync(c));
  if (!dir) {
    throw new CxError({
      action: `find the root "${arg}"`,
      reason: 'no such folder',
      fix: 'pass a folder such as environments/support, or a department name',
    });
  }
  const files = await readdir(dir);
  if (!files.some((f) => f.endsWith('.tf'))) {
    throw new CxError({
      action: `use ${dir}`,
      reason: 'it holds no .tf files',
      where: dir,
      fix: 'pass an environment root or a module folder',
    });
  }
  const kind = path.relative(path.join(root, 'environments'), dir).startsWith('..')
    ? 'module'
    : 'environment';
  return { dir, name: path.basename(dir), kind };
}

export interface OpenRootOptions {
  /** Prepare the state backend (environments only). */
  backend: boolean;
  /**
   * `auto`: a real bucket and org when CXOPS_STATE_BUCKET is set, else the embedded default. `local`: always
   * the embedded default, whatever the environment says (the demo applies, and must never reach production).
   */
  target?: 'auto' | 'local';
}

/** Opens a root; `backend: true` prepares the state backend (environments only). */
export async function openRoot(arg: string, options: OpenRootOptions): Promise<RootSession> {
  const { dir, name, kind } = await resolveRoot(arg);
  const engine = await resolveEngine();
  const outDir = path.join(workspaceRoot(), 'dist', 'plans', name);
  const session: RootSession = { engine, dir, name, kind, outDir, env: {}, init: {} };
  if (!options.backend || kind === 'module') {
    // Backend-less runs (validate, test, modules) keep their working data apart: an environment's .terraform
    // holds its S3 backend, which `init -backend=false` would otherwise still try to reach.
    session.env = { TF_DATA_DIR: path.join(localStateDir(), 'tfdata', path.relative(workspaceRoot(), dir)) };
    session.init = { env: session.env };
    return session;
  }

  const bucket = options.target === 'local' ? undefined : process.env.CXOPS_STATE_BUCKET;
  if (bucket) {
    // A real bucket: credentials come from the usual AWS variables or the runner's role, never from us.
    const lines = [
      `bucket = ${JSON.stringify(bucket)}`,
      `key = ${JSON.stringify(stateKey(name))}`,
      `region = ${JSON.stringify(process.env.CXOPS_STATE_REGION ?? process.env.AWS_REGION ?? 'us-east-1')}`,
    ];
    if (process.env.CXOPS_STATE_ENDPOINT)
      lines.push(
        `endpoints = { s3 = ${JSON.stringify(process.env.CXOPS_STATE_ENDPOINT)} }`,
        'use_path_style = true',
      );
    session.init = {
      backendFile: { path: path.join(outDir, 'backend.s3.tfbackend'), content: `${lines.join('\n')}\n` },
    };
    return session;
  }

  const stack = await startStack();
  const backend = localBackend(stack.s3!, name);
  await clearReleasedLock(stack.s3!, stack.s3!.bucket, stateKey(name));
  session.init = { backendFile: { path: path.join(outDir, 'backend.s3.tfbackend'), content: backend.file } };
  // The embedded default: the provider reaches the emulated org through its gateway block. The client id
  // and secret are placeholders the emulator accepts; real credentials never pass through here.
  session.env = {
    ...withoutRealCredentials(),
    ...backend.env,
    TF_VAR_gateway: JSON.stringify({
      protocol: 'http',
      host: '127.0.0.1',
      port: String(stack.emulator!.port),
    }),
    GENESYSCLOUD_OAUTHCLIENT_ID: 'cxops-local',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'cxops-local',
    GENESYSCLOUD_TOKEN_POOL_SIZE: '2',
  };
  session.init.env = session.env;
  return session;
}

/**
 * Blanks every provider and AWS credential variable the user's shell may hold, so a run against the embedded
 * default can never send a real token to the emulator or state to a real bucket.
 */
function withoutRealCredentials(): Record<string, string> {
  const blanked: Record<string, string> = {};
  for (const name of Object.keys(process.env))
    if (/^(GENESYSCLOUD_|AWS_)/.test(name) && name !== 'AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE')
      blanked[name] = '';
  return blanked;
}
