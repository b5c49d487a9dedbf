// Which environments one `cxops apply` run takes: those named, every one (--all), or those a change affects
// (--affected: Nx decides, from the same project graph `nx affected -t plan` uses).
import { CxError, run, workspaceRoot } from '@cxops/core';
import { listEnvironments } from '@cxops/layout';

export interface Selection {
  names?: string[];
  all?: boolean;
  affected?: { base?: string; head?: string };
}

export async function selectEnvironments(selection: Selection): Promise<string[]> {
  const environments = listEnvironments(workspaceRoot());
  if (selection.all) return environments.map((e) => e.environment!.name);
  if (!selection.affected) return selection.names ?? [];
  const args = ['nx', 'show', 'projects', '--affected', '-t', 'apply', '--json'];
  if (selection.affected.base) args.push(`--base=${selection.affected.base}`);
  if (selection.affected.head) args.push(`--head=${selection.affected.head}`);
  const result = await run('npx', args, {
    cwd: workspaceRoot(),
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  let projects: string[];
  try {
    projects = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
  } catch {
    projects = [];
  }
  if (result.exitCode !== 0)
    throw new CxError({
      action: 'find the affected environments',
      reason: `nx exited with code ${result.exitCode}`,
      where: `npx ${args.join(' ')}`,
      fix: 'check --base/--head (a commit both sides have), or name the environments',
      output: result.stderr,
    });
  const byProject = new Map(environments.map((e) => [e.project, e.environment!.name]));
  return projects.flatMap((p) => (byProject.has(p) ? [byProject.get(p)!] : []));
}
