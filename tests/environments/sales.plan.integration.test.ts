// What the sales department's plans must and must not do, checked on real plans: the real genesyscloud
// provider against an emulated org in which environments/org is applied. Each assertion is typed by the
// provider's schema: a misspelt attribute does not compile.
import { beforeAll, describe, expect, it } from 'vitest';
import '@cxops/plan/matchers';
import { effectiveChanges, planNames, renderSummary, select } from '@cxops/plan';
import {
  planEnvironmentFromKnownOrg,
  planFurtherChange,
  type EnvironmentPlan,
} from '@cxops/test-support/environment-plans';
import { addressesIn, createdOutsideDivision, wrapupCodeNames } from './checks.ts';

/** The sales contact-center policy: agents get between 30 s and 5 min of after-call work. */
const ACW_MS = { min: 30_000, max: 300_000 };

let first: EnvironmentPlan;
let deployed: EnvironmentPlan;

beforeAll(async () => {
  [first, deployed] = await Promise.all([
    planEnvironmentFromKnownOrg('sales'),
    planEnvironmentFromKnownOrg('sales', { deployed: true }),
  ]);
}, 600_000);

describe('sales: the first apply into the known org', () => {
  it('creates the department and nothing else', () => {
    expect(first).toCreate('genesyscloud_routing_queue');
    expect(first).toCreate({ type: 'genesyscloud_flow', name: 'Sales In-Queue Call' });
    expect(first).toCreate({
      type: 'genesyscloud_user',
      where: { email: 'rachel.adams@example.com', title: 'Sales Manager' },
    });
    expect(effectiveChanges(first.plan).every((rc) => rc.change.actions.join() === 'create')).toBe(true);
    // Divisions, roles and shared skills and codes belong to environments/org: sales only reads them.
    expect(first).not.toCreate('genesyscloud_auth_division');
    expect(first).not.toCreate('genesyscloud_auth_role');
    expect(first).not.toCreate({ type: 'genesyscloud_routing_skill', name: 'English' });
  });

  it('gives every queue an ACW timeout within policy', () => {
    const queues = select(first, 'genesyscloud_routing_queue');
    expect(queues.length).toBe(6);
    for (const queue of queues) {
      const timeout = queue.afterAt('acw_timeout_ms');
      expect(timeout.state, queue.address).toBe('known');
      if (timeout.state === 'known') {
        expect(timeout.value, queue.key?.toString()).toBeGreaterThanOrEqual(ACW_MS.min);
        expect(timeout.value, queue.key?.toString()).toBeLessThanOrEqual(ACW_MS.max);
      }
    }
  });

  it("creates nothing in another department's division", () => {
    expect(createdOutsideDivision(first, 'Sales')).toEqual([]);
  });

  it('summarises every object by the name the admin UI shows, never by a Terraform address', () => {
    const { markdown } = renderSummary([{ environment: 'sales', plan: first.plan }], undefined, {
      limit: 65_000,
    });
    expect(addressesIn(markdown)).toEqual([]);
    expect(markdown).toContain("➕ Flow 'Sales In-Queue Call' created");
    expect(markdown).toContain(
      "➕ Role grants of user 'Rachel Adams' created: roles Contact Center Supervisor (Sales), employee (all divisions), Quality Evaluator (Sales)",
    );
    expect(markdown).toContain(
      "➕ Queue 'Sales - Enterprise Line' created: members Charlotte Evans, Nikhil Rao, Victor Huang",
    );
  });
});

describe('sales: deployed', () => {
  it('re-plans with no changes', () => {
    expect(deployed.changes).toBe(false);
    expect(deployed).toHaveNoChanges();
  });

  it('gives every queue at least one wrap-up code of its own department or the org', () => {
    const names = planNames(deployed.plan);
    for (const queue of select(deployed, 'genesyscloud_routing_queue')) {
      const codes = wrapupCodeNames(queue.after?.wrapup_codes, names);
      expect(codes.length, queue.address).toBeGreaterThan(0);
      for (const code of codes)
        expect(code, queue.address).toMatch(
          /^Sales - |^(Transferred|Customer Disconnected|Callback Scheduled|Wrong Department)$/,
        );
    }
  });

  it('routes the phone queues, and only them, through the sales in-queue flow', () => {
    const [flow] = select(deployed, { type: 'genesyscloud_flow', name: 'Sales In-Queue Call' });
    expect(flow?.after?.id).toMatch(/\w/);
    const routed = select(deployed, 'genesyscloud_routing_queue').filter((q) => q.after?.queue_flow_id);
    expect(routed.map((q) => q.key).sort()).toEqual([
      'Sales - Enterprise Line',
      'Sales - Phone New Customers',
      'Sales - Phone Renewals',
      'Sales - Phone Spanish',
    ]);
    for (const queue of routed) expect(queue.after?.queue_flow_id, queue.address).toBe(flow?.after?.id);
  });

  it("plans only the changed queue when sales' data changes", async () => {
    const change = await planFurtherChange(deployed, {
      data: (sales) => {
        sales.queues.find((q) => q.name === 'Sales - Chat')!.acw_timeout_ms = 60_000;
      },
    });
    expect(change).toChangeAttribute(
      { type: 'genesyscloud_routing_queue', name: 'Sales - Chat' },
      'acw_timeout_ms',
      120_000,
      60_000,
    );
    expect(effectiveChanges(change.plan).map((rc) => rc.address)).toEqual([
      'module.department.module.queues.genesyscloud_routing_queue.this["Sales - Chat"]',
    ]);
    const { markdown } = renderSummary([{ environment: 'sales', plan: change.plan }], undefined, {
      limit: 65_000,
    });
    expect(markdown).toContain("✏️ Queue 'Sales - Chat': ACW timeout 120 s → 60 s");
  }, 300_000);
});
