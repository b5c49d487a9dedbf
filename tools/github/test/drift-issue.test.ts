// The one-issue-per-environment lifecycle against the GitHub stand-in: created on the first drift, left alone
// while the drift is the same, updated (and commented) when it changes, commented and closed when clean;
// never two open issues for one environment, even when two runs race.
import { describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { DRIFT_LABEL, driftMarker, syncDriftIssue, type DriftIssueOptions } from '../src/index.ts';
import { ISSUE, ISSUE_COMMENTS, ISSUES, LABEL, LABELS } from '../src/routes.ts';
import { OWNER, REPO, cxErrorOf, useGitHubStandIn } from './stand-in/harness.ts';

const drift = (fingerprint: string, line: string): DriftIssueOptions['drift'] => ({
  title: 'Drift in sales: 1 object changed outside code',
  body: `- ${line}`,
  fingerprint,
  changeNote: `The drift changed: ${line}`,
});

describe('syncDriftIssue against the GitHub stand-in', () => {
  const h = useGitHubStandIn();
  const sync = (environment: string, current: DriftIssueOptions['drift']) =>
    syncDriftIssue({
      octokit: h.octokit,
      owner: OWNER,
      repo: REPO,
      environment,
      drift: current,
      cleanNote: `No drift in ${environment} any more.`,
    });
  const issues = () =>
    h.standIn.store.issues.map((i) => ({ number: i.number, state: i.state, title: i.title }));
  const openIssues = (environment: string) =>
    h.standIn.store.issues.filter((i) => i.state === 'open' && i.body.startsWith(driftMarker(environment)));
  const commentsOn = (number: number) => h.standIn.store.list(`${OWNER}/${REPO}`, number).map((c) => c.body);

  it('runs the whole lifecycle: create, unchanged, update with a comment, close with a comment', async () => {
    const first = await sync('sales', drift('aaa', "Queue 'Sales - Chat': ACW timeout 120 s → 60 s"));
    expect(first).toMatchObject({ action: 'created', issueNumber: 9, closedDuplicates: [] });
    expect(first.url).toBe(`${h.base}/${OWNER}/${REPO}/issues/9`);
    const stored = h.standIn.store.issues[0]!;
    expect(stored.labels).toEqual([DRIFT_LABEL]);
    expect(stored.body).toBe(
      `<!-- cxops:drift:sales -->\n<!-- cxops:drift-fingerprint:aaa -->\n- Queue 'Sales - Chat': ACW timeout 120 s → 60 s`,
    );

    const writes = h.writes().length;
    expect(await sync('sales', drift('aaa', 'same drift, rendered again'))).toMatchObject({
      action: 'unchanged',
      issueNumber: 9,
    });
    expect(h.writes()).toHaveLength(writes);

    const changed = await sync('sales', drift('bbb', "Queue 'Sales - Chat': ACW timeout 120 s → 45 s"));
    expect(changed).toMatchObject({ action: 'updated', issueNumber: 9 });
    expect(h.standIn.store.issues[0]!.body).toContain('120 s → 45 s');
    expect(commentsOn(9)).toEqual(["The drift changed: Queue 'Sales - Chat': ACW timeout 120 s → 45 s"]);

    expect(await sync('sales', null)).toMatchObject({ action: 'closed', issueNumber: 9 });
    expect(issues()).toEqual([
      { number: 9, state: 'closed', title: 'Drift in sales: 1 object changed outside code' },
    ]);
    expect(h.standIn.store.issues[0]!.stateReason).toBe('completed');
    expect(commentsOn(9).at(-1)).toBe('No drift in sales any more.');

    expect(await sync('sales', null)).toEqual({ action: 'none', closedDuplicates: [] });
    // Drift again after the close: a new issue, the closed one stays closed.
    expect(await sync('sales', drift('ccc', 'again'))).toMatchObject({ action: 'created', issueNumber: 10 });
  });

  it('keeps one issue per environment, apart from the issues of other environments', async () => {
    await sync('sales', drift('s1', 'sales queue'));
    await sync('support', drift('p1', 'support user'));
    await sync('sales', drift('s1', 'sales queue'));
    expect(openIssues('sales')).toHaveLength(1);
    expect(openIssues('support')).toHaveLength(1);
    await sync('support', null);
    expect(openIssues('sales')).toHaveLength(1);
    expect(openIssues('support')).toHaveLength(0);
  });

  it('ends with exactly one open issue when two runs race to create it', async () => {
    const results = await Promise.all([
      sync('sales', drift('r1', 'race')),
      sync('sales', drift('r1', 'race')),
    ]);
    expect(h.standIn.store.issues).toHaveLength(2); // both created one…
    expect(openIssues('sales').map((i) => i.number)).toEqual([9]); // …and the later one was closed
    expect(h.standIn.store.issues[1]).toMatchObject({ state: 'closed', stateReason: 'not_planned' });
    expect(commentsOn(10)).toContain('Duplicate of #9.');
    expect(results.map((r) => r.issueNumber)).toEqual([9, 9]);
    // A third run finds the one and writes nothing.
    const writes = h.writes().length;
    expect(await sync('sales', drift('r1', 'race'))).toMatchObject({ action: 'unchanged', issueNumber: 9 });
    expect(h.writes()).toHaveLength(writes);
  });

  it('ignores issues that only mention the marker, or lack the label, and pull requests', async () => {
    const store = h.standIn.store;
    store.createIssue(
      `${OWNER}/${REPO}`,
      { title: 'question', body: `why is ${driftMarker('sales')} there?`, labels: [DRIFT_LABEL] },
      'someone',
    );
    store.createIssue(
      `${OWNER}/${REPO}`,
      { title: 'unlabelled', body: `${driftMarker('sales')}\nold`, labels: [] },
      'someone',
    );
    expect(await sync('sales', drift('x', 'new'))).toMatchObject({ action: 'created', issueNumber: 11 });
  });

  it('says which permission is missing when GitHub refuses, without the token', async () => {
    h.standIn.faults.push({ status: 403, message: 'Resource not accessible by integration' });
    const error = await cxErrorOf(sync('sales', drift('x', 'y')));
    expect(error.format()).toContain("Can't keep the drift issue current: GitHub answered 403");
    expect(error.details.fix).toContain('issues: write');
    expect(error.format()).not.toContain('ghs_');
  });
});

describe('the issue route constants', () => {
  it('are the routes of the octokit methods the drift issue calls', () => {
    const issues = new Octokit().rest.issues;
    const route = (method: { endpoint: { DEFAULTS: { method: string; url?: string } } }) =>
      `${method.endpoint.DEFAULTS.method} ${method.endpoint.DEFAULTS.url}`;
    expect(
      [
        issues.listForRepo,
        issues.create,
        issues.update,
        issues.getLabel,
        issues.createLabel,
        issues.createComment,
      ].map(route),
    ).toEqual([
      `GET ${ISSUES}`,
      `POST ${ISSUES}`,
      `PATCH ${ISSUE}`,
      `GET ${LABEL}`,
      `POST ${LABELS}`,
      `POST ${ISSUE_COMMENTS}`,
    ]);
  });
});
