// At merge, the apply job asks GitHub which pull request a commit on main came from, and reads that pull
// request's sticky comment: the review the plan workflow recorded there is what apply may carry out. Only a
// comment written by the workflow's own identity counts (default github-actions[bot]): anyone can comment on
// a pull request, and a look-alike must not pass for the record.
import type { Octokit } from '@octokit/rest';
import { githubApiError } from './api-error.ts';
import { carriesMarker, stickyMarker } from './marker.ts';

export const FIND_REVIEW_ACTION = 'find the reviewed pull request';
export const WORKFLOW_LOGIN = 'github-actions[bot]';

export interface MergedPullRequestOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The commit on the default branch (the push that triggered apply). */
  commit: string;
  /** The sticky comment's name (default plan-summary). */
  name?: string;
  /** Who may have written the comment. */
  authors?: string[];
}

export interface MergedPullRequest {
  number: number;
  /** The pull request's head when it was merged: what the last plan must have been made for. */
  headSha: string;
  /** The body of the newest sticky comment by an allowed author, if any. */
  commentBody?: string;
  commentUrl?: string;
}

interface Pull {
  number: number;
  merge_commit_sha?: string | null;
  merged_at?: string | null;
  head: { sha: string };
}

interface Comment {
  id: number;
  body?: string | null;
  html_url: string;
  created_at: string;
  user?: { login?: string } | null;
}

/** The merged pull request `commit` came from, or undefined for a direct push. */
export async function findMergedPullRequest(
  options: MergedPullRequestOptions,
): Promise<MergedPullRequest | undefined> {
  const { octokit, owner, repo, commit } = options;
  const target = `${owner}/${repo}@${commit}`;
  try {
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      owner,
      repo,
      commit_sha: commit,
    });
    const pulls = data as Pull[];
    const pull = pulls.find((p) => p.merge_commit_sha === commit) ?? pulls.find((p) => p.merged_at);
    if (!pull) return undefined;
    const marker = stickyMarker(options.name ?? 'plan-summary');
    const authors = options.authors ?? [WORKFLOW_LOGIN];
    const comments: Comment[] = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pull.number,
      per_page: 100,
    });
    const comment = comments
      .filter((c) => carriesMarker(c.body, marker) && authors.includes(c.user?.login ?? ''))
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id)
      .at(-1);
    return {
      number: pull.number,
      headSha: pull.head.sha,
      ...(comment ? { commentBody: comment.body ?? '', commentUrl: comment.html_url } : {}),
    };
  } catch (error) {
    throw githubApiError(error, FIND_REVIEW_ACTION, target);
  }
}
