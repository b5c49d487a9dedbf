// Turns octokit's request errors into CxErrors that say what GitHub answered and what to change in the
// workflow. Nothing of the request is copied but its method and URL, and all text is redacted.
import { CxError, EXIT } from '@cxops/core';
import { GITHUB_COMMENT_MAX_CHARS } from './comment-limit.ts';
import { redactTokens } from './redact.ts';

/** The fields of octokit's RequestError we read; duck-typed so no transitive package is imported. */
export interface HttpError extends Error {
  status: number;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

/** GitHub's own message: `message`, plus the validation errors a 422 lists. */
function githubMessage(error: HttpError): string {
  const data = error.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    const { message, errors } = data as { message: string; errors?: unknown };
    const details = Array.isArray(errors)
      ? errors.map((e) =>
          typeof e === 'string' ? e : ((e as { message?: string }).message ?? JSON.stringify(e)),
        )
      : [];
    return details.length ? `${message} (${details.join('; ')})` : message;
  }
  if (typeof data === 'string' && data.trim() !== '') return data.trim().slice(0, 300);
  return error.message;
}

function header(error: HttpError, name: string): string | undefined {
  const value = error.response?.headers?.[name];
  return value === undefined ? undefined : String(value);
}

function rateLimitFix(error: HttpError): string {
  const reset = Number(header(error, 'x-ratelimit-reset'));
  const retryAfter = Number(header(error, 'retry-after'));
  const when =
    reset > 0
      ? ` after ${new Date(reset * 1000).toISOString()}`
      : retryAfter > 0
        ? ` in ${retryAfter} seconds`
        : ' later';
  return `GitHub's API rate limit for this token is spent: rerun the job${when}. A workflow's GITHUB_TOKEN allows 1,000 requests an hour per repository.`;
}

function fixFor(error: HttpError, message: string, forbiddenFix?: string): string {
  const status = error.status;
  if (
    status === 429 ||
    (status === 403 && (header(error, 'x-ratelimit-remaining') === '0' || /rate limit/i.test(message)))
  )
    return rateLimitFix(error);
  if (status === 401)
    return "GITHUB_TOKEN is missing, expired or revoked: pass it to the step as `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` (a workflow's token expires when its job ends).";
  if (status === 403 && /locked/i.test(message))
    return 'The conversation of this pull request is locked: unlock it, or post the plan summary elsewhere.';
  if (status === 403 && forbiddenFix) return forbiddenFix;
  if (status === 403)
    return 'The token may not write pull request comments: give the workflow `permissions: pull-requests: write`. On pull requests from forks the token is read-only; post from a `workflow_run` job instead.';
  if (status === 404)
    return 'Check the owner/repo (GITHUB_REPOSITORY) and the pull request number, and that the token can see the repository: GitHub answers 404, not 403, for repositories a token cannot read.';
  if (status === 422)
    return `GitHub refused the comment as invalid: check the body is markdown of at most ${GITHUB_COMMENT_MAX_CHARS.toLocaleString('en-US')} characters and the number is a pull request of this repository.`;
  if (status >= 500)
    return 'GitHub failed to serve the request: rerun the job; if it keeps failing, see https://www.githubstatus.com.';
  return "Read GitHub's message above; the request was refused as sent.";
}

/** A CxError for an octokit failure; any other error is returned as it is. */
export function githubApiError(
  error: unknown,
  action: string,
  target: string,
  secrets: readonly string[] = [],
  /** The fix for a 403 that is not a rate limit (default: the pull request comment's permission). */
  forbiddenFix?: string,
): unknown {
  if (error instanceof CxError || !isHttpError(error)) return error;
  const { method, url } = error.request ?? {};
  const where = redactTokens(method && url ? `${method} ${url} (${target})` : target, secrets);
  if (!error.response) {
    // No answer at all: octokit reports connection failures as status 500 without a response.
    return new CxError({
      action,
      reason: redactTokens(`GitHub could not be reached: ${error.message}`, secrets),
      where,
      fix: 'Check GITHUB_API_URL (GitHub Enterprise needs https://HOST/api/v3) and that the runner can reach it.',
      exitCode: EXIT.failure,
    });
  }
  const message = githubMessage(error);
  return new CxError({
    action,
    reason: redactTokens(`GitHub answered ${error.status}: ${message}`, secrets),
    where,
    fix: fixFor(error, message, forbiddenFix),
    exitCode: EXIT.failure,
  });
}
