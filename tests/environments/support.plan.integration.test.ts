// What the support department's plans must and must not do, on real plans: the real genesyscloud provider
// against an emulated org in which environments/org is applied. Deploying support takes a minute or two.
import { beforeAll, describe, expect, it } from 'vitest';
import '@cxops/plan/matchers';
import { effectiveChanges, planNames, renderSummary, select } from '@cxops/plan';
import { planEnvironmentFromKnownOrg, type EnvironmentPlan } from '@cxops/test-support/environment-plans';
import { addressesIn, createdOutsideDivision, wrapupCodeNames } from './checks.ts';

/** Support's policy: at most 5 min of after-call work; email queues let agents wrap up when they choose. */
const MAX_ACW_MS = 300_000;

let first: EnvironmentPlan;
let deployed: EnvironmentPlan;

beforeAll(async () => {
  [first, deployed] = await Promise.all([
    planEnvironmentFromKnownOrg('support'),
    planEnvironmentFromKnownOrg('support', { deployed: true }),
  ]);
}, 900_000);

describe('support: the first apply into the known org', () => {
  it('creates its 13 queues, 3 flows and 40 people, and nothing the org owns', () => {
    expect(select(first, 'genesyscloud_routing_queue')).toHaveLength(13);
    expect(select(first, 'genesyscloud_flow').map((f) => f.key)).toEqual([
      'Support In-Queue Call',
      'Support Inbound Call',
      'Support VIP Line',
    ]);
    expect(select(first, 'genesyscloud_user')).toHaveLength(40);
    expect(first).toCreate({
      type: 'genesyscloud_user',
      where: { email: 'noah.brooks@example.com', state: 'inactive' },
    });
    expect(first).not.toCreate('genesyscloud_auth_division');
    expect(first).not.toCreate('genesyscloud_auth_role');
  });

  it('keeps after-call work within policy: a timeout only where the prompt has one', () => {
    for (const queue of select(first, 'genesyscloud_routing_queue')) {
      const prompt = queue.after?.acw_wrapup_prompt;
      const timeout = queue.afterAt('acw_timeout_ms');
      // Not configured, so the provider reads it from Genesys Cloud: known only after apply.
      if (prompt === 'OPTIONAL' || prompt === 'MANDATORY')
        expect(timeout, queue.address).toEqual({ state: 'unknown' });
      else expect(timeout.state === 'known' && timeout.value, queue.address).toBeLessThanOrEqual(MAX_ACW_MS);
    }
    expect(first).toCreate({
      type: 'genesyscloud_routing_queue',
      name: 'Support - VIP Line',
      where: { acw_wrapup_prompt: 'MANDATORY_FORCED_TIMEOUT', acw_timeout_ms: 60_000 },
    });
  });

  it("creates nothing in another department's division", () => {
    expect(createdOutsideDivision(first, 'Support')).toEqual([]);
  });

  it('summarises every object by name, never by a Terraform address', () => {
    const { markdown } = renderSummary([{ environment: 'support', plan: first.plan }], undefined, {
      limit: 65_000,
    });
    expect(addressesIn(markdown)).toEqual([]);
    expect(markdown).toContain("➕ Flow 'Support VIP Line' created");
    expect(markdown).toContain("➕ Role grants of user 'Noah Brooks' created: roles ");
  });
});

describe('support: deployed', () => {
  it('re-plans with no changes', () => {
    expect(deployed).toHaveNoChanges();
  });

  it("routes its queues through support's in-queue flow, never through an inbound flow", () => {
    const flows = Object.fromEntries(select(deployed, 'genesyscloud_flow').map((f) => [f.key, f.after?.id]));
    // A queue without an in-queue flow reads back from Genesys Cloud as "".
    const used = new Set(
      select(deployed, 'genesyscloud_routing_queue').map((q) => q.after?.queue_flow_id || null),
    );
    expect([...used].sort()).toEqual([flows['Support In-Queue Call'], null].sort());
    const vip = select(deployed, {
      type: 'genesyscloud_routing_queue',
      name: 'Support - VIP Line',
      where: { queue_flow_id: flows['Support In-Queue Call']! },
    });
    expect(vip).toHaveLength(1);
  });

  it('gives every queue at least one wrap-up code, the four defaults included', () => {
    const names = planNames(deployed.plan);
    for (const queue of select(deployed, 'genesyscloud_routing_queue')) {
      const codes = wrapupCodeNames(queue.after?.wrapup_codes, names);
      expect(codes, queue.address).toEqual(
        expect.arrayContaining([
          'Transferred',
          'Customer Disconnected',
          'Callback Scheduled',
          'Wrong Department',
        ]),
      );
    }
    expect(effectiveChanges(deployed.plan)).toEqual([]);
  });
});
