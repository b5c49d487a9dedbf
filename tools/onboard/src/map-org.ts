// The org root's data (modules/org): every division but the home one, the custom roles, and the skills and
// wrap-up codes owned by org, with one import per object.
import { ORG_ENVIRONMENT } from '@cxops/layout';
import type { Findings } from './findings.ts';
import { named, type Hcl } from './hcl.ts';
import type { Ownership } from './ownership.ts';
import type { RootOutput } from './root-output.ts';
import type { ApiRole, OrgSnapshot } from './snapshot.ts';

const byName = <T extends { name: string }>(list: T[]) =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

function roleValue(role: ApiRole, findings: Findings): Hcl {
  const value: { [key: string]: Hcl } = { name: role.name };
  if (role.description) value.description = role.description;
  if (role.permissions?.length) value.permissions = [...role.permissions].sort();
  const policies: Hcl[] = [];
  for (const policy of role.permissionPolicies ?? []) {
    const label = `${policy.domain}:${policy.entityName}`;
    if (!policy.domain || !policy.entityName || !policy.actionSet?.length) {
      findings.add({
        kind: 'differs',
        type: 'role',
        name: role.name,
        root: ORG_ENVIRONMENT,
        attribute: `permission_policies (${label})`,
        detail: 'a permission policy without a domain, entity or action',
        fix: 'the first apply drops it; fix the role in Genesys Cloud first, or accept it',
      });
      continue;
    }
    if (policy.resourceConditionNode)
      findings.add({
        kind: 'differs',
        type: 'role',
        name: role.name,
        root: ORG_ENVIRONMENT,
        attribute: `permission_policies (${label}).conditions`,
        detail: 'a policy with conditions, which modules/permissions does not express',
        fix: 'the first apply removes the conditions (the policy then applies unconditionally): add conditions to modules/permissions first, or remove them in Genesys Cloud',
      });
    policies.push({
      domain: policy.domain,
      entity_name: policy.entityName,
      action_set: [...new Set(policy.actionSet)].sort(),
    });
  }
  if (policies.length)
    value.permission_policies = policies.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return value;
}

export function mapOrg(snapshot: OrgSnapshot, ownership: Ownership, findings: Findings): RootOutput {
  const divisions = byName(snapshot.divisions.filter((d) => d.id !== snapshot.homeDivisionId));
  const home = snapshot.divisions.find((d) => d.id === snapshot.homeDivisionId);
  if (home)
    findings.add({
      kind: 'note',
      type: 'division',
      name: home.name,
      detail:
        'the home division: not managed (modules/permissions cannot set home = true, and importing it without would plan a replace)',
      fix: 'none needed: roots read it by name',
    });
  const builtIn = byName(snapshot.roles.filter((r) => r.defaultRoleId));
  if (builtIn.length)
    findings.add({
      kind: 'note',
      type: 'role',
      name: builtIn.map((r) => r.name).join(', '),
      detail:
        'built-in roles: not managed (importing one without its default_role_id would plan a replace); departments grant them by name',
      fix: 'none needed',
    });
  const roles = byName(snapshot.roles.filter((r) => !r.defaultRoleId));
  const skills = byName(snapshot.skills.filter((s) => ownership.skills.get(s.id) === ORG_ENVIRONMENT));
  const codes = byName(
    snapshot.wrapupCodes.filter((c) => ownership.wrapupCodes.get(c.id) === ORG_ENVIRONMENT),
  );
  const ids = <T extends { id: string; name: string }>(list: T[]) =>
    Object.fromEntries(list.map((o) => [o.name, o.id]));
  return {
    folder: ORG_ENVIRONMENT,
    module: 'org',
    args: [
      {
        name: 'divisions',
        value: divisions.map((d) => named(d.name, d.description)),
      },
      { name: 'roles', value: roles.map((r) => roleValue(r, findings)) },
      { name: 'shared_skills', value: skills.map((s) => s.name) },
      {
        name: 'shared_wrapup_codes',
        value: codes.map((c) => named(c.name, c.description)),
      },
    ],
    imports: [
      { to: 'module.org.module.permissions.genesyscloud_auth_division.this', ids: ids(divisions) },
      { to: 'module.org.module.permissions.genesyscloud_auth_role.this', ids: ids(roles) },
      { to: 'module.org.module.skills.genesyscloud_routing_skill.this', ids: ids(skills) },
      { to: 'module.org.module.wrapup_codes.genesyscloud_routing_wrapupcode.this', ids: ids(codes) },
    ],
    files: {},
    counts: {
      divisions: divisions.length,
      roles: roles.length,
      skills: skills.length,
      wrapupCodes: codes.length,
    },
  };
}
