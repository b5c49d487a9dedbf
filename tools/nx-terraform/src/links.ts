// Linked .tf files. A department root may link shared wiring (versions.tf -> ../org/versions.tf): Terraform
// reads the target, while a git diff names only the target's own path. So a link's target is an input of every
// project that links it. Links are looked at on every run, not cached: the content hash Nx gives a folder
// follows links, so it would not notice a link pointed at another file with the same text.
import { lstatSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ProjectFiles } from './read-project.ts';

export interface LinkedFile {
  /** The workspace-relative .tf file that is a link. */
  file: string;
  /** The workspace-relative file it resolves to. */
  target: string;
}

/**
 * Every project's linked .tf files, by project root (only projects that have any). Synchronous on purpose:
 * a warm graph lstat()s every .tf file (thousands at 500 departments), and one sync call each is far cheaper
 * than a promise each through libuv's thread pool.
 */
export function linkedFilesByProject(
  workspaceRoot: string,
  projects: ProjectFiles[],
): Map<string, LinkedFile[]> {
  const root = realpathSync(workspaceRoot);
  const links = new Map<string, LinkedFile[]>();
  for (const files of projects) {
    const found = files.tf.flatMap((file) => linkOf(workspaceRoot, root, file));
    if (found.length > 0) links.set(files.root, found);
  }
  return links;
}

function linkOf(workspaceRoot: string, realRoot: string, file: string): LinkedFile[] {
  const path = join(workspaceRoot, file);
  if (!lstatSync(path).isSymbolicLink()) return [];
  let resolved: string;
  try {
    resolved = realpathSync(path);
  } catch {
    return []; // a dangling link has no target to follow; reading the project reports it
  }
  const target = relative(realRoot, resolved).split(sep).join('/');
  if (target.startsWith('../') || target === '..') return [];
  return [{ file, target }];
}
