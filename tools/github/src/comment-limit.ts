import { CxError, EXIT } from '@cxops/core';

/** GitHub refuses longer comment bodies (422 "Body is too long (maximum is 65536 characters)"). */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;

/** Characters a comment's markdown may take once the sticky marker line (and its newline) is added. */
export function commentBodyLimit(marker: string): number {
  return GITHUB_COMMENT_MAX_CHARS - marker.length - 1;
}

/**
 * Refuses a body GitHub would refuse, before any request: a cut-off comment could end inside a table or a
 * code fence and mislead a reviewer, so shortening is the summary renderer's job, not ours. Counted in UTF-16
 * code units, never fewer than the characters GitHub counts, so a body accepted here is accepted there.
 */
export function assertCommentFits(body: string, action: string, where: string): void {
  if (body.length <= GITHUB_COMMENT_MAX_CHARS) return;
  const count = (n: number) => n.toLocaleString('en-US');
  throw new CxError({
    action,
    reason: `the comment would be ${count(body.length)} characters (marker included); GitHub allows at most ${count(GITHUB_COMMENT_MAX_CHARS)}`,
    where,
    fix: 'Have the summary renderer cut the summary to fit and link the full plan as a workflow artifact; cxops never posts a truncated comment.',
    exitCode: EXIT.failure,
  });
}
