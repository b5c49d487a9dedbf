// The roots on disk: the layout's rules applied to the folders that hold .tf files.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ENVIRONMENTS_DIR, MODULES_DIR, ORG_ENVIRONMENT, identifyRoot, type RootIdentity } from './roots.ts';

/** Every root (environment, module, example) under environments/ and modules/, sorted by path. */
export async function listRoots(workspaceRoot: string): Promise<RootIdentity[]> {
  const found: RootIdentity[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(workspaceRoot, relative), { withFileTypes: true }).catch(
      () => [],
    );
    const identity = identifyRoot(relative);
    if (identity && entries.some((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.tf')))
      found.push(identity);
    for (const entry of entries)
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(`${relative}/${entry.name}`);
  };
  for (const tree of [ENVIRONMENTS_DIR, MODULES_DIR]) await walk(tree);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The environment roots, the org root first (departments read its objects), then by name. */
export async function listEnvironments(workspaceRoot: string): Promise<RootIdentity[]> {
  const environments = (await listRoots(workspaceRoot)).filter((r) => r.kind === 'environment');
  return environments.sort(
    (a, b) =>
      Number(b.department === ORG_ENVIRONMENT) - Number(a.department === ORG_ENVIRONMENT) ||
      a.path.localeCompare(b.path),
  );
}
