// A department apply with the real provider while the emulated org misbehaves (seeded, so every run sees the
// same faults): bursts of 429 with Retry-After, 5xx answers and dropped connections. The apply converges —
// or fails with the API's error and a second apply converges — no object is created twice, and state and
// org agree afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '@cxops/emulator';
import { changeKind, effectiveChanges } from '@cxops/plan';
import {
  rootUnderTest,
  scratchWorkspace,
  namesCreatedTwice,
  startEmulatedOrg,
  type EmulatedOrg,
  type RootUnderTest,
} from '@cxops/test-support/provider-harness';

const FAULTS: FaultRule[] = [
  // A burst of rate limiting on every route, as when another job shares the OAuth client.
  { route: '/api/v2/', status: 429, retryAfterSeconds: 1, times: 12 },
  // The routing service failing now and then: creates, reads and membership calls.
  { route: '/api/v2/routing/queues', status: 503, probability: 0.15 },
  { route: '/api/v2/routing/wrapupcodes', status: 502, probability: 0.15 },
  { route: '/api/v2/users', method: 'GET', status: 500, probability: 0.1 },
  // Connections cut before any answer.
  { route: '/api/v2/users', method: 'POST', drop: true, probability: 0.1 },
  { route: '/api/v2/authorization/subjects', drop: true, probability: 0.1 },
];

let org: EmulatedOrg;
let department: RootUnderTest;

beforeAll(async () => {
  org = await startEmulatedOrg();
  const workspace = await scratchWorkspace();
  await (await rootUnderTest(workspace, 'environments/org', org)).apply();
  department = await rootUnderTest(workspace, 'environments/sales', org);
}, 900_000);
afterAll(async () => {
  await org?.stop();
});

describe('a department apply under seeded faults', () => {
  it('converges, creates nothing twice, and leaves state and org in agreement', async () => {
    org.emulator.context.faults.set(FAULTS, 'department-apply');
    try {
      await department.apply();
    } catch {
      // A fault the provider does not retry may fail the first apply with the API's error; the second must
      // converge from what state recorded.
      await department.apply();
    }
    const hits = org.emulator.context.faults.list().reduce((sum, rule) => sum + rule.hits, 0);
    org.emulator.context.faults.set([]);
    expect(hits, 'faults injected during the apply').toBeGreaterThan(10);

    const replanned = await department.plan();
    expect(effectiveChanges(replanned.plan).map((rc) => `${changeKind(rc.change)} ${rc.address}`)).toEqual(
      [],
    );

    expect(namesCreatedTwice(org), 'objects created twice').toEqual({});

    // Every object the state knows exists in the org under the id state recorded.
    const listed = await department.run(['state', 'list']);
    const managed = listed.stdout
      .split('\n')
      .filter((line) => line && !line.startsWith('data.') && !line.includes('.data.'));
    const shown = JSON.parse((await department.run(['show', '-json'])).stdout) as {
      values?: { root_module?: StateModule };
    };
    const ids = collectIds(shown.values?.root_module);
    const state = org.emulator.context.store.state;
    const known = new Set(
      [state.queues, state.users, state.skills, state.wrapupcodes, state.flows].flatMap((r) =>
        Object.keys(r),
      ),
    );
    const missing = ids.filter(
      (r) =>
        [
          'genesyscloud_routing_queue',
          'genesyscloud_user',
          'genesyscloud_routing_skill',
          'genesyscloud_routing_wrapupcode',
          'genesyscloud_flow',
        ].includes(r.type) && !known.has(r.id),
    );
    expect(missing).toEqual([]);
    expect(managed.length).toBeGreaterThan(20);
  }, 1_500_000);
});

interface StateModule {
  resources?: { address: string; type: string; mode: string; values: { id?: string } }[];
  child_modules?: StateModule[];
}

function collectIds(module: StateModule | undefined): { address: string; type: string; id: string }[] {
  if (!module) return [];
  return [
    ...(module.resources ?? [])
      .filter((r) => r.mode === 'managed')
      .map((r) => ({ address: r.address, type: r.type, id: String(r.values.id) })),
    ...(module.child_modules ?? []).flatMap(collectIds),
  ];
}
