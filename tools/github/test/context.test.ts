import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CxError } from '@cxops/core';
import { createOctokit, readPullRequestContext, upsertStickyComment } from '../src/index.ts';
import { OWNER, PR, REPO, TOKEN, allTextOf, useGitHubStandIn } from './stand-in/harness.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'cxops-github-context-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Writes an event JSON (or raw text) to a fresh temp file and returns its path. */
function eventFile(event: unknown): string {
  const file = path.join(dir, `event-${files++}.json`);
  writeFileSync(file, typeof event === 'string' ? event : JSON.stringify(event));
  return file;
}

const actionsEnv = (more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
  GITHUB_EVENT_PATH: eventFile({ action: 'synchronize', pull_request: { number: PR } }),
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_TOKEN: TOKEN,
  GITHUB_API_URL: 'https://api.github.com',
  ...more,
});

function contextError(env: NodeJS.ProcessEnv): CxError {
  try {
    readPullRequestContext(env);
  } catch (error) {
    if (error instanceof CxError) return error;
    throw error;
  }
  throw new Error('expected readPullRequestContext to throw');
}

describe('reading the pull request context', () => {
  it('takes owner, repo, PR number, token and API URL from the Actions environment', () => {
    expect(readPullRequestContext(actionsEnv())).toEqual({
      owner: OWNER,
      repo: REPO,
      pullNumber: PR,
      token: TOKEN,
      baseUrl: 'https://api.github.com',
    });
  });

  it('defaults to the github.com API and takes a GitHub Enterprise API without its trailing slash', () => {
    expect(readPullRequestContext(actionsEnv({ GITHUB_API_URL: undefined })).baseUrl).toBe(
      'https://api.github.com',
    );
    expect(
      readPullRequestContext(actionsEnv({ GITHUB_API_URL: 'https://ghe.acme.test/api/v3/' })).baseUrl,
    ).toBe('https://ghe.acme.test/api/v3');
  });

  it('takes the PR number of a comment made on a pull request', () => {
    const GITHUB_EVENT_PATH = eventFile({ issue: { number: 12, pull_request: { url: 'x' } }, comment: {} });
    expect(readPullRequestContext(actionsEnv({ GITHUB_EVENT_PATH })).pullNumber).toBe(12);
  });

  it('names every missing variable and says how to provide them', () => {
    const error = contextError({ GITHUB_TOKEN: '' });
    expect(error.format()).toBe(
      [
        "Can't read the pull request context: GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_TOKEN are not set",
        '  fix:   Run in GitHub Actions, which sets GITHUB_REPOSITORY and GITHUB_EVENT_PATH, and pass the token to the step: `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`.',
        '  exit:  1 (failure)',
      ].join('\n'),
    );
  });

  it('names the token alone when only the token is missing', () => {
    expect(contextError(actionsEnv({ GITHUB_TOKEN: undefined })).message).toBe(
      "Can't read the pull request context: GITHUB_TOKEN is not set",
    );
  });

  it('refuses a GITHUB_REPOSITORY that is not owner/repo', () => {
    const error = contextError(actionsEnv({ GITHUB_REPOSITORY: 'contact-center' }));
    expect(error.details.reason).toBe('GITHUB_REPOSITORY must be owner/repo; got "contact-center"');
    expect(allTextOf(error)).not.toContain(TOKEN);
  });

  it('names the event file that cannot be read', () => {
    const missing = path.join(dir, 'no-such-event.json');
    const error = contextError(actionsEnv({ GITHUB_EVENT_PATH: missing }));
    expect(error.details).toMatchObject({ reason: 'the event file cannot be read (ENOENT)', where: missing });
  });

  it('names the event file that is not JSON', () => {
    const GITHUB_EVENT_PATH = eventFile('{ not json');
    const error = contextError(actionsEnv({ GITHUB_EVENT_PATH }));
    expect(error.details.reason).toMatch(/^the event file is not valid JSON \(/);
    expect(error.details.where).toBe(GITHUB_EVENT_PATH);
  });

  it('says to run only for pull requests when the event has none', () => {
    const env = actionsEnv({
      GITHUB_EVENT_PATH: eventFile({ ref: 'refs/heads/main' }),
      GITHUB_EVENT_NAME: 'push',
    });
    const error = contextError(env);
    expect(error.details.reason).toBe('the push event has no pull request number (pull_request.number)');
    expect(error.details.fix).toContain("`if: github.event_name == 'pull_request'`");
    expect(allTextOf(error)).not.toContain(TOKEN);
  });

  it('does not take a comment on a plain issue for a pull request', () => {
    const GITHUB_EVENT_PATH = eventFile({ issue: { number: 3 } });
    expect(contextError(actionsEnv({ GITHUB_EVENT_PATH, GITHUB_EVENT_NAME: 'issue_comment' })).message).toBe(
      "Can't read the pull request context: the issue_comment event has no pull request number (pull_request.number)",
    );
  });

  it('refuses a GITHUB_API_URL that is not an http(s) URL', () => {
    const error = contextError(actionsEnv({ GITHUB_API_URL: 'ghe.acme.test' }));
    expect(error.details.reason).toBe('GITHUB_API_URL is not an http(s) URL: "ghe.acme.test"');
    expect(error.details.fix).toContain('https://HOST/api/v3');
  });
});

describe('the context driving a sticky comment', () => {
  const h = useGitHubStandIn();

  it('reaches the API named by GITHUB_API_URL with the token from GITHUB_TOKEN', async () => {
    const context = readPullRequestContext(actionsEnv({ GITHUB_API_URL: `${h.base}/` }));
    const result = await upsertStickyComment({ ...context, octokit: createOctokit(context), body: 'plan' });
    expect(result.action).toBe('created');
    expect(h.comments()).toEqual([{ id: result.commentId, body: '<!-- cxops:plan-summary -->\nplan' }]);
  });
});
