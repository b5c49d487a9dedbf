// Drift people can trust. A refresh-only comparison (`resource_drift`: last applied → read back from the org)
// lists every object whose read-back differs in any way, including values nobody manages: the provider
// stores `null` at create and reads `{}`/`[]` back, and computed values move on their own. An object is
// reported as drifted only when an attribute differs in the org AND the next apply would change it back
// (`resource_changes` of a normal plan of the same state: refreshed → code). A normal plan carries both
// lists from ONE refresh (OpenTofu writes the same `resource_drift` in normal and refresh-only plans), so
// one plan is enough; a separate refresh-only plan can still be passed. Pure: no I/O.
import { describeAttribute, subjectOf } from './describe.ts';
import { changeKind, type ChangeKind, type Mask, type PlanJson, type ResourceChange } from './model.ts';
import { objectName } from './select.ts';
import { isSensitiveAfter, isSensitiveBefore, maskCovers, REDACTED, UNKNOWN, type Path } from './values.ts';

export interface DriftedAttribute {
  /** The top-level attribute, e.g. `acw_timeout_ms` or `media_settings_call`. */
  attribute: string;
  /** As the last apply left it (state). */
  before: unknown;
  /** As the org holds it now. */
  after: unknown;
  /** What the next apply would set it to (the code's value). */
  apply: unknown;
}

export interface DriftedObject {
  address: string;
  type: string;
  /** The Genesys object's name, when it has one. */
  name?: string;
  /** The Genesys object's id (from state). */
  id?: string;
  /** `update`: changed outside code; `delete`: removed outside code (the next apply would create it again). */
  kind: 'update' | 'delete';
  attributes: DriftedAttribute[];
  /** "Queue 'Sales - Chat'". */
  subject: string;
  /** Each change in contact-center words: "ACW timeout 120 s → 60 s" (for a deletion: "deleted outside code"). */
  details: string[];
  /** The whole line: "Queue 'Sales - Chat': ACW timeout 120 s → 60 s". */
  description: string;
}

export interface DriftClassification {
  drifted: DriftedObject[];
  /** Read back differently, but nothing the next apply would change: not drift (null ↔ empty, computed values). */
  ignored: { address: string; attributes: string[] }[];
  /** Changes the next apply would make that no out-of-band change explains: code merged but not applied. */
  pending: { address: string; kind: ChangeKind }[];
}

export interface ClassifyOptions {
  /** A refresh-only plan of the same state; default: the normal plan's own `resource_drift`. */
  refreshOnly?: PlanJson;
}

/**
 * Which objects drifted, given a normal plan (and optionally a refresh-only plan of the same state). The
 * normal plan must come from the same configuration that was last applied, or code changes show as pending.
 */
export function classifyDrift(plan: PlanJson, options: ClassifyOptions = {}): DriftClassification {
  const driftEntries = (options.refreshOnly ?? plan).resource_drift ?? [];
  const changes = new Map((plan.resource_changes ?? []).map((rc) => [rc.address, rc]));
  const drifted: DriftedObject[] = [];
  const ignored: DriftClassification['ignored'] = [];
  for (const entry of driftEntries) {
    if (entry.mode !== 'managed') continue;
    const next = changes.get(entry.address);
    const found = classifyOne(entry, next);
    if (found) drifted.push(found);
    else ignored.push({ address: entry.address, attributes: rawDifferences(entry) });
  }
  const explained = new Set(drifted.map((d) => d.address));
  const pending = (plan.resource_changes ?? [])
    .filter((rc) => rc.mode === 'managed' && !explained.has(rc.address))
    .map((rc) => ({ address: rc.address, kind: changeKind(rc.change) }))
    .filter((rc) => !['no-op', 'read'].includes(rc.kind));
  return { drifted, ignored, pending };
}

