// Which environments a change affects, as the plan workflow's matrix: Nx decides (the HCL graph of
// tools/nx-terraform, through `nx show projects --affected -t plan`), the layout orders (org first, since
// departments read its objects by name, then by name).
import path from 'node:path';
import { CxError, run, workspaceRoot } from '@cxops/core';
import { listEnvironments } from '@cxops/layout';

export interface AffectedOptions {
  /** Git refs to compare (a pull request: origin/<base> and HEAD). */
  base?: string;
  head?: string;
  /** Or the changed files themselves. */
  files?: string[];
}

export interface AffectedEnvironments {
  /** Department names, org first. */
  environments: string[];
  /** The GitHub Actions matrix: one job per environment. */
  matrix: { environment: string[] };
}

export async function affectedEnvironments(options: AffectedOptions): Promise<AffectedEnvironments> {
  const workspace = workspaceRoot();
  const args = ['show', 'projects', '--affected', '-t', 'plan', '--json'];
  if (options.files?.length) args.push(`--files=${options.files.join(',')}`);
  else {
    if (options.base) args.push(`--base=${options.base}`);
    if (options.head) args.push(`--head=${options.head}`);
  }
  const nx = path.join(workspace, 'node_modules', '.bin', 'nx');
  const result = await run(nx, args, {
    cwd: workspace,
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
  });
  const projects = parseProjects(result.stdout);
  if (result.exitCode !== 0 || !projects)
    throw new CxError({
      action: 'find the affected environments',
      reason: `nx exited with code ${result.exitCode}${projects ? '' : ' without a project list'}`,
      where: `nx ${args.join(' ')}`,
      fix: options.files?.length
        ? 'check the file paths (relative to the repository root)'
        : 'check that both refs exist (a pull request checkout needs fetch-depth: 0 for origin/<base>)',
      output: `${result.stdout}\n${result.stderr}`,
    });
  const environments = environmentsOfProjects(projects, workspace);
  return { environments, matrix: { environment: environments } };
}

/** The environments among Nx project names, in the layout's order (org first). */
export function environmentsOfProjects(projects: string[], workspace = workspaceRoot()): string[] {
  const wanted = new Set(projects);
  return listEnvironments(workspace)
    .filter((env) => wanted.has(env.project))
    .map((env) => env.environment!.name);
}

function parseProjects(stdout: string): string[] | undefined {
  // Nx may print notices before the JSON; the list is the last line that parses as an array of names.
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const value: unknown = JSON.parse(line);
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
    } catch {
      // not this line
    }
  }
  return undefined;
}
