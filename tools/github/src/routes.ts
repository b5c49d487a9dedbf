// The GitHub REST routes this package calls, in octokit's notation. The client reaches them through octokit's
// issues.* methods; the test stand-in registers its routes from these constants, and a test checks that they
// still equal the methods' own routes, so the two cannot drift apart.

/** List (GET, paginated) and create (POST) the comments of an issue or pull request. */
export const ISSUE_COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
/** Update (PATCH) and delete (DELETE) one issue comment. */
export const ISSUE_COMMENT = '/repos/{owner}/{repo}/issues/comments/{comment_id}';
/** List (GET) the pull requests a commit belongs to: for a merge commit on the default branch, the merged one. */
export const COMMIT_PULLS = '/repos/{owner}/{repo}/commits/{commit_sha}/pulls';
/** List (GET, paginated; pull requests included) and create (POST) the issues of a repository. */
export const ISSUES = '/repos/{owner}/{repo}/issues';
/** Update (PATCH) one issue: its title, body, state. */
export const ISSUE = '/repos/{owner}/{repo}/issues/{issue_number}';
/** Create (POST) a label. */
export const LABELS = '/repos/{owner}/{repo}/labels';
/** Read (GET) one label. */
export const LABEL = '/repos/{owner}/{repo}/labels/{name}';
