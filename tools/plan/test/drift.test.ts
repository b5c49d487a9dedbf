import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyDrift, planFromValue, REDACTED, type PlanJson } from '../src/index.ts';
import { plan, queue, rc } from './crafted.ts';

const QUEUE = 'genesyscloud_routing_queue';

/** A plan whose resource_drift and resource_changes are given. */
const driftPlan = (drift: ReturnType<typeof rc>[], changes: ReturnType<typeof rc>[]): PlanJson =>
  plan(changes, { resource_drift: drift });

/** Real plans: `tofu show -json` of a normal (and a refresh-only) plan with the real provider against the
 * emulated org, after all departments were applied and, out of band, "Sales - Chat" got ACW 60 s, Hiro Tanaka
 * the title "Team Lead" and the role "Contact Center Agent" a new description. Trimmed to some of the objects
 * (and to resource_drift and resource_changes); values untouched. */
const real = (name: string) =>
  planFromValue(
    JSON.parse(readFileSync(new URL(`./fixtures/drift-${name}.plan.json`, import.meta.url), 'utf8')),
    name,
  );

describe('classifyDrift on real plans (real provider, emulated org)', () => {
  it('reports the changed queue and user of sales, not the objects read back with {} and [] for null', () => {
    const salesPlan = real('sales');
    expect(salesPlan.resource_drift).toHaveLength(6); // what the naive reading reported: every one of them
    const result = classifyDrift(salesPlan);
    expect(result.drifted.map((d) => d.description)).toEqual([
      "Queue 'Sales - Chat': ACW timeout 120 s → 60 s",
      "User 'Hiro Tanaka': title Renewals Specialist → Team Lead",
    ]);
    expect(result.drifted[0]).toMatchObject({
      address: 'module.department.module.queues.genesyscloud_routing_queue.this["Sales - Chat"]',
      type: QUEUE,
      name: 'Sales - Chat',
      kind: 'update',
      attributes: [{ attribute: 'acw_timeout_ms', before: 120000, after: 60000, apply: 120000 }],
    });
    expect(result.drifted[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.ignored.map((i) => i.attributes)).toContainEqual([
      'default_script_ids',
      'groups',
      'skill_groups',
      'teams',
    ]);
    expect(result.ignored.map((i) => i.attributes)).toContainEqual(['addresses']);
    expect(result.ignored).toHaveLength(4);
    expect(result.pending).toEqual([]);
  });

  it('reports the role changed in the org root, and not the roles whose permissions came back as []', () => {
    const result = classifyDrift(real('org'));
    expect(result.drifted.map((d) => d.description)).toEqual([
      "Role 'Contact Center Agent': description Takes calls, chats, messages and emails from the queues t… → Changed in UI",
    ]);
    expect(result.ignored.map((i) => i.attributes)).toEqual([['permissions'], ['permissions']]);
  });

  it('finds the same drift from a real refresh-only plan of the same state: one normal plan is enough', () => {
    const normal = real('sales');
    const refreshOnly = real('sales.refresh-only');
    // OpenTofu writes the same resource_drift in both kinds of plan.
    expect(refreshOnly.resource_drift).toEqual(normal.resource_drift);
    expect(refreshOnly.resource_changes).toEqual([]);
    expect(classifyDrift(normal, { refreshOnly })).toEqual(classifyDrift(normal));
  });

  it('takes resource_drift from a separate refresh-only plan when one is given', () => {
    const normal = real('sales');
    const refreshOnly = { ...normal, resource_changes: [] };
    const withoutDrift = { ...normal, resource_drift: [] };
    expect(classifyDrift(withoutDrift, { refreshOnly }).drifted).toHaveLength(2);
    expect(classifyDrift(withoutDrift).drifted).toEqual([]);
  });
});

describe('classifyDrift on crafted plans', () => {
  it('treats null, {} and [] as one value, deep inside blocks too', () => {
    const before = queue('Billing', { groups: null, media_settings_call: [{ mode: null, rings: [] }] });
    const after = queue('Billing', { groups: [], media_settings_call: [{ mode: {}, rings: null }] });
    const result = classifyDrift(
      driftPlan(
        [rc(QUEUE, 'Billing', ['update'], before, after)],
        [rc(QUEUE, 'Billing', ['no-op'], after, after)],
      ),
    );
    expect(result.drifted).toEqual([]);
    expect(result.ignored).toEqual([
      {
        address: 'module.x.genesyscloud_routing_queue.this["Billing"]',
        attributes: ['groups', 'media_settings_call'],
      },
    ]);
  });

  it('ignores a computed value that moved when the next apply would not change it', () => {
    const before = queue('Billing', { member_count: 3 });
    const after = queue('Billing', { member_count: 4 });
    const result = classifyDrift(
      driftPlan(
        [rc(QUEUE, 'Billing', ['update'], before, after)],
        [rc(QUEUE, 'Billing', ['no-op'], after, after)],
      ),
    );
    expect(result.drifted).toEqual([]);
  });

  it('reports only the managed attribute when managed and unmanaged ones drifted together', () => {
    const before = queue('Billing', {
      acw_timeout_ms: 30000,
      default_script_ids: null,
      calling_party_name: 'A',
    });
    const after = queue('Billing', {
      acw_timeout_ms: 60000,
      default_script_ids: { chat: 's1' },
      calling_party_name: 'B',
    });
    const planned = { ...after, acw_timeout_ms: 30000 };
    const result = classifyDrift(
      driftPlan(
        [rc(QUEUE, 'Billing', ['update'], before, after)],
        [rc(QUEUE, 'Billing', ['update'], after, planned)],
      ),
    );
    expect(result.drifted).toEqual([
      expect.objectContaining({
        kind: 'update',
        attributes: [{ attribute: 'acw_timeout_ms', before: 30000, after: 60000, apply: 30000 }],
        description: "Queue 'Billing': ACW timeout 30 s → 60 s",
      }),
    ]);
  });

  it('compares blocks field by field: an unmanaged field of a managed block is not drift', () => {
    const block = (fields: object) => [{ alerting_timeout_sec: 8, service_level_percentage: 0.8, ...fields }];
    const before = queue('Billing', { media_settings_call: block({ mode: 'AlwaysRing' }) });
    const after = queue('Billing', {
      media_settings_call: block({ mode: 'RingOnce', service_level_percentage: 0.5 }),
    });
    const planned = queue('Billing', { media_settings_call: block({ mode: 'RingOnce' }) });
    const onlyUnmanaged = classifyDrift(
      driftPlan(
        [
          rc(
            QUEUE,
            'Billing',
            ['update'],
            before,
            queue('Billing', { media_settings_call: block({ mode: 'RingOnce' }) }),
          ),
        ],
        [rc(QUEUE, 'Billing', ['no-op'], planned, planned)],
      ),
    );
    expect(onlyUnmanaged.drifted).toEqual([]);
    const managed = classifyDrift(
      driftPlan(
        [rc(QUEUE, 'Billing', ['update'], before, after)],
        [rc(QUEUE, 'Billing', ['update'], after, planned)],
      ),
    );
    expect(managed.drifted.map((d) => d.description)).toEqual([
      "Queue 'Billing': call service level 80% → 50%",
    ]);
  });

  it('counts members added or removed outside code, whatever order the set is rendered in', () => {
    const members = (...ids: string[]) => ids.map((user_id) => ({ user_id, ring_num: 1 }));
    const before = queue('Billing', { members: members('a', 'b', 'c') });
    const after = queue('Billing', { members: members('c', 'a') });
    const result = classifyDrift(
      driftPlan(
        [rc(QUEUE, 'Billing', ['update'], before, after)],
        [rc(QUEUE, 'Billing', ['update'], after, before)],
      ),
    );
    expect(result.drifted.map((d) => d.description)).toEqual(["Queue 'Billing': members −1"]);
    const reordered = queue('Billing', { members: members('c', 'b', 'a') });
    expect(
      classifyDrift(
        driftPlan(
          [rc(QUEUE, 'Billing', ['update'], before, reordered)],
          [rc(QUEUE, 'Billing', ['no-op'], before, before)],
        ),
      ).drifted,
    ).toEqual([]);
  });

  it('reports an object deleted outside code that the next apply would create again', () => {
    const before = queue('Billing');
    const result = classifyDrift(
      driftPlan(
        [rc(QUEUE, 'Billing', ['delete'], before, null)],
        [rc(QUEUE, 'Billing', ['create'], null, before)],
      ),
    );
    expect(result.drifted).toEqual([
      {
        address: 'module.x.genesyscloud_routing_queue.this["Billing"]',
        type: QUEUE,
        name: 'Billing',
        id: 'id-Billing',
        kind: 'delete',
        attributes: [],
        subject: "Queue 'Billing'",
        details: ['deleted outside code'],
        description: "Queue 'Billing' deleted outside code",
      },
    ]);
    expect(result.pending).toEqual([]);
  });

  it('does not report a deletion the code agrees with (the object was removed from code too)', () => {
    const result = classifyDrift(driftPlan([rc(QUEUE, 'Billing', ['delete'], queue('Billing'), null)], []));
    expect(result.drifted).toEqual([]);
  });

  it('does not count values known only after apply as changes', () => {
    const before = queue('Billing', { division_id: 'd1' });
    const after = queue('Billing', { division_id: 'd2' });
    const planned = queue('Billing', {});
    delete (planned as Record<string, unknown>).division_id;
    const result = classifyDrift(
      driftPlan(
        [rc(QUEUE, 'Billing', ['update'], before, after)],
        [rc(QUEUE, 'Billing', ['update'], after, planned, { after_unknown: { division_id: true } })],
      ),
    );
    expect(result.drifted).toEqual([]);
  });

  it('keeps code that is merged but not applied apart from drift', () => {
    const applied = queue('Billing');
    const result = classifyDrift(
      driftPlan([], [rc(QUEUE, 'Billing', ['update'], applied, { ...applied, acw_timeout_ms: 90000 })]),
    );
    expect(result.drifted).toEqual([]);
    expect(result.pending).toEqual([
      { address: 'module.x.genesyscloud_routing_queue.this["Billing"]', kind: 'update' },
    ]);
  });

  it('never shows a sensitive value', () => {
    const user = (password: string, title: string) => ({ id: 'u1', name: 'Ana', password, title });
    const result = classifyDrift(
      driftPlan(
        [
          rc(
            'genesyscloud_user',
            'ana',
            ['update'],
            user('old-secret', 'Agent'),
            user('new-secret', 'Lead'),
            {
              before_sensitive: { password: true },
              after_sensitive: { password: true },
            },
          ),
        ],
        [
          rc(
            'genesyscloud_user',
            'ana',
            ['update'],
            user('new-secret', 'Lead'),
            user('old-secret', 'Agent'),
            {
              before_sensitive: { password: true },
              after_sensitive: { password: true },
            },
          ),
        ],
      ),
    );
    expect(result.drifted[0]!.attributes).toEqual([
      { attribute: 'password', before: REDACTED, after: REDACTED, apply: REDACTED },
      { attribute: 'title', before: 'Agent', after: 'Lead', apply: 'Agent' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/secret/);
    expect(result.drifted[0]!.description).toBe(
      "User 'Ana': password changed (sensitive), title Agent → Lead",
    );
  });
});