function classifyOne(entry: ResourceChange, next: ResourceChange | undefined): DriftedObject | undefined {
  const nextKind = next ? changeKind(next.change) : 'no-op';
  const base = {
    address: entry.address,
    type: entry.type,
    name: objectName(entry),
    id: idOf(entry.change.before),
  };
  if (entry.change.after === null || changeKind(entry.change) === 'delete') {
    // Gone from the org: drift only if the code still wants it (the next apply creates it again).
    if (!['create', 'replace'].includes(nextKind)) return undefined;
    const subject = subjectOf(entry);
    return {
      ...base,
      kind: 'delete',
      attributes: [],
      subject,
      details: ['deleted outside code'],
      description: `${subject} deleted outside code`,
    };
  }
  if (!next || !['update', 'replace'].includes(nextKind)) return undefined;
  const driftPaths = differingPaths(entry.change.before, entry.change.after);
  const applyPaths = differingPaths(next.change.before, next.change.after, next.change.after_unknown);
  const keys = [
    ...new Set(driftPaths.filter((p) => applyPaths.some((q) => overlaps(p, q))).map((p) => String(p[0]))),
  ].sort();
  if (keys.length === 0) return undefined;
  const attributes = keys.map((attribute) => ({
    attribute,
    before: shown(entry.change.before, attribute, isSensitiveBefore(entry.change, [attribute])),
    after: shown(entry.change.after, attribute, isSensitiveAfter(entry.change, [attribute])),
    apply: maskCovers(next.change.after_unknown, [attribute])
      ? UNKNOWN
      : shown(next.change.after, attribute, isSensitiveAfter(next.change, [attribute])),
  }));
  const details = keys.map((key) => describeAttribute(entry, key) ?? `${key} changed`);
  const subject = subjectOf(entry);
  return {
    ...base,
    kind: 'update',
    attributes,
    subject,
    details,
    description: `${subject}: ${details.join(', ')}`,
  };
}

function idOf(value: unknown): string | undefined {
  const id = isObject(value) ? value.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function shown(side: unknown, key: string, sensitive: boolean): unknown {
  const value = isObject(side) ? side[key] : undefined;
  if (sensitive) return value === undefined || value === null ? null : REDACTED;
  return value ?? null;
}

/** Top-level attributes whose raw values differ at all: what the naive reading would have reported. */
function rawDifferences(entry: ResourceChange): string[] {
  const before = isObject(entry.change.before) ? entry.change.before : {};
  const after = isObject(entry.change.after) ? entry.change.after : {};
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value with every empty collection and null made `null`, recursively, and object keys holding null
 * dropped: `null`, `{}`, `[]` and `{a: null}` are the same value to an apply.
 */
function normalizeValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map(normalizeValue);
    return items.length ? items : null;
  }
  if (isObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => [key, normalizeValue(value[key])] as const)
      .filter(([, item]) => item !== null);
    return entries.length ? Object.fromEntries(entries) : null;
  }
  return value;
}

/** Lists compare as multisets: a set's rendering order is not a change. */
function sameValue(a: unknown, b: unknown): boolean {
  const key = (v: unknown): string =>
    Array.isArray(v) ? `[${v.map(key).sort().join(',')}]` : JSON.stringify(v);
  return key(normalizeValue(a)) === key(normalizeValue(b));
}

/**
 * The paths at which two values differ, as deep as objects (and single-block lists) go; values marked
 * unknown by `unknown` are skipped (a value known only after apply is not a known change).
 */
function differingPaths(a: unknown, b: unknown, unknown?: Mask, path: Path = []): Path[] {
  if (path.length && maskCovers(unknown, path)) return [];
  if (sameValue(a, b)) return [];
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => differingPaths(a[key], b[key], unknown, [...path, key]));
  }
  const block = (v: unknown) => Array.isArray(v) && v.length === 1 && isObject(v[0]);
  if (block(a) && block(b))
    return differingPaths((a as unknown[])[0], (b as unknown[])[0], unknown, [...path, 0]);
  // A top-level value that changed as a whole (or a list of several items) differs at its own path.
  return [path.length ? path : ['']];
}

/** One path is the other or contains it. */
function overlaps(p: Path, q: Path): boolean {
  const n = Math.min(p.length, q.length);
  for (let i = 0; i < n; i++) if (p[i] !== q[i]) return false;
  return true;
}
