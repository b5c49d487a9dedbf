// The contact-center safety rules. Each says why it exists; docs/policies.md is generated from these.
import { changeKind, type ResourceChange } from '../model.ts';
import { subjectOf } from '../describe.ts';
import { planNames } from '../names.ts';
import { effectiveChanges, namedValue, objectName } from '../select.ts';
import { afterAt } from '../values.ts';
import { noun } from './contact-center.ts';
import type { EnvironmentPlan, Finding, Rule } from './types.ts';

type Draft = Omit<Finding, 'rule' | 'severity'>;

/** The object as the summary names it ("Flow 'Sales In-Queue Call'", "Role grants of user 'Ana Lopez'"). */
const labeller = (input: EnvironmentPlan) => {
  const names = planNames(input.plan);
  return (rc: ResourceChange) => subjectOf(rc, names);
};

export const PROTECTED_TYPES = [
  'genesyscloud_routing_queue',
  'genesyscloud_flow',
  'genesyscloud_user',
  'genesyscloud_auth_role',
  'genesyscloud_auth_division',
];

const protectedDeletes: Rule = {
  id: 'no-destroy-protected',
  title: 'No delete or replace of queues, flows, users, roles or divisions',
  why: 'Deleting a queue drops its members and routing, deleting a flow breaks the numbers that point at it, and a replace does the same before recreating the object under a new id. Such changes must be deliberate.',
  defaultSeverity: 'error',
  check: (input, settings) => {
    const { environment, plan } = input;
    const label = labeller(input);
    const types = (settings.types as string[] | undefined) ?? PROTECTED_TYPES;
    return effectiveChanges(plan)
      .filter((rc) => types.includes(rc.type) && ['delete', 'replace'].includes(changeKind(rc.change)))
      .map<Draft>((rc) => ({
        environment,
        address: rc.address,
        message: `${label(rc)} would be ${changeKind(rc.change) === 'replace' ? 'REPLACED (deleted, then created with a new id)' : 'DELETED'}${rc.change.replace_paths ? ` because of ${rc.change.replace_paths.map((p) => p.join('.')).join(', ')}` : ''}.`,
        fix: `if intended, add {"rule": "no-destroy-protected", "address": ${JSON.stringify(rc.address)}, "reason": "…"} to the environment's cxops.overrides.json in this PR; otherwise restore the object in code (or use a moved block if it was renamed).`,
      }));
  },
};

const WILDCARD = /\*/;

function roleNames(input: EnvironmentPlan): Map<string, string> {
  // Role ids the plan knows, from prior state (managed roles and data sources) and planned creates.
  const names = new Map<string, string>();
  const visit = (module: unknown) => {
    const m = module as
      | { resources?: { type: string; values?: { id?: string; name?: string } }[]; child_modules?: unknown[] }
      | undefined;
    for (const r of m?.resources ?? [])
      if (r.type === 'genesyscloud_auth_role' && r.values?.id && r.values.name)
        names.set(r.values.id, r.values.name);
    for (const child of m?.child_modules ?? []) visit(child);
  };
  visit((input.plan.prior_state as { values?: { root_module?: unknown } } | undefined)?.values?.root_module);
  return names;
}

