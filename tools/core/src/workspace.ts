import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: found from this file, so commands work from any directory inside it. */
export function workspaceRoot(): string {
  if (process.env.CXOPS_WORKSPACE_ROOT) return path.resolve(process.env.CXOPS_WORKSPACE_ROOT);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cxops must run inside the repository (no nx.json found above it)');
    dir = parent;
  }
  return dir;
}

/** Local, git-ignored state of the tooling (stack data, credentials of local services, caches). */
export function localStateDir(root = workspaceRoot()): string {
  return process.env.CXOPS_STATE_DIR ? path.resolve(process.env.CXOPS_STATE_DIR) : path.join(root, '.cxops');
}
