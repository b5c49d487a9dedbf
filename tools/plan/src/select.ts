// Picking resource changes: by address, by resource type, by instance key, by the Genesys object's own name or
// by planned attribute values. `select()` is the typed form: for a genesyscloud resource type its results carry
// the schema's attribute types (src/typed.ts).
import { isDeepStrictEqual } from 'node:util';
import type { LoadedPlan } from './load.ts';
import { changeKind, type ChangeKind, type PlanJson, type ResourceChange } from './model.ts';
import type { SelectedAttributes, SelectedPaths, TypedSelector } from './typed.ts';
import { afterAt, beforeAt, type Lookup } from './values.ts';

export type Selector =
  | string
  | {
      address?: string;
      type?: string;
      /** The Terraform resource name (`this` in genesyscloud_routing_queue.this["Billing"]). */
      resourceName?: string;
      /** The object's `name` attribute (a queue called "Billing"), before or after the change. */
      name?: string;
      /** The instance key (`for_each` key or `count` index). */
      key?: string | number;
      /** Top-level attribute values the change must plan (for a delete: had before). */
      where?: Record<string, unknown>;
    };

/** A string with a dot is an address; without, a resource type. */
export function normalizeSelector(selector: Selector): Exclude<Selector, string> {
  if (typeof selector !== 'string') return selector;
  return selector.includes('.') ? { address: selector } : { type: selector };
}

export function describeSelector(selector: Selector): string {
  const s = normalizeSelector(selector);
  return Object.entries(s)
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
    .join(', ');
}

/**
 * The name an object has in its planned (else prior) values: its `name`; for an Architect flow, the
 * `flow_name` substitution its YAML's name is written with (modules/flows), which the provider turns into the
 * published name only at apply: its planned `name` still holds the old name when the flow is renamed in place.
 */
export function namedValue(type: string, values: unknown): string | undefined {
  if (!values || typeof values !== 'object') return undefined;
  const v = values as Record<string, unknown>;
  const flowName =
    type === 'genesyscloud_flow' ? (v.substitutions as Record<string, unknown> | null)?.flow_name : undefined;
  if (typeof flowName === 'string') return flowName;
  return typeof v.name === 'string' ? v.name : undefined;
}

export function objectName(change: ResourceChange): string | undefined {
  return namedValue(change.type, change.change.after) ?? namedValue(change.type, change.change.before);
}

function hasValues(rc: ResourceChange, where: Record<string, unknown>): boolean {
  const deleted = changeKind(rc.change) === 'delete';
  return Object.entries(where).every(([attribute, expected]) => {
    const found = deleted ? beforeAt(rc.change, [attribute]) : afterAt(rc.change, [attribute]);
    return found.state === 'known' && isDeepStrictEqual(found.value, expected);
  });
}

export function selectChanges(plan: PlanJson, selector: Selector): ResourceChange[] {
  const s = normalizeSelector(selector);
  return (plan.resource_changes ?? []).filter(
    (rc) =>
      rc.mode === 'managed' &&
      (s.address === undefined || rc.address === s.address) &&
      (s.type === undefined || rc.type === s.type) &&
      (s.resourceName === undefined || rc.name === s.resourceName) &&
      (s.key === undefined || rc.index === s.key) &&
      (s.name === undefined || objectName(rc) === s.name) &&
      (s.where === undefined || hasValues(rc, s.where)),
  );
}

/** What an attribute holds on one side of a change, typed by the schema when the type is known. */
export type Found<V> = { state: 'known'; value: V } | { state: 'unknown' } | { state: 'absent' };

/** One selected resource change; for a genesyscloud type, attributes and paths are the schema's. */
export interface SelectedChange<A = Record<string, unknown>, P = Record<string, unknown>> {
  address: string;
  type: string;
  /** The instance key (`for_each` key or `count` index). */
  key: string | number | undefined;
  kind: ChangeKind;
  /** The values before the change (null for a create). */
  before: A | null;
  /** The planned values that are known; a value known only after apply is missing here (see afterAt). */
  after: Partial<A> | null;
  /** A planned value: known, unknown (known only after apply) or absent. */
  afterAt<K extends keyof P & string>(path: K): Found<P[K]>;
  beforeAt<K extends keyof P & string>(path: K): Found<P[K]>;
  /** The raw resource change, for anything else. */
  change: ResourceChange;
}

/** Anything that carries a plan: a loadPlan() result, an environment's plan from test-support. */
type PlanHolder = Pick<LoadedPlan, 'plan'>;

function asPlanJson(plan: PlanJson | PlanHolder): PlanJson {
  return 'plan' in plan && typeof plan.plan === 'object' ? plan.plan : (plan as PlanJson);
}

/**
 * The managed resource changes a selector picks, typed: `select(plan, 'genesyscloud_routing_queue')` gives
 * the queue schema's attributes, so `q.afterAt('acw_timout_ms')` does not compile.
 */
export function select<T extends string = string>(
  plan: PlanJson | PlanHolder,
  selector: TypedSelector<T>,
): SelectedChange<SelectedAttributes<T>, SelectedPaths<T>>[] {
  return selectChanges(asPlanJson(plan), selector as Selector).map((rc) => ({
    address: rc.address,
    type: rc.type,
    key: rc.index,
    kind: changeKind(rc.change),
    before: rc.change.before as SelectedAttributes<T> | null,
    after: rc.change.after as Partial<SelectedAttributes<T>> | null,
    afterAt: (path: string) => afterAt(rc.change, path) as Lookup as never,
    beforeAt: (path: string) => beforeAt(rc.change, path) as Lookup as never,
    change: rc,
  }));
}

/** Managed changes that do something (not no-op, not data reads). */
export function effectiveChanges(plan: PlanJson): ResourceChange[] {
  return (plan.resource_changes ?? []).filter(
    (rc) => rc.mode === 'managed' && !['no-op', 'read'].includes(changeKind(rc.change)),
  );
}

/**
 * Whether applying the plan changes anything: an object created, changed, deleted or imported, or an output
 * changed. OpenTofu's plan JSON has no `applyable` field to say so.
 */
export function planDoesSomething(plan: PlanJson): boolean {
  return (
    effectiveChanges(plan).length > 0 ||
    Object.values(plan.output_changes ?? {}).some((change) => !change.actions.every((a) => a === 'no-op'))
  );
}

export function countByKind(changes: ResourceChange[]): Record<ChangeKind, number> {
  const counts = {
    create: 0,
    update: 0,
    delete: 0,
    replace: 0,
    read: 0,
    'no-op': 0,
    forget: 0,
    import: 0,
  } as Record<ChangeKind, number>;
  for (const rc of changes) counts[changeKind(rc.change)] += 1;
  return counts;
}
