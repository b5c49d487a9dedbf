import { describe, expect, it } from 'vitest';
import type { Attribution } from '@cxops/audit';
import type { DriftedObject } from '@cxops/plan';
import { buildReport, changedByText, issueContent, renderMarkdown } from '../src/report.ts';

const queue = (name: string, before: number, after: number): DriftedObject => ({
  address: `module.department.module.queues.genesyscloud_routing_queue.this["${name}"]`,
  type: 'genesyscloud_routing_queue',
  name,
  id: `id-${name}`,
  kind: 'update',
  attributes: [{ attribute: 'acw_timeout_ms', before, after, apply: before }],
  subject: `Queue '${name}'`,
  details: [`ACW timeout ${before / 1000} s → ${after / 1000} s`],
  description: `Queue '${name}': ACW timeout ${before / 1000} s → ${after / 1000} s`,
});

const jane: Attribution = {
  address: queue('Sales - Chat', 120000, 60000).address,
  status: 'found',
  changes: [
    {
      at: '2026-06-03T14:22:05.000Z',
      actor: { kind: 'person', name: 'Jane Supervisor', id: 'u1' },
      action: 'Update',
      properties: ['acwSettings.timeoutMs'],
    },
  ],
};

const check = (drifted: DriftedObject[]) => ({
  environment: 'sales',
  drifted,
  pending: [],
  ignored: [{ address: 'x', attributes: ['groups'] }],
});
const at = { checkedAt: new Date('2026-06-04T03:17:00Z'), auditCalls: 4 };

describe('the drift report', () => {
  it('says what changed, was → now, who and when, and what to do', () => {
    const report = buildReport(check([queue('Sales - Chat', 120000, 60000)]), [jane], at);
    expect(report).toMatchObject({
      schema: 'cxops.drift/1',
      environment: 'sales',
      status: 'drift',
      checkedAt: '2026-06-04T03:17:00.000Z',
      ignored: 1,
      auditCalls: 4,
      drifted: [
        {
          name: 'Sales - Chat',
          changedBy: { status: 'found', changes: [{ actor: { name: 'Jane Supervisor' } }] },
        },
      ],
    });
    expect(renderMarkdown(report)).toBe(
      [
        '## Drift in sales: 1 object changed outside code',
        '',
        'Checked 2026-06-04 03:17 UTC. Nothing was changed back: the code still says otherwise, so the next apply of `sales` would undo this change.',
        '',
        '| Object | Changed outside code (was → now) | By | When |',
        '| --- | --- | --- | --- |',
        "| Queue 'Sales - Chat' | ACW timeout 120 s → 60 s | Jane Supervisor (person) | 2026-06-03 14:22 UTC |",
        '',
        '**What to do**',
        '',
        '- Keep a change: put it into code (`environments/sales/`, or the module it comes from) in a pull request. Once merged and applied, it is no longer drift.',
        "- Undo a change: apply `sales` (the apply workflow, or `cxops plan sales` then `cxops apply sales`); the code's values come back.",
        '',
        '_1 object read back with values no apply would change (empty for null, computed values): not drift._',
      ].join('\n'),
    );
  });

  it('is clean without drifted objects, and its fingerprint follows the values only', () => {
    const clean = buildReport(check([]), [], at);
    expect(clean.status).toBe('clean');
    expect(renderMarkdown(clean)).toContain('## No drift in sales');
    const a = buildReport(check([queue('Sales - Chat', 120000, 60000)]), [jane], at);
    const sameLater = buildReport(check([queue('Sales - Chat', 120000, 60000)]), [], {
      ...at,
      checkedAt: new Date(),
    });
    const other = buildReport(check([queue('Sales - Chat', 120000, 45000)]), [jane], at);
    expect(sameLater.fingerprint).toBe(a.fingerprint);
    expect(other.fingerprint).not.toBe(a.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("tells the service account's own change, another client's, and an unreadable audit log apart", () => {
    expect(
      changedByText({
        status: 'found',
        changes: [
          {
            at: '2026-06-03T14:22:05Z',
            actor: { kind: 'service-account', name: 'the cxops service account (OAuth client abc)' },
            action: 'Update',
            properties: [],
          },
          {
            at: '2026-06-03T15:00:00Z',
            actor: { kind: 'oauth-client', name: 'OAuth client def' },
            action: 'Update',
            properties: [],
          },
        ],
      }),
    ).toEqual({
      who: 'the cxops service account (OAuth client abc), OAuth client def (an integration, not cxops)',
      at: '2026-06-03 14:22 UTC … 2026-06-03 15:00 UTC',
    });
    expect(changedByText({ status: 'unavailable', changes: [], note: '403' }).who).toBe(
      'unknown: the audit log could not be read',
    );
    expect(
      changedByText({ status: 'none', changes: [], note: 'no audit message in the last 30 days' }).who,
    ).toBe('not in the audit log (no audit message in the last 30 days)');
  });

  it('escapes table cells and cuts the table, never the text around it, to fit a limit', () => {
    const many = Array.from({ length: 400 }, (_, i) => queue(`Queue | ${i}`, 120000, 60000));
    const report = buildReport(check(many), [], at);
    const full = renderMarkdown(report);
    expect(full).toContain("| Queue 'Queue \\| 0' |");
    const cut = renderMarkdown(report, {
      limit: 10_000,
      fullReport: 'reports/sales/drift.md in the state bucket',
    });
    expect(cut.length).toBeLessThanOrEqual(10_000);
    expect(cut).toMatch(/\| … \d+ more \| see reports\/sales\/drift\.md in the state bucket \| \| \|/);
    expect(cut).toContain('**What to do**');
    const issue = issueContent(report, 'reports/sales/drift.md');
    expect(issue.title).toBe('Drift in sales: 400 objects changed outside code');
    expect(issue.body.length).toBeLessThanOrEqual(65_000);
    expect(issue.changeNote).toMatch(
      /^The drift changed \(checked 2026-06-04 03:17 UTC\): 400 objects now — Queue/,
    );
    expect(issue.cleanNote).toBe(
      'No drift in sales any more (checked 2026-06-04 03:17 UTC): the org matches the code again. Closing.',
    );
  });
});
