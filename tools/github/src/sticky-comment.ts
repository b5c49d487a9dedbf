// One comment per pull request that cxops keeps current: found by its hidden marker, updated in place, created
// when missing. Duplicates (two runs racing to create it) are resolved in favour of the newest.
import type { Octokit } from '@octokit/rest';
import { githubApiError, isHttpError } from './api-error.ts';
import { tokenOf } from './client.ts';
import { assertCommentFits } from './comment-limit.ts';
import { assertMarker, carriesMarker, stickyMarker, withMarker } from './marker.ts';

export const STICKY_COMMENT_ACTION = 'update the PR comment';

export interface StickyCommentOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  pullNumber: number;
  /** Markdown; the marker is put on its first line unless it is there already. */
  body: string;
  /** The hidden first line that identifies the comment; default `stickyMarker()`, `<!-- cxops:plan-summary -->`. */
  marker?: string;
}

export interface StickyCommentResult {
  /** `unchanged`: the comment already had this body, so nothing was written. */
  action: 'created' | 'updated' | 'unchanged';
  commentId: number;
  /** The comment on github.com (html_url). */
  url: string;
  /** Older marked comments that were deleted. */
  deletedCommentIds: number[];
}

interface Comment {
  id: number;
  body?: string | null;
  html_url: string;
  created_at: string;
}

export async function upsertStickyComment(options: StickyCommentOptions): Promise<StickyCommentResult> {
  const { octokit, owner, repo, pullNumber } = options;
  if (!Number.isInteger(pullNumber) || pullNumber < 1)
    throw new TypeError(`upsertStickyComment: pullNumber must be a positive integer; got ${pullNumber}`);
  const marker = options.marker ?? stickyMarker();
  assertMarker(marker);
  const target = `${owner}/${repo}#${pullNumber}`;
  const body = withMarker(options.body, marker);
  assertCommentFits(body, STICKY_COMMENT_ACTION, target);
  try {
    return await upsert(octokit, { owner, repo, pullNumber, body, marker });
  } catch (error) {
    throw githubApiError(error, STICKY_COMMENT_ACTION, target, await tokenOf(octokit));
  }
}

async function upsert(
  octokit: Octokit,
  {
    owner,
    repo,
    pullNumber,
    body,
    marker,
  }: { owner: string; repo: string; pullNumber: number; body: string; marker: string },
): Promise<StickyCommentResult> {
  // Every page: the marker may sit behind hundreds of review-bot comments.
  const comments: Comment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: pullNumber,
    per_page: 100,
  });
  const marked = comments.filter((c) => carriesMarker(c.body, marker)).sort(oldestFirst);
  const newest = marked.at(-1);
  if (!newest) {
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: pullNumber, body });
    return { action: 'created', commentId: data.id, url: data.html_url, deletedCommentIds: [] };
  }
  let action: StickyCommentResult['action'] = 'unchanged';
  let url = newest.html_url;
  if (newest.body !== body) {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: newest.id, body });
    action = 'updated';
    url = data.html_url;
  }
  // Older duplicates go only once the newest is current, so the PR never shows no summary.
  const deletedCommentIds: number[] = [];
  for (const old of marked.slice(0, -1)) {
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: old.id }).catch((error: unknown) => {
      // A concurrent run deleted it first: the goal is reached.
      if (!(isHttpError(error) && error.status === 404)) throw error;
    });
    deletedCommentIds.push(old.id);
  }
  return { action, commentId: newest.id, url, deletedCommentIds };
}

/** Creation time, then id (ids grow), since two racing runs can create comments within the same second. */
function oldestFirst(a: Comment, b: Comment): number {
  return Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id;
}
