// Works around a defect of versitygw (seen on v1.7.0, the pin, and on v1.8.0): in a versioned bucket, a PUT with
// `If-None-Match: *` answers 412 when the key's current version is a delete marker, although no object
// exists. OpenTofu's `use_lockfile` releases its lock with a DELETE (a delete marker in a versioned bucket),
// so the NEXT run could never lock again. Before each run, a released lock's versions are removed for good.
// Only the local stack needs this; AWS S3 treats a delete marker as "no object".
import { DeleteObjectCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
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
    const listed = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: lockKey }));
    const markers = (listed.DeleteMarkers ?? []).filter((m) => m.Key === lockKey);
    const versions = (listed.Versions ?? []).filter((v) => v.Key === lockKey);
    // A live lock (current version is an object) is never touched.
    if (!markers.some((m) => m.IsLatest) || versions.some((v) => v.IsLatest)) return 0;
    // Object versions first, the delete marker last: the key never shows an old lock as current.
    const doomed = [...versions, ...markers];
    for (const entry of doomed) {
      await client.send(
        new DeleteObjectCommand({ Bucket: bucket, Key: lockKey, VersionId: entry.VersionId }),
      );
    }
    return doomed.length;
  } finally {
    client.destroy();
  }
}
