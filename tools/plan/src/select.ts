// Picking resource changes: by address, by resource type, or by the Genesys object's own name.
import { changeKind, type ChangeKind, type PlanJson, type ResourceChange } from './model.ts';

export type Selector =
  | string
  | {
      address?: string;
      type?: string;
      /** The Terraform resource name (`this` in genesyscloud_routing_queue.this["Billing"]). */
      resourceName?: string;
      /** The object's `name` attribute (a queue called "Billing"), before or after the change. */
      name?: string;
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

export function objectName(change: ResourceChange): string | undefined {
  for (const side of [change.change.after, change.change.before]) {
    const name = side && typeof side === 'object' ? (side as Record<string, unknown>).name : undefined;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

export function selectChanges(plan: PlanJson, selector: Selector): ResourceChange[] {
  const s = normalizeSelector(selector);
  return (plan.resource_changes ?? []).filter(
    (rc) =>
      rc.mode === 'managed' &&
      (s.address === undefined || rc.address === s.address) &&
      (s.type === undefined || rc.type === s.type) &&
      (s.resourceName === undefined || rc.name === s.resourceName) &&
      (s.name === undefined || objectName(rc) === s.name),
  );
}

/** Managed changes that do something (not no-op, not data reads). */
export function effectiveChanges(plan: PlanJson): ResourceChange[] {
  return (plan.resource_changes ?? []).filter(
    (rc) => rc.mode === 'managed' && !['no-op', 'read'].includes(changeKind(rc.change)),
  );
}

export function countByKind(changes: ResourceChange[]): Record<ChangeKind, number> {
  const counts = { create: 0, update: 0, delete: 0, replace: 0, read: 0, 'no-op': 0, forget: 0 } as Record<
    ChangeKind,
    number
  >;
  for (const rc of changes) counts[changeKind(rc.change)] += 1;
  return counts;
}
