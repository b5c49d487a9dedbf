// Where an environment's engine runs point: its state (the S3 backend) and its org (the provider). One function
// for both kinds: a real bucket and org when CXOPS_STATE_BUCKET is set (CI), else the embedded default — the
// local stack's versioned bucket and the emulated org.
import { stateKey } from '@cxops/layout';
import { localBackend } from './backend.ts';
import { localGatewayEnv } from './emulated-org.ts';
import { clearReleasedLock } from './released-locks.ts';
import { startStack } from './stack.ts';

export interface EnvironmentTarget {
  kind: 'remote' | 'local';
  /** Content of the partial backend configuration passed with -backend-config; never holds a secret. */
  backendConfig: string;
  /** Environment of every engine run: credentials included, so never written to disk or logs. */
  env: Record<string, string>;
  /** To call before every run that takes the state lock (plan, apply). */
  beforeLockingRun: () => Promise<void>;
}

export interface TargetOptions {
  /** `local` always uses the embedded default, whatever the environment says (the demo applies). */
  target?: 'auto' | 'local';
  env?: NodeJS.ProcessEnv;
}

export async function environmentTarget(
  environment: string,
  options: TargetOptions = {},
): Promise<EnvironmentTarget> {
  const env = options.env ?? process.env;
  const bucket = options.target === 'local' ? undefined : env.CXOPS_STATE_BUCKET;
  if (bucket) return remoteTarget(environment, bucket, env);
  return localTarget(environment, env);
}

/** A real bucket: credentials come from the usual AWS variables or the runner's role, the org's from GENESYSCLOUD_*. */
function remoteTarget(environment: string, bucket: string, env: NodeJS.ProcessEnv): EnvironmentTarget {
  const lines = [
    `bucket = ${JSON.stringify(bucket)}`,
    `key    = ${JSON.stringify(stateKey(environment))}`,
    `region = ${JSON.stringify(env.CXOPS_STATE_REGION ?? env.AWS_REGION ?? 'us-east-1')}`,
  ];
  if (env.CXOPS_STATE_ENDPOINT)
    lines.push(`endpoints = { s3 = ${JSON.stringify(env.CXOPS_STATE_ENDPOINT)} }`, 'use_path_style = true');
  return {
    kind: 'remote',
    backendConfig: `${lines.join('\n')}\n`,
    env: {},
    beforeLockingRun: async () => {},
  };
}

async function localTarget(environment: string, env: NodeJS.ProcessEnv): Promise<EnvironmentTarget> {
  const stack = await startStack();
  const s3 = stack.s3!;
  const clearLock = () => clearReleasedLock(s3, s3.bucket, stateKey(environment)).then(() => undefined);
  await clearLock();
  const backend = localBackend(s3, environment);
  return {
    kind: 'local',
    backendConfig: backend.file,
    env: {
      ...withoutRealCredentials(env),
      ...backend.env,
      // The provider reaches the emulated org through its gateway block; the client id and secret are
      // placeholders the emulator accepts, so real credentials never pass through here.
      ...localGatewayEnv(stack.emulator!.url),
      GENESYSCLOUD_TOKEN_POOL_SIZE: '2',
    },
    // versitygw refuses a new lock over a released one (see released-locks.ts): clear it before each run.
    beforeLockingRun: clearLock,
  };
}

/**
 * Blanks every provider and AWS credential variable of the caller's shell, so a run against the embedded
 * default never sends a real token to the emulator or state to a real bucket.
 */
function withoutRealCredentials(env: NodeJS.ProcessEnv): Record<string, string> {
  const blanked: Record<string, string> = {};
  for (const name of Object.keys(env)) if (/^(GENESYSCLOUD_|AWS_)/.test(name)) blanked[name] = '';
  return blanked;
}
