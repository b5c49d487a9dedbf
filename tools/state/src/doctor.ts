// `cxops state doctor <env>`: is the environment's state safe to work with? Versioning on (history and restore
// depend on it), the state readable, no stale lock (who holds it and since when), and the state agreeing with
// the org (the drift check: a normal plan's refresh, classified).
import { GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { CxError } from '@cxops/core';
import { checkEnvironmentDrift } from '@cxops/drift';
import type { StateStore } from '@cxops/stack';
import { describeLock, parseState, readLock, readObject } from './objects.ts';

export interface DoctorCheck {
  name: 'versioning' | 'state' | 'lock' | 'org';
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  environment: string;
  ok: boolean;
  checks: DoctorCheck[];
}

export interface DoctorOptions {
  /** A lock older than this is stale: longer than any job may run (the workflows stop at 90 minutes). */
  staleAfterMinutes?: number;
  now?: Date;
  /** The root to plan for the org check (default: the environment's name). */
  root?: string;
}

export async function stateDoctor(
  store: StateStore,
  environment: string,
  options: DoctorOptions = {},
): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  const now = options.now ?? new Date();
  const key = store.stateKey(environment);

  const versioning = await store.client.send(new GetBucketVersioningCommand({ Bucket: store.bucket }));
  checks.push(
    versioning.Status === 'Enabled'
      ? { name: 'versioning', status: 'ok', detail: `versioning is on for ${store.where}` }
      : {
          name: 'versioning',
          status: 'fail',
          detail: `versioning is ${versioning.Status ?? 'off'} for ${store.where}: an overwritten state is lost for good`,
          fix: 'enable it: `aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled`',
        },
  );

  const current = await readObject(store, key);
  let hasState = false;
  if (!current)
    checks.push({
      name: 'state',
      status: 'warn',
      detail: `no state at ${key}: the environment was never applied`,
    });
  else
    try {
      const { summary } = parseState(current.text, key);
      hasState = true;
      checks.push({
        name: 'state',
        status: 'ok',
        detail: `serial ${summary.serial}, ${summary.resources} resources, lineage ${summary.lineage}`,
      });
    } catch (error) {
      checks.push({
        name: 'state',
        status: 'fail',
        detail: error instanceof CxError ? error.details.reason : String(error),
        fix: `restore a good version: \`cxops state history ${environment}\`, then \`cxops state restore ${environment} <version>\``,
      });
    }

  const lock = await readLock(store, environment);
  const staleAfter = options.staleAfterMinutes ?? 120;
  if (!lock) checks.push({ name: 'lock', status: 'ok', detail: 'not locked' });
  else {
    const created = lock.Created ? Date.parse(lock.Created) : NaN;
    const stale = Number.isNaN(created) || now.getTime() - created > staleAfter * 60_000;
    checks.push({
      name: 'lock',
      status: stale ? 'fail' : 'warn',
      detail: `${stale ? 'stale: ' : 'a run holds it now: '}${describeLock(lock, now)}`,
      ...(stale
        ? {
            fix: `if no run of ${environment} is active, release it: \`cxops init ${environment}\`, then \`tofu force-unlock -force ${lock.ID}\` in environments/${environment}`,
          }
        : {}),
    });
  }

  if (!hasState)
    checks.push({ name: 'org', status: 'warn', detail: 'skipped: no readable state to compare' });
  else if (lock) checks.push({ name: 'org', status: 'warn', detail: 'skipped: the state is locked' });
  else {
    const drift = await checkEnvironmentDrift(options.root ?? environment);
    const n = drift.drifted.length;
    checks.push(
      n === 0
        ? {
            name: 'org',
            status: 'ok',
            detail: `state and org agree${drift.ignored.length ? ` (${drift.ignored.length} objects read back with values no apply would change)` : ''}`,
          }
        : {
            name: 'org',
            status: 'fail',
            detail: `${n} object${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} from the state: ${drift.drifted
              .slice(0, 5)
              .map((d) => d.description)
              .join('; ')}${n > 5 ? '; …' : ''}`,
            fix: `see who and when with \`cxops drift ${environment}\`; keep the change in code, or apply ${environment} to undo it`,
          },
    );
  }
  return { environment, ok: checks.every((c) => c.status !== 'fail'), checks };
}
