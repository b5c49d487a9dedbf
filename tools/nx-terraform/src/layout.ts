// Which folders are projects and what they are called. Names carry the kind as a prefix and keep the path
// below modules/ or environments/ whole (`/` cannot occur in a folder name), so two folders never share one.

export type ProjectKind = 'environment' | 'module' | 'example';

export interface ProjectIdentity {
  root: string;
  name: string;
  kind: ProjectKind;
  /** The folder name under environments/, for everything below it. */
  department?: string;
  tags: string[];
}

/** Folders whose .tf files are never projects: tool caches and hidden folders (.terraform holds copies). */
function isHidden(segment: string): boolean {
  return segment.startsWith('.');
}

/** The project a folder of .tf files is, or undefined when it is not one (outside the two trees, hidden). */
export function identify(root: string): ProjectIdentity | undefined {
  const segments = root.split('/');
  const [tree, first, ...rest] = segments;
  if (first === undefined || segments.some(isHidden)) return undefined;
  const path = [first, ...rest].join('/');
  if (tree === 'environments') {
    const kind: ProjectKind = rest.length === 0 ? 'environment' : 'module';
    return {
      root,
      name: `env-${path}`,
      kind,
      department: first,
      tags: ['terraform', `type:${kind}`, `department:${first}`],
    };
  }
  if (tree === 'modules') {
    const kind: ProjectKind = rest.includes('examples') ? 'example' : 'module';
    return { root, name: `module-${path}`, kind, tags: ['terraform', `type:${kind}`] };
  }
  return undefined;
}