const permissionEscalation: Rule = {
  id: 'no-permission-escalation',
  title: 'No permission escalation without a security override',
  why: 'A wildcard permission or an admin role grants far more than a contact-center change needs, and is how a compromised or careless PR takes over the org. The security team reviews these.',
  defaultSeverity: 'error',
  check: (input, settings) => {
    const adminRoles = ((settings.adminRoleNames as string[] | undefined) ?? ['admin', 'Master Admin']).map(
      (n) => n.toLowerCase(),
    );
    const names = roleNames(input);
    const label = labeller(input);
    const findings: Draft[] = [];
    for (const rc of effectiveChanges(input.plan)) {
      if (!['create', 'update', 'replace'].includes(changeKind(rc.change))) continue;
      if (rc.type === 'genesyscloud_auth_role') {
        const after = (rc.change.after ?? {}) as {
          permissions?: string[];
          permission_policies?: { domain?: string; entity_name?: string; action_set?: string[] }[];
        };
        const wild = [
          ...(after.permissions ?? []).filter((p) => WILDCARD.test(p)),
          ...(after.permission_policies ?? [])
            .filter(
              (p) =>
                WILDCARD.test(p.domain ?? '') ||
                WILDCARD.test(p.entity_name ?? '') ||
                (p.action_set ?? []).some((a) => WILDCARD.test(a)),
            )
            .map((p) => `${p.domain}:${p.entity_name}:${(p.action_set ?? []).join(',')}`),
        ];
        if (wild.length > 0) {
          findings.push({
            environment: input.environment,
            address: rc.address,
            message: `${label(rc)} grants wildcard permissions: ${wild.join('; ')}.`,
            fix: "list the exact permissions the role needs; if a wildcard is truly required, add a no-permission-escalation override with the security team's approval in the reason.",
          });
        }
      }
      if (rc.type === 'genesyscloud_user_roles') {
        const roles = afterAt(rc.change, 'roles');
        if (roles.state === 'unknown') {
          findings.push({
            environment: input.environment,
            address: rc.address,
            message: `${label(rc)}: the granted roles are known only after apply, so escalation cannot be ruled out.`,
            fix: 'reference roles that already exist (data sources), or add an override after checking the roles by hand.',
          });
          continue;
        }
        const granted = (roles.state === 'known' ? (roles.value as { role_id?: string }[]) : []) ?? [];
        for (const grant of granted) {
          const name = grant.role_id ? names.get(grant.role_id) : undefined;
          if (name && adminRoles.includes(name.toLowerCase())) {
            findings.push({
              environment: input.environment,
              address: rc.address,
              message: `${label(rc)} is granted the admin role '${name}'.`,
              fix: 'grant a narrower role; admin grants need a no-permission-escalation override approved by the security team.',
            });
          }
        }
      }
    }
    return findings;
  },
};

const blastRadius: Rule = {
  id: 'blast-radius',
  title: 'A cap on changes per apply',
  why: 'One apply that changes hundreds of objects is hard to review, slow under Genesys rate limits and painful to roll back. Split it into smaller PRs, or raise the cap on purpose.',
  defaultSeverity: 'error',
  check: ({ environment, plan }, settings) => {
    const maxChanges = Number(settings.maxChanges ?? 150);
    const maxDestructive = Number(settings.maxDestructive ?? 10);
    // Imports change nothing in the org: adopting an existing org is not one huge change.
    const changes = effectiveChanges(plan).filter((rc) => changeKind(rc.change) !== 'import');
    const destructive = changes.filter((rc) => ['delete', 'replace'].includes(changeKind(rc.change))).length;
    const findings: Draft[] = [];
    if (changes.length > maxChanges) {
      findings.push({
        environment,
        message: `This plan changes ${changes.length} objects; the cap is ${maxChanges}.`,
        fix: 'split the change into smaller PRs, or raise rules."blast-radius".maxChanges in cxops.policy.json in a reviewed PR.',
      });
    }
    if (destructive > maxDestructive) {
      findings.push({
        environment,
        message: `This plan deletes or replaces ${destructive} objects; the cap is ${maxDestructive}.`,
        fix: 'split the change, or raise rules."blast-radius".maxDestructive on purpose.',
      });
    }
    return findings;
  },
};

