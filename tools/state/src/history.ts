// `cxops state history|restore <env>`: the versions of an environment's state in the versioned bucket, and
// putting a chosen one back. A restore writes the chosen content as a NEW version (its serial above the
// current one, so every engine takes it as the newest), leaving the current version in the history: nothing
// is lost, and restoring the version it replaced undoes it. It holds the state lock while it works and
// refuses to start while anything else holds it.
import { GetBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CxError } from '@cxops/core';
import { listKeyVersions, type StateStore } from '@cxops/stack';
import { takeLock } from './lock.ts';
import { parseState, readObject, type StateSummary } from './objects.ts';

export interface StateVersion {
  versionId: string;
  lastModified: string;
  size: number;
  latest: boolean;
  /** A delete marker: the state was deleted at this point. */
  deleted: boolean;
  /** Read from the version itself (absent for delete markers and beyond the limit). */
  state?: StateSummary;
}

/** Versions of the state, newest first; the first `limit` are read for their serial. */
export async function stateHistory(
  store: StateStore,
  environment: string,
  options: { limit?: number } = {},
): Promise<StateVersion[]> {
  const key = store.stateKey(environment);
  const versions: StateVersion[] = (await listKeyVersions(store.client, store.bucket, key)).map((v) => ({
    versionId: v.versionId,
    lastModified: v.lastModified.toISOString(),
    size: v.size,
    latest: v.latest,
    deleted: v.deleted,
  }));
  // Newest first: the current one, then by time (versions and markers come in separate lists).
  versions.sort(
    (a, b) => Number(b.latest) - Number(a.latest) || b.lastModified.localeCompare(a.lastModified),
  );
  const limit = options.limit ?? 20;
  for (const version of versions.slice(0, limit)) {
    if (version.deleted) continue;
    const body = await readObject(store, key, version.versionId);
    if (body) version.state = parseState(body.text, `${key}@${version.versionId}`).summary;
  }
  return versions;
}

export interface RestoreResult {
  environment: string;
  restoredFrom: { versionId: string; serial: number };
  /** The version that was current: restore it to undo this restore. */
  replaced: { versionId: string; serial: number };
  current: { versionId: string; serial: number };
}

async function assertVersioned(store: StateStore, environment: string): Promise<void> {
  const versioning = await store.client.send(new GetBucketVersioningCommand({ Bucket: store.bucket }));
  if (versioning.Status !== 'Enabled')
    throw new CxError({
      action: `restore the state of ${environment}`,
      reason: `versioning of the bucket is ${versioning.Status ?? 'off'}, so the current state would be lost`,
      where: store.where,
      fix: 'enable versioning on the state bucket first (`aws s3api put-bucket-versioning … Status=Enabled`)',
    });
}

export async function restoreState(
  store: StateStore,
  environment: string,
  versionId: string,
): Promise<RestoreResult> {
  const key = store.stateKey(environment);
  await assertVersioned(store, environment);
  const release = await takeLock(store, environment, 'restore');
  try {
    const current = await readObject(store, key);
    if (!current?.versionId)
      throw new CxError({
        action: `restore the state of ${environment}`,
        reason: 'there is no current state to restore over',
        where: `${store.where}: ${key}`,
        fix: 'apply the environment first; a state that was deleted is restored with the version before the deletion',
      });
    const now = parseState(current.text, `${key} (current)`);
    const chosen = await readObject(store, key, versionId);
    if (!chosen)
      throw new CxError({
        action: `restore the state of ${environment}`,
        reason: `version ${versionId} does not exist (or is a deletion)`,
        where: `${store.where}: ${key}`,
        fix: `pick a version from \`cxops state history ${environment}\``,
      });
    const old = parseState(chosen.text, `${key}@${versionId}`);
    if (old.summary.lineage !== now.summary.lineage)
      throw new CxError({
        action: `restore the state of ${environment}`,
        reason: `version ${versionId} belongs to another state (lineage ${old.summary.lineage}, current ${now.summary.lineage})`,
        where: `${store.where}: ${key}`,
        fix: 'pick a version of the same lineage; a state of another lineage is a different set of objects',
      });
    const serial = now.summary.serial + 1;
    const written = await store.client.send(
      new PutObjectCommand({
        Bucket: store.bucket,
        Key: key,
        Body: `${JSON.stringify({ ...old.json, serial }, null, 2)}\n`,
        ContentType: 'application/json',
      }),
    );
    return {
      environment,
      restoredFrom: { versionId, serial: old.summary.serial },
      replaced: { versionId: current.versionId, serial: now.summary.serial },
      current: { versionId: written.VersionId ?? 'null', serial },
    };
  } finally {
    await release();
  }
}
