// The state bucket: created if missing, versioning always on (state history and restore depend on it).
import {
  CreateBucketCommand,
  GetBucketVersioningCommand,
  PutBucketVersioningCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { CxError } from '@cxops/core';

export interface S3Endpoint {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export function s3Client(target: S3Endpoint): S3Client {
  return new S3Client({
    endpoint: target.endpoint,
    region: target.region,
    forcePathStyle: true,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
  });
}

export async function ensureVersionedBucket(target: S3Endpoint, bucket: string): Promise<void> {
  const client = s3Client(target);
  try {
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    } catch (error) {
      const name = error instanceof S3ServiceException ? error.name : '';
      if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    }
    await client.send(
      new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
    );
    const versioning = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    if (versioning.Status !== 'Enabled') {
      throw new CxError({
        action: `enable versioning on bucket ${bucket}`,
        reason: `the server reports versioning "${versioning.Status ?? 'off'}"`,
        where: target.endpoint,
        fix: 'start the S3 server with versioning support (versitygw needs --versioning-dir)',
      });
    }
  } catch (error) {
    if (error instanceof CxError) throw error;
    throw new CxError({
      action: `prepare the state bucket ${bucket}`,
      reason: error instanceof Error ? error.message : String(error),
      where: target.endpoint,
      fix: 'check that the S3 server runs (`npx cxops stack status`) and that its credentials match',
    });
  } finally {
    client.destroy();
  }
}
