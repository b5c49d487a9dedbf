// Every version and delete marker of one key in a versioned bucket. ListObjectVersions pages with two markers
// (key and version id) and the SDK has no paginator for it; it lists by prefix, so longer keys are dropped.
import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';

export interface KeyVersion {
  versionId: string;
  lastModified: Date;
  /** The key's current version (an object, or a delete marker when the key was deleted). */
  latest: boolean;
  /** A delete marker: the key was deleted at this point. */
  deleted: boolean;
  size: number;
}

/** The key's object versions (newest first, as S3 lists them), then its delete markers (newest first). */
export async function listKeyVersions(client: S3Client, bucket: string, key: string): Promise<KeyVersion[]> {
  const versions: KeyVersion[] = [];
  const markers: KeyVersion[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const page = await client.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        Prefix: key,
        KeyMarker: keyMarker,
        VersionIdMarker: versionIdMarker,
      }),
    );
    for (const v of page.Versions ?? []) if (v.Key === key) versions.push(keyVersion(v, false, v.Size ?? 0));
    for (const m of page.DeleteMarkers ?? []) if (m.Key === key) markers.push(keyVersion(m, true, 0));
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker);
  return [...versions, ...markers];
}

function keyVersion(
  listed: { VersionId?: string; LastModified?: Date; IsLatest?: boolean },
  deleted: boolean,
  size: number,
): KeyVersion {
  return {
    versionId: listed.VersionId ?? 'null',
    lastModified: listed.LastModified ?? new Date(0),
    latest: listed.IsLatest === true,
    deleted,
    size,
  };
}
