// Works around a defect of versitygw (seen on v1.7.0, the pin, and on v1.8.0): in a versioned bucket, a PUT with
// `If-None-Match: *` answers 412 when the key's current version is a delete marker, although no object
// exists. OpenTofu's `use_lockfile` releases its lock with a DELETE (a delete marker in a versioned bucket),
// so the NEXT run could never lock again. Before each run, a released lock's versions are removed for good.
// Only the local stack needs this; AWS S3 treats a delete marker as "no object".
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { listKeyVersions } from './key-versions.ts';
import { s3Client, type S3Endpoint } from './state-bucket.ts';

/** Removes every version of `<stateKey>.tflock` if its current version is a delete marker (lock released). */
export async function clearReleasedLock(
  target: S3Endpoint,
  bucket: string,
  stateKey: string,
): Promise<number> {
  const lockKey = `${stateKey}.tflock`;
  const client = s3Client(target);
  try {
    // Object versions first, delete markers last: the key never shows an old lock as current.
    const doomed = await listKeyVersions(client, bucket, lockKey);
    // A live lock (current version is an object) is never touched.
    if (!doomed.some((v) => v.latest && v.deleted)) return 0;
    for (const entry of doomed) {
      await client.send(
        new DeleteObjectCommand({ Bucket: bucket, Key: lockKey, VersionId: entry.versionId }),
      );
    }
    return doomed.length;
  } finally {
    client.destroy();
  }
}
