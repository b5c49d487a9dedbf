// Exactly one open issue per drifted environment: created on the first drift, updated (and commented, so
// watchers hear of it) when the drift changes, commented and closed when the environment is clean again.
// The issue is found by a hidden marker on its first line and a label; a fingerprint line says which drift it
// describes, so an unchanged drift writes nothing. Two runs racing to create it both re-read the list after
// creating, keep the lowest-numbered issue and close the other as a duplicate, so they converge on one.
import type { Octokit } from '@octokit/rest';
import { githubApiError, isHttpError } from './api-error.ts';
import { tokenOf } from './client.ts';
import { assertCommentFits } from './comment-limit.ts';
import { carriesMarker, stickyMarker } from './marker.ts';

export const DRIFT_LABEL = 'cxops-drift';
export const DRIFT_ISSUE_ACTION = 'keep the drift issue current';

export interface DriftIssueOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  environment: string;
  /** The current drift, or null when the environment is clean. */
  drift: { title: string; body: string; fingerprint: string; changeNote: string } | null;
  /** Posted on the issue when the environment is clean again. */
  cleanNote: string;
  label?: string;
}

export interface DriftIssueResult {
  action: 'created' | 'updated' | 'unchanged' | 'closed' | 'none';
  issueNumber?: number;
  url?: string;
  /** Issues of this environment closed as duplicates (a race of two runs). */
  closedDuplicates: number[];
}

interface Issue {
  number: number;
  body?: string | null;
  html_url: string;
  pull_request?: unknown;
}

const FORBIDDEN_FIX =
  'The token may not write issues: give the job that syncs them `permissions: issues: write` (and only that job).';

export function driftMarker(environment: string): string {
  return stickyMarker(`drift:${environment}`);
}

const fingerprintLine = (fingerprint: string) => `<!-- cxops:drift-fingerprint:${fingerprint} -->`;

function fingerprintOf(body: string | null | undefined): string | undefined {
  return /^<!-- cxops:drift-fingerprint:([\w-]+) -->$/m.exec(body ?? '')?.[1];
}

export async function syncDriftIssue(options: DriftIssueOptions): Promise<DriftIssueResult> {
  const { octokit, owner, repo, environment } = options;
  const target = `${owner}/${repo} (drift issue of ${environment})`;
  try {
    return await sync(options);
  } catch (error) {
    throw githubApiError(error, DRIFT_ISSUE_ACTION, target, await tokenOf(octokit), FORBIDDEN_FIX);
  }
}

async function sync(options: DriftIssueOptions): Promise<DriftIssueResult> {
  const { octokit, owner, repo, drift } = options;
  const label = options.label ?? DRIFT_LABEL;
  const marker = driftMarker(options.environment);
  const open = async (): Promise<Issue[]> =>
    (
      (await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'open',
        labels: label,
        per_page: 100,
      })) as Issue[]
    )
      .filter((i) => !i.pull_request && carriesMarker(i.body, marker))
      .sort((a, b) => a.number - b.number);

  let issues = await open();
  if (!drift) {
    for (const issue of issues) {
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issue.number,
        body: options.cleanNote,
      });
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      });
    }
    const [first] = issues;
    return first
      ? {
          action: 'closed',
          issueNumber: first.number,
          url: first.html_url,
          closedDuplicates: issues.slice(1).map((i) => i.number),
        }
      : { action: 'none', closedDuplicates: [] };
  }

  const body = `${marker}\n${fingerprintLine(drift.fingerprint)}\n${drift.body}`;
  assertCommentFits(body, DRIFT_ISSUE_ACTION, `${owner}/${repo}`);
  let action: DriftIssueResult['action'] = 'unchanged';
  if (issues.length === 0) {
    await ensureLabel(octokit, owner, repo, label);
    const { data: created } = await octokit.rest.issues.create({
      owner,
      repo,
      title: drift.title,
      body,
      labels: [label],
    });
    action = 'created';
    // Another run may have created one at the same moment: read again and keep the oldest.
    issues = await open();
    if (!issues.some((i) => i.number === created.number))
      issues = [...issues, created].sort((a, b) => a.number - b.number);
  }
  const [kept, ...duplicates] = issues as [Issue, ...Issue[]];
  for (const duplicate of duplicates) {
    await octokit.rest.issues
      .update({ owner, repo, issue_number: duplicate.number, state: 'closed', state_reason: 'not_planned' })
      .catch(ignoreGone);
    await octokit.rest.issues
      .createComment({ owner, repo, issue_number: duplicate.number, body: `Duplicate of #${kept.number}.` })
      .catch(ignoreGone);
  }
  if (fingerprintOf(kept.body) !== drift.fingerprint) {
    await octokit.rest.issues.update({ owner, repo, issue_number: kept.number, title: drift.title, body });
    if (action !== 'created') {
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: kept.number,
        body: drift.changeNote,
      });
      action = 'updated';
    }
  }
  return {
    action,
    issueNumber: kept.number,
    url: kept.html_url,
    closedDuplicates: duplicates.map((d) => d.number),
  };
}

/** A concurrent run closed or commented first: the goal is reached. */
function ignoreGone(error: unknown): void {
  if (!(isHttpError(error) && (error.status === 404 || error.status === 410))) throw error;
}

async function ensureLabel(octokit: Octokit, owner: string, repo: string, name: string): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ owner, repo, name });
  } catch (error) {
    if (!(isHttpError(error) && error.status === 404)) throw error;
    await octokit.rest.issues
      .createLabel({
        owner,
        repo,
        name,
        color: 'd93f0b',
        description: 'Changed outside code: found by the nightly drift check (cxops)',
      })
      .catch((created: unknown) => {
        // Created by a concurrent run in between.
        if (!(isHttpError(created) && created.status === 422)) throw created;
      });
  }
}
