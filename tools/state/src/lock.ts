// Taking an environment's state lock the way tofu does (a conditional PUT of `<key>.tflock` that fails when it
// exists), so a restore and an apply can never write the state at the same time.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CxError } from '@cxops/core';
import type { StateStore } from '@cxops/stack';
import { describeLock, lockKeyOf, readLock, type LockInfo } from './objects.ts';

function conflict(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 412 || status === 409;
}

/** Takes the lock, or refuses naming who holds it. Returns the release. */
export async function takeLock(
  store: StateStore,
  environment: string,
  operation: string,
): Promise<() => Promise<void>> {
  const key = lockKeyOf(store.stateKey(environment));
  await store.beforeLocking(environment);
  const info: LockInfo = {
    ID: randomUUID(),
    Operation: operation,
    Who: `${os.userInfo().username}@${os.hostname()}`,
    Version: 'cxops',
    Created: new Date().toISOString(),
    Path: `${store.bucket}/${store.stateKey(environment)}`,
  };
  try {
    await store.client.send(
      new PutObjectCommand({
        Bucket: store.bucket,
        Key: key,
        Body: JSON.stringify(info),
        ContentType: 'application/json',
        IfNoneMatch: '*',
      }),
    );
  } catch (error) {
    if (!conflict(error)) throw error;
    const held = await readLock(store, environment);
    throw new CxError({
      action: `${operation} the state of ${environment}`,
      reason: `the state is ${held ? describeLock(held) : 'locked by another run'}`,
      where: `${store.where}: ${key}`,
      fix: 'wait for that run to finish and try again; if no run is active (a crashed job), see `cxops state doctor` for how to release it',
    });
  }
  return async () => {
    // Ours, unless someone force-unlocked in between: then it is not ours to delete.
    if ((await readLock(store, environment))?.ID !== info.ID) return;
    await store.client.send(new DeleteObjectCommand({ Bucket: store.bucket, Key: key }));
  };
}
