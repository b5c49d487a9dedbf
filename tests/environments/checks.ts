// Checks every department's suite makes on its real plans.
import { effectiveChanges, planNames, select, subjectOf, type PlanJson, type PlanNames } from '@cxops/plan';
import type { LoadedPlan } from '@cxops/plan';

/** Terraform addresses in a text (a PR summary): what a contact-center reviewer should never have to read. */
export function addressesIn(text: string): string[] {
  return text.match(/\b(?:module\.[\w-]+|(?:data\.)?genesyscloud_\w+\.[\w-]+)(?:\[[^\]]*\])?/g) ?? [];
}

/**
 * Objects the plan creates or changes whose division is not `division`, by name: queues, users and wrap-up
 * codes by their division_id, role grants by the divisions each role is granted in ("*" is every division,
 * which org-wide roles such as employee are meant to have).
 */
export function createdOutsideDivision(
  plan: Pick<LoadedPlan, 'plan'> | PlanJson,
  division: string,
): string[] {
  const json = 'plan' in plan ? plan.plan : plan;
  const names = planNames(json);
  const outside: string[] = [];
  for (const rc of effectiveChanges(json)) {
    const after = rc.change.after as { division_id?: unknown } | null;
    if (after && 'division_id' in after && names.nameById(String(after.division_id)) !== division)
      outside.push(`${subjectOf(rc, names)} in ${String(after.division_id)}`);
  }
  for (const grant of select(json, 'genesyscloud_user_roles'))
    for (const role of grant.after?.roles ?? [])
      for (const id of role.division_ids ?? [])
        if (id !== '*' && names.nameById(id) !== division)
          outside.push(`${subjectOf(grant.change, names)}: ${names.nameById(role.role_id)} in ${id}`);
  return outside;
}

/** A queue's wrap-up codes by name (ids the plan cannot name are kept as ids, so they fail a name check). */
export function wrapupCodeNames(ids: string[] | null | undefined, names: PlanNames): string[] {
  return (ids ?? []).map((id) => names.nameById(id) ?? id);
}
