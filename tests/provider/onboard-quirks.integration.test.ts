// Onboarding never drops a difference silently: an org with the settings real orgs have and the modules cannot
// express (a phone number, a manager, a role granted in another department's division, a whisper prompt, a
// member from another department, a policy with conditions, callback settings the modules do not expose, a
// user in no department) is onboarded, and the real provider's first plan of every root changes exactly the
// objects the report lists as "differs" — nothing more, nothing less. Then the flows are adopted in their own
// step: that plan imports them and republishes each once, as the report says. Takes a few minutes.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboard, type Finding, type OnboardReport } from '@cxops/onboard';
import {
  rootUnderTest,
  scratchWorkspace,
  startEmulatedOrg,
  type EmulatedOrg,
} from '@cxops/test-support/provider-harness';
import { seedOrg, type SeedResult } from '../fixtures/onboard/seed-org.ts';

let org: EmulatedOrg;
let workspace: string;
let seeded: SeedResult;

const roots = ['org', 'billing', 'retention', 'sales', 'support'];

/** The resource a finding names, as the plan addresses it. */
function addressOf(f: Finding): string {
  const key = JSON.stringify(f.name);
  if (f.root === 'org') return `module.org.module.permissions.genesyscloud_auth_role.this[${key}]`;
  const resource: Record<string, string> = {
    queue: 'queues.genesyscloud_routing_queue',
    user: 'users.genesyscloud_user',
    'user roles': 'users.genesyscloud_user_roles',
    'wrapup code': 'wrapup_codes.genesyscloud_routing_wrapupcode',
  };
  if (f.type === 'flow') return `flow ${f.name}`;
  return `module.department.module.${resource[f.type]}.this[${key}]`;
}

const changes = async (root: string) => {
  const unit = await rootUnderTest(workspace, `environments/${root}`, org);
  const { plan } = await unit.plan();
  return (plan.resource_changes ?? [])
    .filter((rc) => !['no-op', 'read'].includes(rc.change.actions.join()))
    .map((rc) => ({ address: rc.address, actions: rc.change.actions.join('+') }));
};

async function onboardInto(adoptFlows: boolean): Promise<OnboardReport> {
  const { report } = await onboard({
    org: 'emulated',
    apiUrl: org.url,
    outDir: path.join(workspace, 'environments'),
    reportDir: path.join(workspace, 'report'),
    force: true,
    adoptFlows,
    pollMs: 10,
  });
  return report;
}

beforeAll(async () => {
  org = await startEmulatedOrg({ rateLimits: { perToken: 100_000 } });
  workspace = await scratchWorkspace();
  // Only the org root's wiring stays: the repository's example departments are not this org's.
  for (const department of ['sales', 'support', 'billing'])
    await rm(path.join(workspace, 'environments', department), { recursive: true, force: true });
  seeded = await seedOrg(org.url, { quirks: true });
}, 300_000);
afterAll(async () => {
  await org?.stop();
});

describe.sequential('onboarding an org with settings the modules cannot express', () => {
  let report: OnboardReport;

  it('reports each such setting by object and attribute', async () => {
    report = await onboardInto(false);
    for (const quirk of seeded.quirks) {
      const found = report.findings.filter(
        (f) =>
          f.type === quirk.type && f.name === quirk.name && (f.attribute ?? '').includes(quirk.attribute),
      );
      expect(found, `${quirk.type} ${quirk.name} ${quirk.attribute}`).not.toEqual([]);
    }
    expect(
      report.findings.find((f) => f.name === 'pat.unplaced@example.com')?.kind,
      'a user in no department is for a person to decide',
    ).toBe('decide');
    expect(
      report.findings.find((f) => f.attribute === 'media_settings_callback')?.kind,
      'a block with settings the module does not expose is kept as it is',
    ).toBe('unmanaged');
  });

  it("changes, in each root's first plan, exactly the objects reported as differing", async () => {
    const planned = await Promise.all(roots.map(async (root) => [root, await changes(root)] as const));
    expect(Object.fromEntries(planned.map(([root, list]) => [root, list.length]))).toEqual({
      org: 1, // the role whose policy has conditions
      billing: 0,
      retention: 0,
      sales: 4, // a phone number, a manager, a grant in Support, one queue (whisper prompt, a Support member)
      support: 0,
    });
    for (const [root, list] of planned) {
      expect(
        list.filter((c) => c.actions !== 'update'),
        `${root}: nothing but updates`,
      ).toEqual([]);
      const expected = [
        ...new Set(report.findings.filter((f) => f.kind === 'differs' && f.root === root).map(addressOf)),
      ].sort();
      expect(list.map((c) => c.address).sort(), root).toEqual(expected);
    }
  }, 1_200_000);

  it('adopts the flows in a separate step whose plan imports each and republishes it once, as reported', async () => {
    const adopted = await onboardInto(true);
    const republished = adopted.findings.filter((f) => f.kind === 'differs' && f.type === 'flow');
    expect(republished.map((f) => f.name).sort()).toEqual([
      'Billing Hold',
      'Billing Main Line',
      'Retention Hold',
      'Retention Main Line',
      'Sales Hold',
      'Sales Main Line',
      'Support Hold',
      'Support Main Line',
    ]);
    const billing = await changes('billing');
    expect(billing.map((c) => `${c.actions} ${c.address}`).sort()).toEqual([
      'update module.department.module.in_queue_flows.genesyscloud_flow.this["Billing Hold"]',
      'update module.department.module.inbound_flows.genesyscloud_flow.this["Billing Main Line"]',
    ]);
  }, 600_000);
});
