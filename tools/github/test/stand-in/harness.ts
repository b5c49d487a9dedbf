// Starts the GitHub stand-in on a free loopback port for one test file; every test starts from the fixture.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Octokit } from '@octokit/rest';
import { CxError } from '@cxops/core';
import { createOctokit } from '../../src/index.ts';
import { createGitHubStandIn, listen, type GitHubStandIn } from './server.ts';
import type { StandInFixture } from './store.ts';

/** Shaped like an Actions token so the redaction of both kinds (exact and by shape) is exercised. */
export const TOKEN = 'ghs_standInToken0123456789abcdefABCDEF';
export const OWNER = 'acme';
export const REPO = 'contact-center';
export const PR = 7;

export const FIXTURE: StandInFixture = {
  repos: { [`${OWNER}/${REPO}`]: [PR, 8] },
  tokens: { [TOKEN]: 'github-actions[bot]' },
};

export interface StandInHarness {
  base: string;
  standIn: GitHubStandIn;
  octokit: Octokit;
  /** Comments on a pull request, oldest first. */
  comments: (pullNumber?: number) => { id: number; body: string }[];
  /** POST, PATCH and DELETE requests the stand-in answered. */
  writes: () => string[];
}

export function useGitHubStandIn(fixture: StandInFixture = FIXTURE): StandInHarness {
  const h = {} as StandInHarness;
  beforeAll(async () => {
    h.standIn = createGitHubStandIn(fixture);
    h.base = await listen(h.standIn);
    h.octokit = createOctokit({ token: TOKEN, baseUrl: h.base });
    h.comments = (pullNumber = PR) =>
      h.standIn.store.list(`${OWNER}/${REPO}`, pullNumber).map(({ id, body }) => ({ id, body }));
    h.writes = () =>
      h.standIn.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.route} ${r.status}`);
  });
  beforeEach(() => h.standIn.reset());
  afterAll(async () => {
    await h.standIn?.app.close();
  });
  return h;
}

/** The CxError a promise rejects with; fails the test when it resolves or rejects with something else. */
export async function cxErrorOf(promise: Promise<unknown>): Promise<CxError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CxError)) throw new Error(`expected a CxError, got ${String(error)}`);
  return error;
}

/** Everything a CxError could show or serialise, for asserting the token is in none of it. */
export const allTextOf = (error: CxError) =>
  [error.message, error.format(), JSON.stringify(error.toJSON()), error.stack ?? ''].join('\n');
