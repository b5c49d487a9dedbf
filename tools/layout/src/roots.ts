// The one answer to "what is this folder?": every package (the Nx plugin, the CLI, the jobs, the tests) asks
// here whether a folder of .tf files is an environment, a module or an example, and what it is called.
// Pure path logic, no I/O: the rules are the repository's layout, not what happens to be on disk.

export type RootKind = 'environment' | 'module' | 'example';

export const ENVIRONMENTS_DIR = 'environments';
export const MODULES_DIR = 'modules';

/** The environment that owns the org-wide objects (divisions, roles, shared skills and codes) departments read. */
export const ORG_ENVIRONMENT = 'org';

export interface EnvironmentIdentity {
  /** The department (folder name under environments/). */
  name: string;
  /** Its state object in the bucket. */
  stateKey: string;
  /** Workspace-relative folder of its plan files (tfplan, plan.json, summary.md, policy.json). */
  planDir: string;
}

export interface RootIdentity {
  /** Workspace-relative folder, with `/` separators. */
  path: string;
  kind: RootKind;
  /** Nx project name: `env-<path below environments/>` or `module-<path below modules/>`. */
  project: string;
  /** The department a folder under environments/ belongs to (a module there belongs to it too). */
  department?: string;
  /** Set for environments only: a folder below an environment (environments/support/shared) is a module. */
  environment?: EnvironmentIdentity;
}

/** Hidden folders hold tool caches (.terraform keeps copies of modules); they are never roots. */
function isHidden(segment: string): boolean {
  return segment.startsWith('.');
}

/**
 * What a workspace-relative folder is, or undefined when it is not a root of this repository (outside
 * environments/ and modules/, or hidden).
 */
export function identifyRoot(relativePath: string): RootIdentity | undefined {
  const segments = relativePath.split(/[\\/]/).filter((s) => s !== '' && s !== '.');
  const [tree, first, ...rest] = segments;
  if (first === undefined || segments.some(isHidden)) return undefined;
  const below = [first, ...rest].join('/');
  const path = segments.join('/');
  if (tree === ENVIRONMENTS_DIR) {
    if (rest.length > 0) return { path, kind: 'module', project: `env-${below}`, department: first };
    return {
      path,
      kind: 'environment',
      project: `env-${below}`,
      department: first,
      environment: { name: first, stateKey: stateKey(first), planDir: planDir(first) },
    };
  }
  if (tree === MODULES_DIR) {
    return { path, kind: rest.includes('examples') ? 'example' : 'module', project: `module-${below}` };
  }
  return undefined;
}

export function stateKey(environment: string): string {
  return `${ENVIRONMENTS_DIR}/${environment}/terraform.tfstate`;
}

export function planDir(environment: string): string {
  return `dist/plans/${environment}`;
}

/** `dist/plans/<env>/plan.json` (or drift.json) → `<env>`; undefined for a file outside the plan folders. */
export function environmentOfPlanFile(relativeFile: string): string | undefined {
  const match = /(?:^|\/)dist\/plans\/([^/]+)\/[^/]+\.json$/.exec(relativeFile.replaceAll('\\', '/'));
  return match?.[1];
}
