import { describe, expect, it } from 'vitest';
import { fakeClientSecret } from '@cxops/test-support/secrets';
import {
  assembleReviewComment,
  digestPlan,
  evaluatePolicies,
  failedPart,
  managedObjectsAsPlan,
  parseReviewedRecord,
  plannedPart,
  RULES,
  type PlanJson,
  type PlannedPart,
} from '../src/index.ts';
import { plan, queue, rc } from './crafted.ts';

const LIMIT = 65_500;
const QUEUE = 'genesyscloud_routing_queue';

function part(environment: string, p: PlanJson, commit = 'c0ffee'): PlannedPart {
  const { findings } = evaluatePolicies([{ environment, plan: p }]);
  return plannedPart(environment, p, findings, digestPlan(environment, p, { commit }), { commit });
}

const salesPlan = plan([
  rc(QUEUE, 'Sales', ['update'], queue('Sales'), queue('Sales', { acw_timeout_ms: 60000 })),
  rc('genesyscloud_routing_skill', 'Renewals', ['create'], null, { name: 'Renewals' }),
]);
const orgPlan = plan([
  rc(
    'genesyscloud_auth_division',
    'Sales',
    ['no-op'],
    { id: 'd1', name: 'Sales' },
    { id: 'd1', name: 'Sales' },
  ),
]);

