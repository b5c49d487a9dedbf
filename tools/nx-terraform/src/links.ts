// Linked .tf files. A department root may link shared wiring (versions.tf -> ../org/versions.tf): Terraform
// reads the target, while a git diff names only the target's own path. So a link's target is an input of every
// project that links it. Links are looked at on every run, not cached: the content hash Nx gives a folder
// follows links, so it would not notice a link pointed at another file with the same text.
import { lstat, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ProjectFiles } from './read-project.ts';

export interface LinkedFile {
  /** The workspace-relative .tf file that is a link. */
  file: string;
  /** The workspace-relative file it resolves to. */
  target: string;
}

/** The .tf files of a project that are symbolic links to files elsewhere in the workspace. */
export async function linkedFiles(workspaceRoot: string, files: ProjectFiles): Promise<LinkedFile[]> {
  const root = await realpath(workspaceRoot);
  const found = await Promise.all(
    files.tf.map(async (file): Promise<LinkedFile | undefined> => {
      const path = join(workspaceRoot, file);
      if (!(await lstat(path)).isSymbolicLink()) return undefined;
      // A dangling link has no target to follow; reading the project reports it.
      const resolved = await realpath(path).catch(() => undefined);
      if (resolved === undefined) return undefined;
      const target = relative(root, resolved).split(sep).join('/');
      if (target.startsWith('../') || target === '..') return undefined;
      return { file, target };
    }),
  );
  return found.filter((link): link is LinkedFile => link !== undefined);
}
