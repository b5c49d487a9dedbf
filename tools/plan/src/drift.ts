// Drift: what a refresh-only plan says changed outside code since the last apply.
import { changeKind, type ChangeKind, type PlanJson } from './model.ts';

export interface DriftedObject {
  address: string;
  kind: ChangeKind;
}

/** The objects a refresh-only plan reports under resource_drift. */
export function driftedObjects(refreshOnlyPlan: PlanJson): DriftedObject[] {
  return (refreshOnlyPlan.resource_drift ?? []).map((rc) => ({
    address: rc.address,
    kind: changeKind(rc.change),
  }));
}
