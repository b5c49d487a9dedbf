// Reading an environment's state and lock objects in the bucket, as tofu writes them: the state is JSON with
// serial and lineage; the lock (`<key>.tflock`, S3 native locking) is JSON LockInfo {ID, Operation, Who,
// Version, Created, Path}. The bucket keeps every version of both.
import { GetObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { CxError } from '@cxops/core';
import type { StateStore } from '@cxops/stack';

export interface StateSummary {
  serial: number;
  lineage: string;
  terraformVersion?: string;
  /** Managed resource instances in it (a queue of a for_each is one). */
  resources: number;
}

export interface LockInfo {
  ID: string;
  Operation?: string;
  Who?: string;
  Version?: string;
  Created?: string;
  Path?: string;
}

export const lockKeyOf = (stateKey: string) => `${stateKey}.tflock`;

function missing(error: unknown): boolean {
  const name = error instanceof S3ServiceException ? error.name : (error as { name?: string })?.name;
  return (
    name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchVersion' || name === 'MethodNotAllowed'
  );
}

/** The object's text (a version of it, when given), or undefined when there is none (or a delete marker). */
export async function readObject(
  store: StateStore,
  key: string,
  versionId?: string,
): Promise<{ text: string; versionId?: string } | undefined> {
  try {
    const answer = await store.client.send(
      new GetObjectCommand({
        Bucket: store.bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
      }),
    );
    return { text: (await answer.Body?.transformToString('utf8')) ?? '', versionId: answer.VersionId };
  } catch (error) {
    // An id that names no version is refused as malformed by S3 (InvalidArgument): no such version either.
    if (missing(error) || (versionId && (error as { name?: string })?.name === 'InvalidArgument'))
      return undefined;
    throw new CxError({
      action: `read ${key}${versionId ? ` (version ${versionId})` : ''}`,
      reason: error instanceof Error ? error.message : String(error),
      where: store.where,
      fix: 'check the bucket and the credentials of this run (locally: `npx cxops stack status`)',
    });
  }
}

export function parseState(
  text: string,
  where: string,
): { json: Record<string, unknown>; summary: StateSummary } {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new CxError({
      action: `read the state ${where}`,
      reason: `it is not JSON (${error instanceof Error ? error.message : String(error)})`,
      where,
      fix: 'choose another version (`cxops state history <env>`)',
    });
  }
  if (typeof json.serial !== 'number' || typeof json.lineage !== 'string')
    throw new CxError({
      action: `read the state ${where}`,
      reason: 'it has no serial or lineage, so it is not a Terraform state',
      where,
      fix: 'choose another version (`cxops state history <env>`)',
    });
  const resources = Array.isArray(json.resources)
    ? (json.resources as { mode?: string; instances?: unknown[] }[])
        .filter((r) => r.mode === 'managed')
        .reduce((sum, r) => sum + (r.instances?.length ?? 0), 0)
    : 0;
  return {
    json,
    summary: {
      serial: json.serial,
      lineage: json.lineage,
      ...(typeof json.terraform_version === 'string' ? { terraformVersion: json.terraform_version } : {}),
      resources,
    },
  };
}

/** The lock held on an environment's state now, if any. */
export async function readLock(store: StateStore, environment: string): Promise<LockInfo | undefined> {
  const lock = await readObject(store, lockKeyOf(store.stateKey(environment)));
  if (!lock) return undefined;
  try {
    return JSON.parse(lock.text) as LockInfo;
  } catch {
    return { ID: '(unreadable lock)' };
  }
}

export function describeLock(lock: LockInfo, now = new Date()): string {
  const created = lock.Created ? Date.parse(lock.Created) : NaN;
  const age = Number.isNaN(created)
    ? 'for an unknown time'
    : `for ${Math.round((now.getTime() - created) / 60_000)} min (since ${lock.Created})`;
  return `locked by ${lock.Who ?? 'an unknown run'} ${age}, operation ${lock.Operation ?? 'unknown'}, lock ID ${lock.ID}`;
}
