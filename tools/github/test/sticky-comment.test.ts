import { describe, expect, it } from 'vitest';
import { Octokit } from '@octokit/rest';
import { GITHUB_COMMENT_MAX_CHARS, stickyMarker, upsertStickyComment } from '../src/index.ts';
import { COMMIT_PULLS, ISSUE_COMMENT, ISSUE_COMMENTS } from '../src/routes.ts';
import { OWNER, PR, REPO, cxErrorOf, useGitHubStandIn } from './stand-in/harness.ts';

const MARKER = '<!-- cxops:plan-summary -->';

describe('upsertStickyComment against the GitHub stand-in', () => {
  const h = useGitHubStandIn();
  const upsert = (body: string, more: { marker?: string; pullNumber?: number } = {}) =>
    upsertStickyComment({ octokit: h.octokit, owner: OWNER, repo: REPO, pullNumber: PR, body, ...more });

  it('creates the comment on the first run, with the marker as its first line', async () => {
    const result = await upsert('## Plan\n\n2 to add');
    expect(h.comments()).toEqual([{ id: result.commentId, body: `${MARKER}\n## Plan\n\n2 to add` }]);
    expect(result).toEqual({
      action: 'created',
      commentId: result.commentId,
      url: `${h.base}/${OWNER}/${REPO}/pull/${PR}#issuecomment-${result.commentId}`,
      deletedCommentIds: [],
    });
  });

  it('updates the same comment on the second run, so exactly one marked comment remains', async () => {
    const first = await upsert('2 to add');
    const second = await upsert('3 to add');
    expect(second).toMatchObject({ action: 'updated', commentId: first.commentId, url: first.url });
    expect(h.comments()).toEqual([{ id: first.commentId, body: `${MARKER}\n3 to add` }]);
  });

  it('writes nothing when the body is unchanged', async () => {
    const first = await upsert('2 to add');
    const writesBefore = h.writes();
    const again = await upsert('2 to add');
    expect(again).toMatchObject({ action: 'unchanged', commentId: first.commentId, url: first.url });
    expect(h.writes()).toEqual(writesBefore);
  });

  it('does not add the marker twice when the body already starts with it', async () => {
    await upsert(`${MARKER}\nalready marked`);
    expect(h.comments().map((c) => c.body)).toEqual([`${MARKER}\nalready marked`]);
  });

  it('finds the marker behind 250 unrelated comments by reading every page', async () => {
    const store = h.standIn.store;
    for (let i = 0; i < 250; i++) store.create(`${OWNER}/${REPO}`, PR, `review note ${i}`, 'reviewer');
    const sticky = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nold plan`, 'github-actions[bot]');
    const result = await upsert('new plan');
    expect(result).toMatchObject({ action: 'updated', commentId: sticky.id });
    expect(h.comments()).toHaveLength(251);
    const pages = h.standIn.requests.filter((r) => r.method === 'GET').map((r) => r.url);
    expect(pages).toEqual([
      `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100`,
      `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100&page=2`,
      `/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100&page=3`,
    ]);
  });

  it('keeps the newest of several marked comments and deletes the older ones', async () => {
    const store = h.standIn.store;
    const oldest = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nrun 1`, 'github-actions[bot]');
    const human = store.create(`${OWNER}/${REPO}`, PR, 'looks good', 'reviewer');
    const middle = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nrun 2`, 'github-actions[bot]');
    const newest = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nrun 3`, 'github-actions[bot]');
    const result = await upsert('run 4');
    expect(result).toMatchObject({
      action: 'updated',
      commentId: newest.id,
      deletedCommentIds: [oldest.id, middle.id],
    });
    expect(h.comments()).toEqual([
      { id: human.id, body: 'looks good' },
      { id: newest.id, body: `${MARKER}\nrun 4` },
    ]);
  });

  it('still resolves duplicates when the newest is already current', async () => {
    const store = h.standIn.store;
    const older = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nsame`, 'github-actions[bot]');
    const newest = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nsame`, 'github-actions[bot]');
    const result = await upsert('same');
    expect(result).toMatchObject({
      action: 'unchanged',
      commentId: newest.id,
      deletedCommentIds: [older.id],
    });
    expect(h.writes()).toEqual([`DELETE /repos/:owner/:repo/issues/comments/:comment_id 204`]);
  });

  it('accepts a duplicate that a concurrent run deleted first', async () => {
    const store = h.standIn.store;
    const older = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nrun 1`, 'github-actions[bot]');
    const newest = store.create(`${OWNER}/${REPO}`, PR, `${MARKER}\nrun 2`, 'github-actions[bot]');
    h.standIn.faults.push({ method: 'DELETE', status: 404, message: 'Not Found', times: 1 });
    const result = await upsert('run 3');
    expect(result).toMatchObject({ action: 'updated', commentId: newest.id, deletedCommentIds: [older.id] });
  });

  it('keeps reports with different markers apart', async () => {
    const plan = await upsert('plan summary');
    const drift = await upsert('drift report', { marker: stickyMarker('drift') });
    await upsert('plan summary, again changed');
    expect(drift.commentId).not.toBe(plan.commentId);
    expect(h.comments()).toEqual([
      { id: plan.commentId, body: `${MARKER}\nplan summary, again changed` },
      { id: drift.commentId, body: '<!-- cxops:drift -->\ndrift report' },
    ]);
  });

  it('leaves alone a comment that mentions the marker below its first line', async () => {
    const store = h.standIn.store;
    const mention = `Why does cxops write \`${MARKER}\`?\n${MARKER}`;
    const human = store.create(`${OWNER}/${REPO}`, PR, mention, 'reviewer');
    const result = await upsert('plan');
    expect(result.action).toBe('created');
    expect(h.comments()).toEqual([
      { id: human.id, body: mention },
      { id: result.commentId, body: `${MARKER}\nplan` },
    ]);
  });

  it('posts a body of exactly the limit, marker included', async () => {
    const body = 'x'.repeat(GITHUB_COMMENT_MAX_CHARS - MARKER.length - 1);
    const result = await upsert(body);
    expect(result.action).toBe('created');
    expect(h.comments()[0]!.body).toHaveLength(GITHUB_COMMENT_MAX_CHARS);
  });

  it('refuses a body over the limit with the limit and the fix, and sends no request', async () => {
    const body = 'x'.repeat(GITHUB_COMMENT_MAX_CHARS - MARKER.length);
    const error = await cxErrorOf(upsert(body));
    expect(GITHUB_COMMENT_MAX_CHARS).toBe(65_536);
    expect(error.format()).toBe(
      [
        `Can't update the PR comment: the comment would be 65,537 characters (marker included); GitHub allows at most 65,536`,
        `  where: ${OWNER}/${REPO}#${PR}`,
        '  fix:   Have the summary renderer cut the summary to fit and link the full plan as a workflow artifact; cxops never posts a truncated comment.',
        '  exit:  1 (failure)',
      ].join('\n'),
    );
    expect(h.standIn.requests).toEqual([]);
    expect(h.comments()).toEqual([]);
  });

  it('refuses a marker that is not a one-line HTML comment', async () => {
    await expect(upsert('plan', { marker: 'cxops:plan' })).rejects.toThrow(TypeError);
    await expect(upsert('plan', { marker: '<!-- a -- b -->' })).rejects.toThrow(/one-line HTML comment/);
    expect(() => stickyMarker('bad name')).toThrow(TypeError);
    expect(h.standIn.requests).toEqual([]);
  });

  it('refuses a pull request number that is not a positive integer', async () => {
    await expect(upsert('plan', { pullNumber: 0 })).rejects.toThrow(/pullNumber must be a positive integer/);
  });

  it('writes as the identity of the token it was given', async () => {
    await upsert('plan');
    expect(h.standIn.store.comments.map((c) => c.login)).toEqual(['github-actions[bot]']);
  });
});

describe('the route constants', () => {
  it('are the routes of the octokit methods cxops calls', () => {
    const issues = new Octokit().rest.issues;
    const route = (method: { endpoint: { DEFAULTS: { method: string; url?: string } } }) =>
      `${method.endpoint.DEFAULTS.method} ${method.endpoint.DEFAULTS.url}`;
    expect(
      [issues.listComments, issues.createComment, issues.updateComment, issues.deleteComment].map(route),
    ).toEqual([
      `GET ${ISSUE_COMMENTS}`,
      `POST ${ISSUE_COMMENTS}`,
      `PATCH ${ISSUE_COMMENT}`,
      `DELETE ${ISSUE_COMMENT}`,
    ]);
    expect(route(new Octokit().rest.repos.listPullRequestsAssociatedWithCommit)).toBe(`GET ${COMMIT_PULLS}`);
  });
});
