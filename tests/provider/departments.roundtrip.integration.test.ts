// Every environment root, with the real genesyscloud provider against one emulated org: org applies first
// (departments read its divisions, roles and shared objects by name), then each department applies, plans
// empty and is destroyed — side by side, as independent departments are — and finally org is destroyed,
// leaving the org as it started.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeKind, effectiveChanges, type PlanJson } from '@cxops/plan';
import {
  objectsCreatedInOrg,
  rootUnderTest,
  scratchWorkspace,
  startEmulatedOrg,
  type EmulatedOrg,
  type RootUnderTest,
} from '@cxops/test-support/provider-harness';
import { environmentRoots } from '@cxops/test-support/tree';

const departments = environmentRoots()
  .map((dir) => path.basename(dir))
  .filter((name) => name !== 'org');

const actions = (plan: PlanJson) =>
  effectiveChanges(plan).map((rc) => `${changeKind(rc.change)} ${rc.address}`);

let org: EmulatedOrg;
let workspace: string;
let orgRoot: RootUnderTest;

beforeAll(async () => {
  org = await startEmulatedOrg();
  workspace = await scratchWorkspace();
  orgRoot = await rootUnderTest(workspace, 'environments/org', org);
});
afterAll(async () => {
  await org?.stop();
});

describe.sequential('environment roots against the emulated org, with the real provider', () => {
  it('finds the org root and at least one department in the tree', () => {
    expect(environmentRoots()).toContain('environments/org');
    expect(departments).not.toEqual([]);
  });

  it('org applies, and a second plan is empty', async () => {
    await orgRoot.apply();
    expect(actions((await orgRoot.plan()).plan)).toEqual([]);
  }, 900_000);

  it('every department applies after org, plans empty, and destroys (side by side)', async () => {
    const outcomes = await Promise.allSettled(
      departments.map(async (department) => {
        const root = await rootUnderTest(workspace, `environments/${department}`, org);
        await root.apply();
        const replanned = actions((await root.plan()).plan);
        await root.destroy();
        return { department, replanned };
      }),
    );
    const failures = outcomes.flatMap((o, i) =>
      o.status === 'rejected' ? [`${departments[i]}: ${(o.reason as Error).message}`] : [],
    );
    expect(failures).toEqual([]);
    for (const outcome of outcomes)
      if (outcome.status === 'fulfilled')
        expect(outcome.value.replanned, outcome.value.department).toEqual([]);
  }, 1_500_000);

  it('org destroys last, and the org holds nothing the roots made', async () => {
    await orgRoot.destroy();
    expect(objectsCreatedInOrg(org)).toEqual({});
  }, 900_000);
});
