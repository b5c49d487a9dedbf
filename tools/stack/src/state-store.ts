// The state bucket as the tooling itself reads and writes it (reports, state history and restore), not through
// tofu: the local stack's versioned bucket, or the real one CI names with CXOPS_STATE_BUCKET (credentials from
// the usual AWS chain: the runner's role, AWS_* variables).
import { S3Client } from '@aws-sdk/client-s3';
import { stateKey } from '@cxops/layout';
import { clearReleasedLock } from './released-locks.ts';
import { ensureS3 } from './stack.ts';
import { s3Client } from './state-bucket.ts';
import type { TargetOptions } from './target.ts';

export interface StateStore {
  kind: 'local' | 'remote';
  client: S3Client;
  bucket: string;
  /** Where the bucket is, for messages (never holds credentials). */
  where: string;
  /** The key of an environment's state; its lock is `<key>.tflock`. */
  stateKey: (environment: string) => string;
  /** To call before taking a lock (versitygw's released-lock quirk, local only). */
  beforeLocking: (environment: string) => Promise<void>;
  close: () => void;
}

export async function openStateStore(options: TargetOptions = {}): Promise<StateStore> {
  const env = options.env ?? process.env;
  const bucket = options.target === 'local' ? undefined : env.CXOPS_STATE_BUCKET;
  if (bucket) {
    const endpoint = env.CXOPS_STATE_ENDPOINT;
    const client = new S3Client({
      region: env.CXOPS_STATE_REGION ?? env.AWS_REGION ?? 'us-east-1',
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    });
    return {
      kind: 'remote',
      client,
      bucket,
      where: `s3://${bucket}${endpoint ? ` at ${endpoint}` : ''}`,
      stateKey,
      beforeLocking: async () => {},
      close: () => client.destroy(),
    };
  }
  const s3 = (await ensureS3()).s3!;
  const client = s3Client(s3);
  return {
    kind: 'local',
    client,
    bucket: s3.bucket,
    where: `s3://${s3.bucket} at ${s3.endpoint} (the local stack)`,
    stateKey,
    beforeLocking: async (environment) => {
      await clearReleasedLock(s3, s3.bucket, stateKey(environment));
    },
    close: () => client.destroy(),
  };
}
