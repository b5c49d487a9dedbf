// What the repository holds, read from the tree through the layout's rules, so tests that check "every
// module" or "every department" find new ones by themselves instead of keeping a list.
import { workspaceRoot } from '@cxops/core';
import { listRoots } from '@cxops/layout';

/** Workspace-relative folders of every module, example and environment root, sorted. */
export function terraformFolders(root: string = workspaceRoot()): string[] {
  return listRoots(root).map((r) => r.path);
}

/** Environment roots: `environments/<name>`. */
export function environmentRoots(root: string = workspaceRoot()): string[] {
  return listRoots(root)
    .filter((r) => r.kind === 'environment')
    .map((r) => r.path);
}

/** Modules (examples excluded): `modules/<name>`. */
export function moduleFolders(root: string = workspaceRoot()): string[] {
  return listRoots(root)
    .filter((r) => r.kind === 'module' && r.path.startsWith('modules/'))
    .map((r) => r.path);
}

/** Module examples: `modules/<name>/examples/<example>`. */
export function moduleExamples(root: string = workspaceRoot()): string[] {
  return listRoots(root)
    .filter((r) => r.kind === 'example')
    .map((r) => r.path);
}
