// The digest of a plan: what it will do to the org, in a form that can be stored beside the summary, shown on
// the pull request and compared at merge. Addresses, actions and the non-sensitive before/after values of what
// changes; sensitive values, values known only after apply and anything shaped like a credential appear by
// marker only, so the digest can be uploaded and posted. Two plans that would make the same changes from the
// same starting point have the same digest (and hash), whenever and wherever they were made.
import { createHash } from 'node:crypto';
import { looksLikeSecret } from '@cxops/core';
import { changeKind, type Action, type Change, type Mask, type PlanJson } from './model.ts';
import { effectiveChanges } from './select.ts';

export const DIGEST_FORMAT = 'cxops-plan-digest/1';

/** A value the digest does not hold: sensitive, known only after apply, or shaped like a credential. */
export type HiddenValue = { $cxops: 'sensitive' | 'unknown' | 'secret-like' };

export interface AttributeChange {
  /** Absent for a create. */
  before?: unknown;
  /** Absent for a delete. */
  after?: unknown;
}

export interface DigestChange {
  address: string;
  /** Set when the object moves to this address from another (a `moved` block). */
  previousAddress?: string;
  actions: Action[];
  /** Create: every attribute it sets. Delete: every attribute it had. Update/replace: the attributes that change. */
  attributes: Record<string, AttributeChange>;
}

export interface PlanDigest {
  format: typeof DIGEST_FORMAT;
  environment: string;
  /** The commit the plan was made for (the pull request's head); not part of the hash. */
  commit?: string;
  /** SHA-256 of the canonical JSON of format, environment and changes. */
  sha256: string;
  changes: DigestChange[];
}

export interface DigestOptions {
  commit?: string;
  /** Secret values to hide beyond the shapes (default: none; callers pass the process's secret variables). */
  knownSecrets?: readonly string[];
}

export function digestPlan(environment: string, plan: PlanJson, options: DigestOptions = {}): PlanDigest {
  const hide = (value: string) => looksLikeSecret(value, options.knownSecrets ?? []);
  const changes = effectiveChanges(plan)
    .map((rc): DigestChange => {
      const change: DigestChange = {
        address: rc.address,
        actions: [...rc.change.actions],
        attributes: attributeChanges(rc.change, hide),
      };
      if (rc.previous_address && rc.previous_address !== rc.address)
        change.previousAddress = rc.previous_address;
      return change;
    })
    .sort((a, b) => compareText(a.address, b.address));
  return {
    format: DIGEST_FORMAT,
    environment,
    ...(options.commit ? { commit: options.commit } : {}),
    sha256: digestHash(environment, changes),
    changes,
  };
}

/** The hash a digest must carry: recomputed when a stored digest is read, so an edited file is noticed. */
export function digestHash(environment: string, changes: DigestChange[]): string {
  return createHash('sha256')
    .update(canonicalJson({ format: DIGEST_FORMAT, environment, changes }))
    .digest('hex');
}

function attributeChanges(change: Change, hide: (value: string) => boolean): Record<string, AttributeChange> {
  const kind = changeKind(change);
  const before = asObject(change.before);
  const after = asObject(change.after);
  const unknown = asObject(change.after_unknown as unknown);
  const beforeSensitive = asObject(change.before_sensitive as unknown);
  const afterSensitive = asObject(change.after_sensitive as unknown);
  const names = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)]);
  const result: Record<string, AttributeChange> = {};
  for (const name of [...names].sort(compareText)) {
    const b = hidden(before[name], beforeSensitive[name] as Mask | undefined, undefined, hide);
    const a = hidden(after[name], afterSensitive[name] as Mask | undefined, unknown[name] as Mask, hide);
    if (kind === 'create') result[name] = { after: a };
    else if (kind === 'delete' || kind === 'forget') result[name] = { before: b };
    else if (
      // Compared on the raw values, so a sensitive attribute that changes is listed (by marker) and one that
      // does not is left out, without either value entering the digest.
      canonicalJson(before[name] ?? null) !== canonicalJson(after[name] ?? null) ||
      maskHasTrue(unknown[name] as Mask | undefined)
    )
      result[name] = { before: b, after: a };
  }
  return result;
}

/** A value with its sensitive, unknown and credential-shaped parts replaced by markers. */
function hidden(
  value: unknown,
  sensitive: Mask | undefined,
  unknown: Mask | undefined,
  hide: (value: string) => boolean,
): unknown {
  if (sensitive === true) return marker('sensitive');
  if (unknown === true) return marker('unknown');
  if (typeof value === 'string') return hide(value) ? marker('secret-like') : value;
  if (Array.isArray(value) || Array.isArray(unknown)) {
    const list = Array.isArray(value) ? value : [];
    const length = Math.max(list.length, Array.isArray(unknown) ? unknown.length : 0);
    return Array.from({ length }, (_, i) =>
      hidden(list[i] ?? null, child(sensitive, i), child(unknown, i), hide),
    );
  }
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const keys = new Set([
      ...Object.keys(object),
      ...(unknown && typeof unknown === 'object' ? Object.keys(unknown) : []),
    ]);
    return Object.fromEntries(
      [...keys].map((key) => [
        key,
        hidden(object[key] ?? null, child(sensitive, key), child(unknown, key), hide),
      ]),
    );
  }
  return value ?? null;
}

const marker = (kind: HiddenValue['$cxops']): HiddenValue => ({ $cxops: kind });

export function isHiddenValue(value: unknown): value is HiddenValue {
  return (
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as HiddenValue).$cxops === 'string'
  );
}

function child(mask: Mask | undefined, key: string | number): Mask | undefined {
  if (!mask || typeof mask !== 'object') return undefined;
  return (mask as Record<string | number, Mask>)[key];
}

function maskHasTrue(mask: Mask | undefined): boolean {
  if (mask === true) return true;
  if (!mask || typeof mask !== 'object') return false;
  return Object.values(mask).some((m) => maskHasTrue(m as Mask));
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Code-point order, the same on every machine (localeCompare is not). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted at every level: one text per value, so one hash per digest. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort(compareText)
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  return value;
}
