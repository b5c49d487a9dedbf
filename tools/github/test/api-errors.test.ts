import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createOctokit, upsertStickyComment } from '../src/index.ts';
import {
  FIXTURE,
  OWNER,
  PR,
  REPO,
  TOKEN,
  allTextOf,
  cxErrorOf,
  useGitHubStandIn,
} from './stand-in/harness.ts';

describe('GitHub API failures', () => {
  const h = useGitHubStandIn();
  const upsert = (more: { token?: string; pullNumber?: number; repo?: string; baseUrl?: string } = {}) =>
    upsertStickyComment({
      octokit:
        more.token || more.baseUrl
          ? createOctokit({ token: more.token ?? TOKEN, baseUrl: more.baseUrl ?? h.base })
          : h.octokit,
      owner: OWNER,
      repo: more.repo ?? REPO,
      pullNumber: more.pullNumber ?? PR,
      body: 'plan',
    });

  it('turn a 401 into a CxError that says to pass GITHUB_TOKEN, without the token', async () => {
    const wrong = 'ghp_expiredToken0123456789abcdefABCDEF';
    const error = await cxErrorOf(upsert({ token: wrong }));
    expect(error.format()).toBe(
      [
        "Can't update the PR comment: GitHub answered 401: Bad credentials",
        `  where: GET ${h.base}/repos/${OWNER}/${REPO}/issues/${PR}/comments?per_page=100 (${OWNER}/${REPO}#${PR})`,
        "  fix:   GITHUB_TOKEN is missing, expired or revoked: pass it to the step as `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` (a workflow's token expires when its job ends).",
        '  exit:  1 (failure)',
      ].join('\n'),
    );
    expect(allTextOf(error)).not.toContain(wrong);
  });

  it('turn a 403 into the fix of granting pull-requests: write, and create nothing', async () => {
    h.standIn.faults.push({ method: 'POST', status: 403, message: 'Resource not accessible by integration' });
    const error = await cxErrorOf(upsert());
    expect(error.details).toMatchObject({
      action: 'update the PR comment',
      reason: 'GitHub answered 403: Resource not accessible by integration',
      where: `POST ${h.base}/repos/${OWNER}/${REPO}/issues/${PR}/comments (${OWNER}/${REPO}#${PR})`,
    });
    expect(error.details.fix).toContain('`permissions: pull-requests: write`');
    expect(error.exitCode).toBe(1);
    expect(allTextOf(error)).not.toContain(TOKEN);
    expect(h.comments()).toEqual([]);
  });

  it('tell a spent rate limit apart from a missing permission', async () => {
    h.standIn.faults.push({
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' },
    });
    const error = await cxErrorOf(upsert());
    expect(error.details.fix).toBe(
      "GitHub's API rate limit for this token is spent: rerun the job after 2026-01-01T00:00:00.000Z. A workflow's GITHUB_TOKEN allows 1,000 requests an hour per repository.",
    );
  });

  it('tell a locked conversation apart from a missing permission', async () => {
    h.standIn.faults.push({
      method: 'POST',
      status: 403,
      message: 'Unable to create comment because issue is locked.',
    });
    const error = await cxErrorOf(upsert());
    expect(error.details.fix).toMatch(/^The conversation of this pull request is locked/);
  });

  it('turn a 404 for an unknown pull request into the fix of checking owner/repo and the number', async () => {
    const error = await cxErrorOf(upsert({ pullNumber: 99 }));
    expect(error.message).toBe("Can't update the PR comment: GitHub answered 404: Not Found");
    expect(error.details.where).toContain(`(${OWNER}/${REPO}#99)`);
    expect(error.details.fix).toBe(
      'Check the owner/repo (GITHUB_REPOSITORY) and the pull request number, and that the token can see the repository: GitHub answers 404, not 403, for repositories a token cannot read.',
    );
    expect(allTextOf(error)).not.toContain(TOKEN);
  });

  it('answer the same 404 fix for a repository the token cannot see', async () => {
    const error = await cxErrorOf(upsert({ repo: 'private-elsewhere' }));
    expect(error.details.fix).toMatch(/^Check the owner\/repo \(GITHUB_REPOSITORY\)/);
  });

  it("carry GitHub's validation errors of a 422 in the reason", async () => {
    h.standIn.faults.push({
      method: 'POST',
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is invalid' }],
      },
    });
    const error = await cxErrorOf(upsert());
    expect(error.details.reason).toBe('GitHub answered 422: Validation Failed (body is invalid)');
    expect(error.details.fix).toMatch(/^GitHub refused the comment as invalid/);
  });

  it('turn a 5xx into the fix of rerunning the job', async () => {
    h.standIn.faults.push({ method: 'GET', status: 500, message: 'Server Error' });
    const error = await cxErrorOf(upsert());
    expect(error.details.reason).toBe('GitHub answered 500: Server Error');
    expect(error.details.fix).toContain('rerun the job');
    expect(error.exitCode).toBe(1);
  });

  it('name GITHUB_API_URL when nothing answers at the base URL', async () => {
    const port = await freePort();
    const error = await cxErrorOf(upsert({ baseUrl: `http://127.0.0.1:${port}` }));
    expect(error.details.reason).toMatch(/^GitHub could not be reached: .*ECONNREFUSED/);
    expect(error.details.fix).toMatch(/^Check GITHUB_API_URL/);
    expect(allTextOf(error)).not.toContain(TOKEN);
  });

  it('redact a token that an answer echoes, whatever its shape', async () => {
    const plain = 'plain-secret-value';
    h.standIn.reset({ ...FIXTURE, tokens: { ...FIXTURE.tokens, [plain]: 'someone' } });
    h.standIn.faults.push({ status: 403, message: `token ${plain} or ${TOKEN} may not do this` });
    const error = await cxErrorOf(upsert({ token: plain }));
    expect(error.details.reason).toBe('GitHub answered 403: token [REDACTED] or [REDACTED] may not do this');
    expect(allTextOf(error)).not.toContain(plain);
    expect(allTextOf(error)).not.toContain(TOKEN);
  });
});

/** A loopback port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}
