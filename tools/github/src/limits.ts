// The comment size limit and the sticky marker without the GitHub client: what a summary needs to fit a PR
// comment, for commands that render summaries and never call GitHub (importing @octokit/rest costs ~60 ms).
export { commentBodyLimit } from './comment-limit.ts';
export { stickyMarker } from './marker.ts';
