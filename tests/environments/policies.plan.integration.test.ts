// Every safety policy (`npx cxops policies`) on a real plan that breaks it: the real genesyscloud provider
// plans a scratch copy of a root, changed the way a careless PR would change it, against an emulated org in
// which environments/org is applied. Deletes and renames need something deployed first: a small sales
// department (one queue and its four members, one in-queue flow) is applied once and changed several ways.
import { beforeAll, describe, expect, it } from 'vitest';
import '@cxops/plan/matchers';
import {
  describeChange,
  evaluatePolicies,
  planNames,
  RULES,
  selectChanges,
  type PolicyReport,
} from '@cxops/plan';
import {
  planEnvironmentFromKnownOrg,
  planFurtherChange,
  type DepartmentData,
  type EnvironmentPlan,
  type RootChange,
} from '@cxops/test-support/environment-plans';

const CHAT = 'Sales - Chat';
const IN_QUEUE = 'Sales In-Queue Call';
const FLOW = `module.department.module.in_queue_flows.genesyscloud_flow.this["${IN_QUEUE}"]`;
const RENAMED = `module.department.module.in_queue_flows.genesyscloud_flow.this["Sales Waiting Room"]`;

/** Sales cut down to what the scenarios need, so deploying it takes seconds. */
const SMALL_SALES: RootChange = {
  data: (sales) => {
    sales.queues = sales.queues.filter((q) => q.name === CHAT);
    const members = new Set(Object.keys(sales.queues[0]!.members ?? {}));
    sales.users = sales.users.filter((u) => members.has(u.email));
    sales.inbound_flows = [];
  },
};

const renameFlow = (sales: DepartmentData) => {
  sales.in_queue_flows[0]!.name = 'Sales Waiting Room';
};

function check(
  environment: string,
  plan: EnvironmentPlan,
  config?: Parameters<typeof evaluatePolicies>[0][0]['config'],
): PolicyReport {
  return evaluatePolicies([{ environment, plan: plan.plan, config }]);
}

const findings = (report: PolicyReport, rule: string) => report.findings.filter((f) => f.rule === rule);

let deployed: EnvironmentPlan;
beforeAll(async () => {
  deployed = await planEnvironmentFromKnownOrg('sales', { deployed: SMALL_SALES });
}, 600_000);

describe('every safety policy is tested here on a real plan', () => {
  it('lists the same rules as `cxops policies`', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'no-destroy-protected',
      'no-permission-escalation',
      'blast-radius',
      'flow-rename',
      'single-owner',
    ]);
  });
});

describe('no-destroy-protected', () => {
  it('blocks deleting a queue that has members, naming it and them; an override allows it', async () => {
    expect(deployed).toHaveNoChanges();
    const plan = await planFurtherChange(deployed, { data: (sales) => void (sales.queues = []) });
    const address = `module.department.module.queues.genesyscloud_routing_queue.this["${CHAT}"]`;
    expect(plan).toDelete({ type: 'genesyscloud_routing_queue', name: CHAT });
    const report = check('sales', plan);
    expect(report.passed).toBe(false);
    expect(findings(report, 'no-destroy-protected')).toEqual([
      expect.objectContaining({ address, severity: 'error', message: `Queue '${CHAT}' would be DELETED.` }),
    ]);
    const [queue] = selectChanges(plan.plan, address);
    expect(describeChange(queue!, planNames(plan.plan))).toBe(
      `🗑️ Queue '${CHAT}' **deleted** (had members James Whitaker (ring 2), Leila Ahmadi, Megan Foster (ring 2), Sara Johansson)`,
    );
    const allowed = check('sales', plan, {
      overrides: [
        { rule: 'no-destroy-protected', address, reason: 'Chat moves to the new messaging queue (CC-123)' },
      ],
    });
    expect(allowed.passed).toBe(true);
    expect(findings(allowed, 'no-destroy-protected')[0]?.overriddenBy?.reason).toContain('CC-123');
  }, 300_000);
});