describe('assembleReviewComment', () => {
  it('puts every environment in one comment, in matrix order, with its counts and digest', () => {
    const sales = part('sales', salesPlan);
    const comment = assembleReviewComment([sales, part('org', orgPlan)], {
      expected: ['org', 'sales'],
      limit: LIMIT,
      commit: 'c0ffee1234567890',
      runId: '4242',
    });
    expect(comment.partial).toBe(false);
    expect(comment.passed).toBe(true);
    const lines = comment.markdown.split('\n');
    expect(lines[0]).toBe('## cxops plan — 2 environment(s)');
    const rows = lines.filter((l) => /^\| (org|sales) /.test(l));
    expect(rows).toEqual([
      expect.stringMatching(/^\| org \| 0 \| 0 \| 0 \| 0 \| ✅ \| `[0-9a-f]{12}` \|$/),
      `| sales | 1 | 1 | 0 | 0 | ✅ | \`${sales.digest.sha256.slice(0, 12)}\` |`,
    ]);
    expect(comment.markdown).toContain("✏️ Queue 'Sales': ACW timeout 30 s → 60 s");
    expect(comment.markdown).toContain('commit `c0ffee123456`');
    expect(comment.markdown).toContain('applies it only when that plan');
    expect(parseReviewedRecord(comment.markdown)).toEqual({
      format: 'cxops-reviewed/1',
      commit: 'c0ffee1234567890',
      runId: '4242',
      environments: {
        org: { status: 'planned', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        sales: { status: 'planned', sha256: sales.digest.sha256 },
      },
    });
  });

  it('marks a failed and a missing environment at the top: a partial result, which apply refuses', () => {
    const comment = assembleReviewComment(
      [
        part('sales', salesPlan),
        failedPart('billing', {
          action: 'plan billing',
          reason: 'tofu plan exited with code 1: Error: Invalid reference',
        }),
      ],
      { expected: ['billing', 'sales', 'support'], limit: LIMIT, runUrl: 'https://ci/run/1' },
    );
    expect(comment.partial).toBe(true);
    expect(comment.passed).toBe(false);
    const text = comment.markdown;
    expect(text.split('\n')[0]).toBe('## cxops plan — 3 environment(s) — ⚠️ partial result');
    expect(text).toContain('**Partial result: 2 of 3 environment(s) could not be planned.**');
    expect(text).toContain(
      '- **billing**: the plan failed — tofu plan exited with code 1: Error: Invalid reference',
    );
    expect(text).toContain('- **support**: no result (its job failed or was cancelled)');
    expect(text).toContain('| billing | — | — | — | — | ❌ plan failed | — |');
    expect(text).toContain('| support | — | — | — | — | ❌ no result | — |');
    expect(text.indexOf('Partial result')).toBeLessThan(text.indexOf('### sales'));
    expect(parseReviewedRecord(text)?.environments).toMatchObject({
      billing: { status: 'failed' },
      support: { status: 'missing' },
      sales: { status: 'planned' },
    });
  });

  it('runs the cross-root policy over the parts: two roots managing one queue block the change', () => {
    const both = plan([rc(QUEUE, 'Shared', ['create'], null, queue('Shared'))]);
    const parts = [part('sales', both), part('support', both)];
    const inputs = parts.map((p) => ({ environment: p.environment, plan: managedObjectsAsPlan(p) }));
    const cross = evaluatePolicies(
      inputs,
      RULES.filter((r) => r.checkAll),
    ).findings;
    expect(cross.map((f) => `${f.environment} ${f.rule}`)).toEqual([
      'sales single-owner',
      'support single-owner',
    ]);
    const comment = assembleReviewComment(parts, {
      expected: ['sales', 'support'],
      limit: LIMIT,
      crossRootFindings: cross,
    });
    expect(comment.passed).toBe(false);
    expect(comment.markdown).toContain('| sales | 1 | 0 | 0 | 0 | ⛔ 1 blocking |');
    expect(comment.markdown).toContain("Queue 'Shared' is also managed by support");
  });

  it('stays within the limit on a huge plan, keeping counts, digests and destructive changes', () => {
    const many = plan(
      Array.from({ length: 3000 }, (_, i) =>
        rc(
          QUEUE,
          `Queue ${i}`,
          ['update'],
          queue(`Queue ${i}`),
          queue(`Queue ${i}`, { acw_timeout_ms: 60000 }),
        ),
      ).concat([rc(QUEUE, 'Gone', ['delete'], queue('Gone'), null)]),
    );
    const comment = assembleReviewComment([part('support', many)], { expected: ['support'], limit: 20_000 });
    expect(comment.truncated).toBe(true);
    expect(comment.markdown.length).toBeLessThanOrEqual(20_000);
    expect(comment.markdown).toContain('| support | 0 | 3000 | 0 | 1 |');
    expect(comment.markdown).toContain("🗑️ Queue 'Gone' **deleted**");
    expect(parseReviewedRecord(comment.markdown)?.environments.support?.status).toBe('planned');
  });

  it('says so when nothing is affected, and records an empty review', () => {
    const comment = assembleReviewComment([], { expected: [], limit: LIMIT });
    expect(comment.markdown).toContain('No environment is affected by this change');
    expect(parseReviewedRecord(comment.markdown)?.environments).toEqual({});
  });

  it('never carries a credential pasted into the data, in the part or the comment', () => {
    const secret = fakeClientSecret();
    const leaky = plan([
      rc(
        QUEUE,
        'Leaky',
        ['update'],
        queue('Leaky', { description: 'old' }),
        queue('Leaky', { description: secret }),
      ),
    ]);
    const p = part('sales', leaky);
    const comment = assembleReviewComment([p], { expected: ['sales'], limit: LIMIT });
    expect(JSON.stringify(p)).not.toContain(secret);
    expect(comment.markdown).not.toContain(secret);
    expect(comment.markdown).toContain('description old → [hidden: looks like a secret]');
  });
});

describe('the reviewed record', () => {
  it('is one HTML comment line with no "--" inside, whatever the names', () => {
    const comment = assembleReviewComment([part('east--west', salesPlan)], {
      expected: ['east--west'],
      limit: LIMIT,
    });
    const line = comment.markdown.split('\n').find((l) => l.startsWith('<!-- cxops:reviewed '))!;
    expect(line.slice(4, -3)).not.toContain('--');
    expect(parseReviewedRecord(comment.markdown)?.environments).toHaveProperty('east--west');
  });

  it('is not found in a body without one, or with a broken one', () => {
    expect(parseReviewedRecord('## cxops plan\n\nnothing')).toBeUndefined();
    expect(parseReviewedRecord('<!-- cxops:reviewed {not json -->')).toBeUndefined();
  });
});
