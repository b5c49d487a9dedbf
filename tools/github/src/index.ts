export * from './sticky-comment.ts';
export { commentBodyLimit, GITHUB_COMMENT_MAX_CHARS } from './comment-limit.ts';
export { stickyMarker } from './marker.ts';
export * from './context.ts';
export * from './client.ts';
export * from './merged-pull.ts';
export * from './drift-issue.ts';
