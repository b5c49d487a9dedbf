// The roots on disk: the layout's rules applied to the folders that hold .tf files (or links to them).
// Synchronous: a few dozen folders, read where tests are collected as well as in commands.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ENVIRONMENTS_DIR, MODULES_DIR, ORG_ENVIRONMENT, identifyRoot, type RootIdentity } from './roots.ts';

/** Every root (environment, module, example) under environments/ and modules/, sorted by path. */
export function listRoots(workspaceRoot: string): RootIdentity[] {
  const found: RootIdentity[] = [];
  const walk = (relative: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(workspaceRoot, relative), { withFileTypes: true });
    } catch {
      return;
    }
    const identity = identifyRoot(relative);
    if (identity && entries.some((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.tf')))
      found.push(identity);
    for (const entry of entries)
      if (entry.isDirectory() && !entry.name.startsWith('.')) walk(`${relative}/${entry.name}`);
  };
  for (const tree of [ENVIRONMENTS_DIR, MODULES_DIR]) walk(tree);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The environment roots, the org root first (departments read its objects), then by name. */
export function listEnvironments(workspaceRoot: string): RootIdentity[] {
  return listRoots(workspaceRoot)
    .filter((r) => r.kind === 'environment')
    .sort(
      (a, b) =>
        Number(b.department === ORG_ENVIRONMENT) - Number(a.department === ORG_ENVIRONMENT) ||
        a.path.localeCompare(b.path),
    );
}
