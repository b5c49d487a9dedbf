// What the repository holds, read from the tree, so tests that check "every module" or "every department"
// find new ones by themselves instead of keeping a list.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from '@cxops/core';

/**
 * Workspace-relative folders under modules/ and environments/ that hold .tf files (modules, their examples,
 * environment roots), sorted. Hidden folders (.terraform) and tofu test folders (tests/) are skipped.
 */
export function terraformFolders(root: string = workspaceRoot()): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith('.tf'))) found.push(dir);
    for (const e of entries)
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'tests') walk(`${dir}/${e.name}`);
  };
  for (const top of ['modules', 'environments']) walk(top);
  return found.sort();
}

/** Environment roots: `environments/<name>`. */
export function environmentRoots(root?: string): string[] {
  return terraformFolders(root).filter((dir) => /^environments\/[^/]+$/.test(dir));
}

/** Modules (examples excluded): `modules/<name>`. */
export function moduleFolders(root?: string): string[] {
  return terraformFolders(root).filter((dir) => dir.startsWith('modules/') && !dir.includes('/examples/'));
}

/** Module examples: `modules/<name>/examples/<example>`. */
export function moduleExamples(root?: string): string[] {
  return terraformFolders(root).filter((dir) => dir.startsWith('modules/') && dir.includes('/examples/'));
}