describe('flow-rename', () => {
  it('flags a flow renamed in the data: the old flow is deleted and a new one created', async () => {
    const plan = await planFurtherChange(deployed, { data: renameFlow });
    expect(plan).toDelete(FLOW);
    expect(plan).toCreate({ type: 'genesyscloud_flow', name: 'Sales Waiting Room' });
    const report = check('sales', plan);
    expect(findings(report, 'flow-rename')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: `Flows are deleted (Flow '${IN_QUEUE}') and created (Flow 'Sales Waiting Room') in one plan: if this is a rename, the new flow gets a new id.`,
      }),
    ]);
    expect(findings(report, 'no-destroy-protected').map((f) => f.address)).toEqual([FLOW]);
  }, 300_000);

  it('flags a rename kept at one address by a moved block, which the provider plans as an update', async () => {
    const plan = await planFurtherChange(deployed, {
      data: renameFlow,
      files: { 'cxops_test_moved.tf': `moved {\n  from = ${FLOW}\n  to   = ${RENAMED}\n}\n` },
    });
    expect(plan).toUpdate(RENAMED);
    expect(plan).toChangeAttribute(RENAMED, 'substitutions.flow_name', IN_QUEUE, 'Sales Waiting Room');
    const report = check('sales', plan);
    expect(findings(report, 'flow-rename')).toEqual([
      expect.objectContaining({
        address: RENAMED,
        message: `Flow '${IN_QUEUE}' is renamed to 'Sales Waiting Room': Genesys will create a new flow and leave '${IN_QUEUE}' behind.`,
      }),
    ]);
    expect(findings(report, 'no-destroy-protected')).toEqual([]);
  }, 300_000);
});

describe('blast-radius', () => {
  it('blocks a plan that deletes more objects than the cap', async () => {
    const plan = await planFurtherChange(deployed, {
      data: (sales) => {
        for (const list of ['queues', 'users', 'skills', 'wrapup_codes', 'in_queue_flows'] as const)
          sales[list] = [];
      },
    });
    const report = check('sales', plan);
    expect(findings(report, 'blast-radius').map((f) => f.message)).toEqual([
      'This plan deletes or replaces 21 objects; the cap is 10.',
    ]);
  }, 300_000);

  it('blocks a plan that changes more objects than the cap', async () => {
    const plan = await planEnvironmentFromKnownOrg('sales', {
      change: {
        data: (sales) => {
          for (let i = 1; i <= 60; i++)
            sales.users.push({
              email: `seasonal.agent${i}@example.com`,
              name: `Seasonal Agent ${i}`,
              title: 'Seasonal Sales Agent',
              roles: ['Contact Center Agent'],
              skills: { English: 3 },
            });
        },
      },
    });
    const report = check('sales', plan);
    expect(report.passed).toBe(false);
    expect(findings(report, 'blast-radius').map((f) => f.message)).toEqual([
      'This plan changes 165 objects; the cap is 150.',
    ]);
  }, 300_000);
});

describe('no-permission-escalation', () => {
  it('blocks a role with a wildcard permission', async () => {
    const plan = await planEnvironmentFromKnownOrg('org', {
      change: {
        data: (org) => {
          (org.roles as unknown[]).push({
            name: 'Queue Administrator',
            description: 'Everything about queues',
            permission_policies: [{ domain: 'routing', entity_name: '*', action_set: ['*'] }],
          });
        },
      },
    });
    expect(plan).toCreate({ type: 'genesyscloud_auth_role', name: 'Queue Administrator' });
    expect(findings(check('org', plan), 'no-permission-escalation')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: "Role 'Queue Administrator' grants wildcard permissions: routing:*:*.",
      }),
    ]);
  }, 300_000);

  it('blocks granting the admin role, naming the user it is granted to', async () => {
    const plan = await planEnvironmentFromKnownOrg('sales', {
      change: {
        data: (sales) => {
          sales.users.find((u) => u.email === 'rachel.adams@example.com')!.roles.push('admin');
        },
      },
    });
    expect(findings(check('sales', plan), 'no-permission-escalation')).toEqual([
      expect.objectContaining({
        address: 'module.department.module.users.genesyscloud_user_roles.this["rachel.adams@example.com"]',
        message: "Role grants of user 'Rachel Adams' is granted the admin role 'admin'.",
      }),
    ]);
  }, 300_000);
});

describe('single-owner', () => {
  it('blocks a department creating an object the org root owns, in both roots', async () => {
    const [org, sales] = await Promise.all([
      planEnvironmentFromKnownOrg('org'),
      planEnvironmentFromKnownOrg('sales', { change: { data: (d) => void d.skills.push('German') } }),
    ]);
    expect(org).toHaveNoChanges();
    const report = evaluatePolicies([
      { environment: 'org', plan: org.plan },
      { environment: 'sales', plan: sales.plan },
    ]);
    expect(findings(report, 'single-owner').map((f) => [f.environment, f.message])).toEqual([
      [
        'org',
        `Skill 'German' is also managed by sales (module.department.module.skills.genesyscloud_routing_skill.this["German"]).`,
      ],
      [
        'sales',
        `Skill 'German' is also managed by org (module.org.module.skills.genesyscloud_routing_skill.this["German"]).`,
      ],
    ]);
    expect(report.passed).toBe(false);
  }, 300_000);
});
