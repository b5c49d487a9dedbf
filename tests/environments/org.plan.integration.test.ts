// What the org root's plans must and must not do, on real plans: the real genesyscloud provider against a new
// emulated org (its first apply), and against the known org state every department suite starts from.
import { beforeAll, describe, expect, it } from 'vitest';
import '@cxops/plan/matchers';
import { evaluatePolicies, renderSummary, select, type PlanJson } from '@cxops/plan';
import { planEnvironmentFromKnownOrg } from '@cxops/test-support/environment-plans';
import { rootUnderTest, scratchWorkspace, startEmulatedOrg } from '@cxops/test-support/provider-harness';
import { addressesIn } from './checks.ts';

let first: PlanJson;

beforeAll(async () => {
  const org = await startEmulatedOrg();
  try {
    first = (await (await rootUnderTest(await scratchWorkspace(), 'environments/org', org)).plan()).plan;
  } finally {
    await org.stop();
  }
}, 300_000);

describe('org: the first apply into a new org', () => {
  it('creates the divisions, roles and shared skills and codes, and passes every policy', () => {
    expect(select(first, 'genesyscloud_auth_division').map((d) => d.key)).toEqual([
      'Billing',
      'Sales',
      'Support',
    ]);
    expect(first).toCreate({ type: 'genesyscloud_auth_role', name: 'Contact Center Agent' });
    expect(first).not.toCreate('genesyscloud_routing_queue');
    expect(first).not.toCreate('genesyscloud_user');
    expect(evaluatePolicies([{ environment: 'org', plan: first }]).findings).toEqual([]);
  });

  it('names every object in the summary, never by a Terraform address', () => {
    const { markdown } = renderSummary([{ environment: 'org', plan: first }], undefined, { limit: 65_000 });
    expect(addressesIn(markdown)).toEqual([]);
    expect(markdown).toContain("➕ Division 'Support' created");
    expect(markdown).toContain("➕ Wrap-up code 'Follow-up Required' created");
  });
});

describe('org: the known org state', () => {
  it('is the org root applied: planning it again changes nothing', async () => {
    expect(await planEnvironmentFromKnownOrg('org')).toHaveNoChanges();
  }, 300_000);
});