const flowRename: Rule = {
  id: 'flow-rename',
  title: 'Flow renames are flagged',
  why: 'Genesys identifies a deployed flow by its name: renaming one in its YAML publishes a NEW flow with a new id and leaves the old one behind, still attached to whatever routed to it.',
  defaultSeverity: 'warning',
  check: (input) => {
    const { environment, plan } = input;
    const label = labeller(input);
    const findings: Draft[] = [];
    const flows = effectiveChanges(plan).filter((rc) => rc.type === 'genesyscloud_flow');
    for (const rc of flows) {
      // The deployed name, and the planned one: the provider computes `name` from the YAML only at apply, so
      // the planned name is the flow_name the YAML is written with when `name` is not known yet.
      const before = namedValue(rc.type, rc.change.before);
      const after = namedValue(rc.type, rc.change.after);
      if (changeKind(rc.change) !== 'create' && before && after !== undefined && after !== before) {
        findings.push({
          environment,
          address: rc.address,
          message: `Flow '${before}' is renamed to '${after}': Genesys will create a new flow and leave '${before}' behind.`,
          fix: 'keep the name, or plan the cut-over: repoint numbers and queues to the new flow, then delete the old one explicitly.',
        });
      }
    }
    const created = flows.filter((rc) => changeKind(rc.change) === 'create');
    const deleted = flows.filter((rc) => changeKind(rc.change) === 'delete');
    if (created.length > 0 && deleted.length > 0) {
      findings.push({
        environment,
        message: `Flows are deleted (${deleted.map(label).join(', ')}) and created (${created.map(label).join(', ')}) in one plan: if this is a rename, the new flow gets a new id.`,
        fix: 'use a moved block if only the Terraform address changed; otherwise check that nothing still routes to the deleted flow.',
      });
    }
    return findings;
  },
};

/** Genesys objects that are unique per org by name; two roots must never manage the same one. */
const UNIQUE_BY_NAME = [
  'genesyscloud_routing_queue',
  'genesyscloud_flow',
  'genesyscloud_auth_role',
  'genesyscloud_auth_division',
  'genesyscloud_routing_skill',
  'genesyscloud_routing_wrapupcode',
  'genesyscloud_user',
];

function managedObjects(input: EnvironmentPlan): { key: string; address: string; description: string }[] {
  const objects: { key: string; address: string; description: string }[] = [];
  for (const rc of input.plan.resource_changes ?? []) {
    if (rc.mode !== 'managed' || !UNIQUE_BY_NAME.includes(rc.type) || changeKind(rc.change) === 'delete')
      continue;
    const after = (rc.change.after ?? rc.change.before) as { email?: string } | null;
    const identity = rc.type === 'genesyscloud_user' ? after?.email : objectName(rc);
    if (identity)
      objects.push({
        key: `${rc.type}:${identity.toLowerCase()}`,
        address: rc.address,
        description: `${noun(rc.type)} '${identity}'`,
      });
    const id = (rc.change.before as { id?: string } | null)?.id;
    if (id)
      objects.push({ key: `${rc.type}#${id}`, address: rc.address, description: `${noun(rc.type)} ${id}` });
  }
  return objects;
}

const sharedOwnership: Rule = {
  id: 'single-owner',
  title: 'Two roots must not manage the same object',
  why: "When two environment roots manage one Genesys object, each apply undoes the other's changes and a destroy in one deletes what the other still uses. Org-wide objects belong to exactly one root.",
  defaultSeverity: 'error',
  checkAll: (inputs) => {
    // Owners are compared across environments only (one root managing an object twice is not this rule's
    // concern), so a single plan — `cxops assert` on one environment — has nothing to compare.
    if (new Set(inputs.map((i) => i.environment)).size < 2) return [];
    const owners = new Map<string, { environment: string; address: string; description: string }[]>();
    for (const input of inputs) {
      for (const object of managedObjects(input)) {
        const list = owners.get(object.key) ?? [];
        if (!list.some((o) => o.environment === input.environment))
          list.push({ environment: input.environment, ...object });
        owners.set(object.key, list);
      }
    }
    const findings: Draft[] = [];
    for (const list of owners.values()) {
      if (list.length < 2) continue;
      for (const owner of list) {
        const others = list.filter((o) => o !== owner).map((o) => `${o.environment} (${o.address})`);
        findings.push({
          environment: owner.environment,
          address: owner.address,
          message: `${owner.description} is also managed by ${others.join(', ')}.`,
          fix: 'keep it in one root and read it elsewhere through a data source (org-wide objects live in the org root).',
        });
      }
    }
    return findings;
  },
};

export const RULES: readonly Rule[] = [
  protectedDeletes,
  permissionEscalation,
  blastRadius,
  flowRename,
  sharedOwnership,
];
