// The pull request a step runs for, read the way GitHub Actions provides it: GITHUB_REPOSITORY, the event
// JSON at GITHUB_EVENT_PATH, GITHUB_TOKEN and GITHUB_API_URL (set to the server's API on GitHub Enterprise).
import { readFileSync } from 'node:fs';
import { CxError, EXIT } from '@cxops/core';

export interface PullRequestContext {
  owner: string;
  repo: string;
  pullNumber: number;
  token: string;
  /** The REST API root without a trailing slash, e.g. https://api.github.com. */
  baseUrl: string;
}

const ACTION = 'read the pull request context';
const DEFAULT_API_URL = 'https://api.github.com';
const REQUIRED = ['GITHUB_REPOSITORY', 'GITHUB_EVENT_PATH', 'GITHUB_TOKEN'] as const;

const fail = (reason: string, fix: string, where?: string, action = ACTION) =>
  new CxError({ action, reason, fix, where, exitCode: EXIT.failure });

/** `env` is injectable so tests need not touch process.env. The token's value never enters an error. */
export function readPullRequestContext(env: NodeJS.ProcessEnv = process.env): PullRequestContext {
  // An unset secret expands to an empty string in a workflow, so empty counts as missing.
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length) {
    const names = missing.join(', ');
    throw fail(
      `${names} ${missing.length === 1 ? 'is' : 'are'} not set`,
      'Run in GitHub Actions, which sets GITHUB_REPOSITORY and GITHUB_EVENT_PATH, and pass the token to the step: `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`.',
    );
  }
  return {
    ...repository(env.GITHUB_REPOSITORY!.trim()),
    pullNumber: pullNumber(env.GITHUB_EVENT_PATH!, env.GITHUB_EVENT_NAME),
    token: env.GITHUB_TOKEN!.trim(),
    baseUrl: apiUrl(env.GITHUB_API_URL),
  };
}

function repository(value: string): { owner: string; repo: string } {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(value);
  if (!match) {
    throw fail(
      `GITHUB_REPOSITORY must be owner/repo; got ${JSON.stringify(value)}`,
      'Leave it to GitHub Actions, or set it as owner/repo (e.g. acme/contact-center).',
    );
  }
  return { owner: match[1]!, repo: match[2]! };
}

function pullNumber(eventPath: string, eventName: string | undefined): number {
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(
      code
        ? `the event file cannot be read (${code})`
        : `the event file is not valid JSON (${(error as Error).message})`,
      'Point GITHUB_EVENT_PATH at the event JSON GitHub Actions wrote for this run.',
      eventPath,
    );
  }
  // pull_request and pull_request_target carry pull_request; a comment on a PR (issue_comment) carries issue.
  const { pull_request: pr, issue } = (event ?? {}) as {
    pull_request?: { number?: unknown };
    issue?: { number?: unknown; pull_request?: unknown };
  };
  const number = pr?.number ?? (issue?.pull_request ? issue.number : undefined);
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw fail(
      `the ${eventName ? `${eventName} ` : ''}event has no pull request number (pull_request.number)`,
      "Run this step only for pull requests: trigger on `pull_request`, or add `if: github.event_name == 'pull_request'` to it.",
      eventPath,
    );
  }
  return number;
}

function apiUrl(value: string | undefined): string {
  const text = value?.trim() || DEFAULT_API_URL;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw fail(
      `GITHUB_API_URL is not an http(s) URL: ${JSON.stringify(text)}`,
      `Unset it for github.com (${DEFAULT_API_URL}), or set your GitHub Enterprise server's API, https://HOST/api/v3.`,
    );
  }
  return text.replace(/\/+$/, '');
}

export interface RepositoryContext {
  owner: string;
  repo: string;
  token: string;
  baseUrl: string;
}

/** The repository a step runs in (GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_API_URL): for jobs without a pull request. */
export function readRepositoryContext(env: NodeJS.ProcessEnv = process.env): RepositoryContext {
  const missing = (['GITHUB_REPOSITORY', 'GITHUB_TOKEN'] as const).filter((name) => !env[name]?.trim());
  if (missing.length)
    throw fail(
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`,
      'Run in GitHub Actions, which sets GITHUB_REPOSITORY, and pass the token to the step: `env: GITHUB_TOKEN: ${{ github.token }}`.',
      undefined,
      'read the repository context',
    );
  return {
    ...repository(env.GITHUB_REPOSITORY!.trim()),
    token: env.GITHUB_TOKEN!.trim(),
    baseUrl: apiUrl(env.GITHUB_API_URL),
  };
}
