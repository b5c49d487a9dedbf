import { describe, expect, it } from 'vitest';
import { fakeClientSecret } from '@cxops/test-support/secrets';
import {
  compareDigests,
  describeDifferences,
  digestIsIntact,
  digestPlan,
  type PlanDigest,
} from '../src/index.ts';
import { plan, queue, rc } from './crafted.ts';

const QUEUE = 'genesyscloud_routing_queue';
const USER = 'genesyscloud_user';

const billingUpdate = (acw: number, before = 30000) =>
  rc(
    QUEUE,
    'Billing',
    ['update'],
    queue('Billing', { acw_timeout_ms: before }),
    queue('Billing', { acw_timeout_ms: acw }),
  );

describe('digestPlan', () => {
  it('records address, actions and only the attributes an update changes', () => {
    const digest = digestPlan('billing', plan([billingUpdate(60000)]), { commit: 'abc' });
    expect(digest).toMatchObject({
      format: 'cxops-plan-digest/1',
      environment: 'billing',
      commit: 'abc',
      changes: [
        {
          address: 'module.x.genesyscloud_routing_queue.this["Billing"]',
          actions: ['update'],
          attributes: { acw_timeout_ms: { before: 30000, after: 60000 } },
        },
      ],
    });
    expect(digest.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same hash for the same changes, whatever their order or the commit; another for any difference', () => {
    const skill = rc('genesyscloud_routing_skill', 'Spanish', ['create'], null, { name: 'Spanish' });
    const a = digestPlan('billing', plan([billingUpdate(60000), skill]), { commit: 'one' });
    const b = digestPlan('billing', plan([skill, billingUpdate(60000)]), { commit: 'two' });
    expect(b.sha256).toBe(a.sha256);
    expect(digestPlan('billing', plan([billingUpdate(90000), skill])).sha256).not.toBe(a.sha256);
    expect(digestPlan('billing', plan([billingUpdate(60000, 45000), skill])).sha256).not.toBe(a.sha256);
    expect(digestPlan('sales', plan([billingUpdate(60000), skill])).sha256).not.toBe(a.sha256);
  });

  it('leaves out no-ops and reads', () => {
    const same = rc(QUEUE, 'Same', ['no-op'], queue('Same'), queue('Same'));
    const read = { ...rc(QUEUE, 'Read', ['read'], null, queue('Read')), mode: 'data' as const };
    expect(digestPlan('billing', plan([same, read])).changes).toEqual([]);
  });

  it('holds sensitive values, values known after apply and credential-shaped text by marker only', () => {
    const secret = fakeClientSecret();
    const user = rc(
      USER,
      'ana',
      ['update'],
      { name: 'Ana', password: 'old-pass-value', title: 'Agent', note: 'x' },
      { name: 'Ana', password: 'new-pass-value', title: 'Lead', note: `pasted ${secret}` },
      {
        before_sensitive: { password: true },
        after_sensitive: { password: true },
        after_unknown: { division_id: true },
      },
    );
    const digest = digestPlan('support', plan([user]));
    expect(digest.changes[0]!.attributes).toEqual({
      division_id: { before: null, after: { $cxops: 'unknown' } },
      note: { before: 'x', after: { $cxops: 'secret-like' } },
      password: { before: { $cxops: 'sensitive' }, after: { $cxops: 'sensitive' } },
      title: { before: 'Agent', after: 'Lead' },
    });
    const text = JSON.stringify(digest);
    for (const hidden of ['old-pass-value', 'new-pass-value', secret]) expect(text).not.toContain(hidden);
  });

  it('lists a sensitive attribute that does not change nowhere, without holding its value', () => {
    const user = rc(
      USER,
      'ana',
      ['update'],
      { name: 'Ana', password: 'same-value', title: 'Agent' },
      { name: 'Ana', password: 'same-value', title: 'Lead' },
      { before_sensitive: { password: true }, after_sensitive: { password: true } },
    );
    expect(Object.keys(digestPlan('support', plan([user])).changes[0]!.attributes)).toEqual(['title']);
  });

  it('hides nested sensitive and unknown parts inside a block', () => {
    const before = queue('Q', { media_settings_call: [{ alerting_timeout_sec: 8, token: 'tok-before' }] });
    const after = queue('Q', { media_settings_call: [{ alerting_timeout_sec: 10, token: 'tok-after' }] });
    const change = rc(QUEUE, 'Q', ['update'], before, after, {
      before_sensitive: { media_settings_call: [{ token: true }] },
      after_sensitive: { media_settings_call: [{ token: true }] },
      after_unknown: { media_settings_call: [{ id: true }] },
    });
    const { attributes } = digestPlan('x', plan([change])).changes[0]!;
    expect(attributes.media_settings_call).toEqual({
      before: [{ alerting_timeout_sec: 8, token: { $cxops: 'sensitive' } }],
      after: [{ alerting_timeout_sec: 10, token: { $cxops: 'sensitive' }, id: { $cxops: 'unknown' } }],
    });
  });
});

describe('compareDigests', () => {
  const reviewed = digestPlan('billing', plan([billingUpdate(60000)]));

  it('finds nothing when the plans make the same changes', () => {
    expect(compareDigests(reviewed, digestPlan('billing', plan([billingUpdate(60000)])))).toEqual({
      same: true,
      differences: [],
    });
  });

  it('names an attribute whose starting value changed outside code (before differs, after the same)', () => {
    const now = digestPlan('billing', plan([billingUpdate(60000, 45000)]));
    const { same, differences } = compareDigests(reviewed, now);
    expect(same).toBe(false);
    expect(describeDifferences(differences)).toEqual([
      '- `module.x.genesyscloud_routing_queue.this["Billing"]` `acw_timeout_ms`: reviewed 30000 → 60000; now 45000 → 60000',
    ]);
  });

  it('names objects planned only now, no longer planned, and a changed action', () => {
    const extra = rc('genesyscloud_routing_skill', 'VIP', ['create'], null, { name: 'VIP' });
    const gone = rc(QUEUE, 'Old', ['delete'], queue('Old'), null);
    const base = digestPlan('billing', plan([billingUpdate(60000), gone]));
    const now = digestPlan(
      'billing',
      plan([
        rc(
          QUEUE,
          'Billing',
          ['delete', 'create'],
          queue('Billing'),
          queue('Billing', { acw_timeout_ms: 60000 }),
        ),
        extra,
      ]),
    );
    expect(describeDifferences(compareDigests(base, now).differences)).toEqual([
      '- `module.x.genesyscloud_routing_queue.this["Billing"]`: reviewed to update, would now **replace (delete, then create)**',
      '- `module.x.genesyscloud_routing_queue.this["Old"]`: reviewed to delete, **no longer planned**',
      '- `module.x.genesyscloud_routing_skill.this["VIP"]`: **not in the reviewed plan** — would now create',
    ]);
  });

  it('describes hidden values by marker; two different secret values look alike (the digest holds neither)', () => {
    const user = (after: string) =>
      rc(
        USER,
        'ana',
        ['update'],
        { name: 'Ana', password: 'a' },
        { name: 'Ana', password: after },
        {
          before_sensitive: { password: true },
          after_sensitive: { password: true },
          after_unknown: after === 'b' ? {} : { division_id: true },
        },
      );
    const lines = describeDifferences(
      compareDigests(digestPlan('s', plan([user('b')])), digestPlan('s', plan([user('c')]))).differences,
    );
    expect(lines).toEqual([
      '- `module.x.genesyscloud_user.this["ana"]` `division_id`: reviewed not changed; now null → (known after apply)',
    ]);
  });
});

describe('digestIsIntact', () => {
  it('notices a digest file edited after it was written', () => {
    const digest = digestPlan('billing', plan([billingUpdate(60000)]));
    expect(digestIsIntact(digest)).toBe(true);
    const edited: PlanDigest = JSON.parse(JSON.stringify(digest));
    edited.changes[0]!.attributes.acw_timeout_ms!.after = 90000;
    expect(digestIsIntact(edited)).toBe(false);
  });
});
