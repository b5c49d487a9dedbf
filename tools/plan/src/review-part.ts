// One environment's share of the PR comment, written by its plan job and uploaded as an artifact: counts,
// policy findings, the described changes, the digest's hash, and the few facts cross-root policies need. The
// plan files themselves (tfplan, plan.json) can hold sensitive values and never leave the runner; everything
// here is already described, with sensitive values hidden and credential-shaped text replaced.
import { redactSecrets } from '@cxops/core';
import { describeChange } from './describe.ts';
import type { PlanDigest } from './digest.ts';
import { changeKind, type Action, type PlanJson } from './model.ts';
import { noun } from './policies/contact-center.ts';
import type { Finding } from './policies/types.ts';
import { countByKind, effectiveChanges } from './select.ts';

export const REVIEW_PART_FORMAT = 'cxops-review-part/1';

export interface ChangeCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
}

/** An object the environment manages, as the cross-root policies identify it (never a value beyond names). */
export interface ManagedObject {
  address: string;
  type: string;
  actions: Action[];
  name?: string;
  email?: string;
  id?: string;
}

interface PartBase {
  format: typeof REVIEW_PART_FORMAT;
  environment: string;
  commit?: string;
}

export interface PlannedPart extends PartBase {
  status: 'planned';
  counts: ChangeCounts;
  /** This environment's policy findings (its own rules; cross-root rules run when the parts meet). */
  findings: Finding[];
  /** Deletes and replaces, described. */
  destructive: string[];
  /** The other changes, described, grouped by object kind. */
  groups: { title: string; lines: string[] }[];
  managed: ManagedObject[];
  digest: { sha256: string; changes: number };
}

export interface FailedPart extends PartBase {
  status: 'failed';
  failure: { action: string; reason: string };
}

export type ReviewPart = PlannedPart | FailedPart;

export interface PartOptions {
  commit?: string;
  /** Secret values to hide beyond the shapes (the process's secret variables). */
  knownSecrets?: readonly string[];
}

export function plannedPart(
  environment: string,
  plan: PlanJson,
  findings: Finding[],
  digest: PlanDigest,
  options: PartOptions = {},
): PlannedPart {
  const clean = (text: string) => redactSecrets(text, { known: options.knownSecrets ?? [] });
  const changes = effectiveChanges(plan);
  const c = countByKind(changes);
  const isDestructive = (actions: Action[]) => actions.includes('delete');
  const groups = new Map<string, string[]>();
  for (const rc of changes) {
    if (isDestructive(rc.change.actions)) continue;
    const title = `${noun(rc.type)}s`;
    groups.set(title, [...(groups.get(title) ?? []), clean(describeChange(rc))]);
  }
  return {
    format: REVIEW_PART_FORMAT,
    environment,
    ...(options.commit ? { commit: options.commit } : {}),
    status: 'planned',
    counts: { create: c.create, update: c.update, replace: c.replace, delete: c.delete },
    findings: findings
      .filter((f) => f.environment === environment)
      .map((f) => ({ ...f, message: clean(f.message), fix: clean(f.fix) })),
    destructive: changes
      .filter((rc) => isDestructive(rc.change.actions))
      .map((rc) => clean(describeChange(rc))),
    groups: [...groups].map(([title, lines]) => ({ title, lines })),
    managed: managedObjects(plan, clean),
    digest: { sha256: digest.sha256, changes: digest.changes.length },
  };
}

export function failedPart(
  environment: string,
  failure: { action: string; reason: string },
  options: PartOptions = {},
): FailedPart {
  const clean = (text: string) => redactSecrets(text, { known: options.knownSecrets ?? [] });
  return {
    format: REVIEW_PART_FORMAT,
    environment,
    ...(options.commit ? { commit: options.commit } : {}),
    status: 'failed',
    failure: { action: clean(failure.action), reason: clean(failure.reason) },
  };
}

/** Names, emails and ids of the managed objects, unchanged ones included: ownership is about all of them. */
function managedObjects(plan: PlanJson, clean: (text: string) => string): ManagedObject[] {
  const objects: ManagedObject[] = [];
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed') continue;
    const pick = (side: unknown, key: string) => {
      const value = side && typeof side === 'object' ? (side as Record<string, unknown>)[key] : undefined;
      return typeof value === 'string' ? clean(value) : undefined;
    };
    const side = changeKind(rc.change) === 'delete' ? rc.change.before : rc.change.after;
    const object: ManagedObject = { address: rc.address, type: rc.type, actions: [...rc.change.actions] };
    const name = pick(side, 'name');
    const email = pick(side, 'email');
    const id = pick(rc.change.before, 'id');
    if (name !== undefined) object.name = name;
    if (email !== undefined) object.email = email;
    if (id !== undefined) object.id = id;
    objects.push(object);
  }
  return objects;
}

/** The part as a plan the cross-root rules can read: only what identifies each object. */
export function managedObjectsAsPlan(part: PlannedPart): PlanJson {
  return {
    format_version: '1.2',
    resource_changes: part.managed.map((o) => ({
      address: o.address,
      mode: 'managed',
      type: o.type,
      name: o.address,
      change: {
        actions: o.actions,
        before: o.id !== undefined ? { id: o.id } : null,
        after:
          o.name !== undefined || o.email !== undefined
            ? { ...(o.name !== undefined ? { name: o.name } : {}), ...(o.email ? { email: o.email } : {}) }
            : null,
      },
    })),
  };
}
