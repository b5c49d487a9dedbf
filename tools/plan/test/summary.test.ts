import { describe, expect, it } from 'vitest';
import { describeChange, evaluatePolicies, renderSummary } from '../src/index.ts';
import { plan, queue, rc } from './crafted.ts';

/** The caller's limit: what a GitHub comment leaves once the sticky marker is added. */
const LIMIT = 65_500;

const QUEUE = 'genesyscloud_routing_queue';

describe('describeChange speaks contact-center', () => {
  it('summarises a queue update as ACW, service level and member deltas', () => {
    const before = queue('Billing', {
      members: [{ user_id: 'a', ring_num: 1 }],
      media_settings_call: [
        { alerting_timeout_sec: 8, service_level_percentage: 0.8, service_level_duration_ms: 20000 },
      ],
    });
    const after = queue('Billing', {
      acw_timeout_ms: 60000,
      members: [
        { user_id: 'a', ring_num: 1 },
        { user_id: 'b', ring_num: 1 },
        { user_id: 'c', ring_num: 2 },
        { user_id: 'd', ring_num: 1 },
      ],
      media_settings_call: [
        { alerting_timeout_sec: 8, service_level_percentage: 0.9, service_level_duration_ms: 20000 },
      ],
    });
    expect(describeChange(rc(QUEUE, 'Billing', ['update'], before, after))).toBe(
      "✏️ Queue 'Billing': ACW timeout 30 s → 60 s, call service level 80% → 90%, members +3",
    );
  });

  it('never prints a sensitive value and says when a value is known only after apply', () => {
    const user = rc(
      'genesyscloud_user',
      'ana',
      ['update'],
      { name: 'Ana', password: 'old-secret' },
      { name: 'Ana', password: 'new-secret' },
      {
        before_sensitive: { password: true },
        after_sensitive: { password: true },
        after_unknown: { division_id: true },
      },
    );
    const line = describeChange(user);
    expect(line).toBe("✏️ User 'Ana': division → (known after apply), password changed (sensitive)");
    expect(line).not.toMatch(/secret/);
  });

  it('marks deletes and replaces, with what forces the replace', () => {
    expect(describeChange(rc(QUEUE, 'Old', ['delete'], queue('Old'), null))).toBe(
      "🗑️ Queue 'Old' **deleted**",
    );
    expect(
      describeChange(
        rc(
          'genesyscloud_routing_skill',
          'Tier',
          ['create', 'delete'],
          { id: 's', name: 'Tier 1' },
          { name: 'Tier One' },
          { replace_paths: [['name']] },
        ),
      ),
    ).toBe("♻️ Skill 'Tier One' **replaced** (forced by name): name Tier 1 → Tier One");
  });
});

describe('renderSummary', () => {
  const support = plan([
    rc(QUEUE, 'Old', ['delete'], queue('Old'), null),
    rc(QUEUE, 'New', ['create'], null, queue('New')),
  ]);
  const sales = plan([rc('genesyscloud_routing_skill', 'Upsell', ['create'], null, { name: 'Upsell' })]);

  it('puts counts, then policy findings and destructive changes, then details per resource type', () => {
    const inputs = [
      { environment: 'support', plan: support },
      { environment: 'sales', plan: sales },
    ];
    const { markdown, truncated } = renderSummary(inputs, evaluatePolicies(inputs), { limit: LIMIT });
    expect(truncated).toBe(false);
    expect(markdown).toContain('| support | 1 | 0 | 0 | 1 | ⛔ 1 blocking |');
    expect(markdown).toContain('| sales | 1 | 0 | 0 | 0 | ✅ |');
    const order = [
      '#### Safety policies',
      '### support',
      '**Destructive:**',
      "🗑️ Queue 'Old' **deleted**",
      '<details><summary>Queues (1)</summary>',
      '### sales',
    ].map((s) => markdown.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('stays within the comment limit, keeps the findings and links the artifact', () => {
    const many = plan(
      Array.from({ length: 3000 }, (_, i) =>
        rc(QUEUE, `Q${i}`, ['create'], null, queue(`Queue number ${i} with a long descriptive name`)),
      ),
    );
    const inputs = [
      { environment: 'support', plan: support },
      { environment: 'big', plan: many },
    ];
    const { markdown, truncated } = renderSummary(inputs, evaluatePolicies(inputs), {
      limit: LIMIT,
      artifactUrl: 'https://ci.example/run/42',
    });
    expect(truncated).toBe(true);
    expect(markdown.length).toBeLessThanOrEqual(LIMIT);
    expect(markdown).toContain('Read it and the plans here: https://ci.example/run/42');
    expect(markdown).toContain("🗑️ Queue 'Old' **deleted**");
    expect(markdown).toContain('This plan changes 3000 objects; the cap is 150.');
  });
});

describe('a plan that imports existing objects (adopting an org)', () => {
  it('counts and lists the imports, which are not changes to the org', () => {
    const adopted = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'module.department.module.queues.genesyscloud_routing_queue.this["Sales - Chat"]',
          mode: 'managed' as const,
          type: 'genesyscloud_routing_queue',
          name: 'this',
          index: 'Sales - Chat',
          change: {
            actions: ['no-op' as const],
            before: { name: 'Sales - Chat' },
            after: { name: 'Sales - Chat' },
            importing: { id: '7c0c7d6a-0000-4000-8000-000000000001' },
          },
        },
      ],
    };
    const inputs = [{ environment: 'sales', plan: adopted }];
    const { markdown } = renderSummary(inputs, evaluatePolicies(inputs), { limit: LIMIT });
    expect(markdown).toContain('| Environment | 📥 import | ➕ create |');
    expect(markdown).toContain('| sales | 1 | 0 | 0 | 0 | 0 | ✅ |');
    expect(markdown).toContain(
      "📥 Queue 'Sales - Chat' imported as it is (id 7c0c7d6a-0000-4000-8000-000000000001)",
    );
  });
});
