// Reports kept in the state bucket under reports/<env>/: every run writes drift.json and drift.md again, and
// the bucket's versioning keeps each earlier one — the history of an environment's drift.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CxError } from '@cxops/core';
import { listKeyVersions, type StateStore } from '@cxops/stack';

export const REPORTS_PREFIX = 'reports';

export const reportKey = (environment: string, file: 'drift.json' | 'drift.md') =>
  `${REPORTS_PREFIX}/${environment}/${file}`;

export async function storeReport(
  store: StateStore,
  environment: string,
  files: { json: string; markdown: string },
): Promise<{ json: string; markdown: string }> {
  const put = async (file: 'drift.json' | 'drift.md', body: string, contentType: string) => {
    const key = reportKey(environment, file);
    try {
      const answer = await store.client.send(
        new PutObjectCommand({ Bucket: store.bucket, Key: key, Body: body, ContentType: contentType }),
      );
      return `s3://${store.bucket}/${key}${answer.VersionId ? `?versionId=${answer.VersionId}` : ''}`;
    } catch (error) {
      throw new CxError({
        action: `keep the drift report of ${environment}`,
        reason: error instanceof Error ? error.message : String(error),
        where: `${store.where}: ${key}`,
        fix: `allow the job's role s3:PutObject on ${REPORTS_PREFIX}/* of the state bucket (locally: \`npx cxops stack status\`)`,
      });
    }
  };
  return {
    json: await put('drift.json', files.json, 'application/json'),
    markdown: await put('drift.md', files.markdown, 'text/markdown; charset=utf-8'),
  };
}

export interface ReportVersion {
  versionId: string;
  lastModified: string;
  latest: boolean;
}

/** The versions of an environment's drift.json, newest first: one per run. */
export async function reportHistory(store: StateStore, environment: string): Promise<ReportVersion[]> {
  const listed = await listKeyVersions(store.client, store.bucket, reportKey(environment, 'drift.json'));
  return listed
    .filter((v) => !v.deleted)
    .map((v) => ({ versionId: v.versionId, lastModified: v.lastModified.toISOString(), latest: v.latest }));
}
