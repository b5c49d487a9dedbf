// What the billing department's first plan must and must not do, on a real plan: the real genesyscloud
// provider against an emulated org in which environments/org is applied.
import { beforeAll, describe, expect, it } from 'vitest';
import '@cxops/plan/matchers';
import { absent, renderSummary, select } from '@cxops/plan';
import { planEnvironmentFromKnownOrg, type EnvironmentPlan } from '@cxops/test-support/environment-plans';
import { addressesIn, createdOutsideDivision } from './checks.ts';

let billing: EnvironmentPlan;

beforeAll(async () => {
  billing = await planEnvironmentFromKnownOrg('billing');
}, 300_000);

describe('billing: the first apply into the known org', () => {
  it('creates its queues with the ACW the department agreed on', () => {
    expect(select(billing, 'genesyscloud_routing_queue').map((q) => q.key)).toEqual([
      'Billing - Email',
      'Billing - Phone Collections',
      'Billing - Phone General',
      'Billing - Phone Spanish',
      'Billing - Refunds',
    ]);
    expect(billing).toChangeAttribute(
      { type: 'genesyscloud_routing_queue', name: 'Billing - Phone Collections' },
      'acw_timeout_ms',
      absent,
      180_000,
    );
  });

  it("creates nothing in another department's division", () => {
    expect(createdOutsideDivision(billing, 'Billing')).toEqual([]);
  });

  it('summarises every object by name, never by a Terraform address', () => {
    const { markdown } = renderSummary([{ environment: 'billing', plan: billing.plan }], undefined, {
      limit: 65_000,
    });
    expect(addressesIn(markdown)).toEqual([]);
    expect(markdown).toContain("➕ Flow 'Billing Inbound Call' created");
  });
});
