// Workspace-relative paths and Nx input patterns. Everything the plugin stores is a posix path relative to
// the workspace root, so cached results do not depend on where the checkout lives.
import { posix } from 'node:path';

/** Joins `relative` onto the workspace-relative `dir`; undefined when the result leaves the workspace. */
export function resolveInWorkspace(dir: string, relative: string): string | undefined {
  const joined = posix.normalize(posix.join(dir, relative)).replace(/\/$/, '');
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  return joined === '.' ? '' : joined;
}

/** An Nx file input for a workspace-relative path or glob, relative to the project when it lies inside it. */
export function toInput(projectRoot: string, path: string): string {
  if (path === projectRoot) return '{projectRoot}';
  if (path.startsWith(`${projectRoot}/`)) return `{projectRoot}/${path.slice(projectRoot.length + 1)}`;
  return `{workspaceRoot}/${path}`;
}
