// The Terraform projects a set of changed files reaches, from this plugin's own data (createNodes and
// createDependencies, called in-process with their cache) instead of starting the Nx CLI: pre-commit needs the
// answer in a fraction of a second, and `nx show projects --affected --files` takes several. A test checks
// that both give the same projects.
import { readdirSync } from 'node:fs';
import path, { posix } from 'node:path';
import { AggregateCreateNodesError, type CreateNodesResult, type ProjectConfiguration } from '@nx/devkit';
import { createDependencies } from './create-dependencies.ts';
import { createNodes } from './create-nodes.ts';
import type { ProjectKind } from './layout.ts';

export interface TerraformProject {
  name: string;
  /** Workspace-relative folder. */
  root: string;
  kind: ProjectKind;
  /** Its README carries terraform-docs tables (the docs check applies). */
  docs: boolean;
}

export interface AffectedTerraformProjects {
  /** Projects that hold one of the files (or read it). */
  touched: TerraformProject[];
  /** The touched projects and every project that depends on one of them, transitively. */
  affected: TerraformProject[];
}

/** `files`: workspace-relative or absolute paths. */
export async function affectedTerraformProjects(
  workspaceRoot: string,
  files: string[],
): Promise<AffectedTerraformProjects> {
  const projects = await terraformProjects(workspaceRoot);
  const touched = new Set<string>();
  for (const file of files) {
    const relative = toRelative(workspaceRoot, file);
    for (const owner of owningProjects(relative, projects)) touched.add(owner);
  }
  const dependents = new Map<string, string[]>();
  const dependencies = await createDependencies(
    {},
    {
      projects: Object.fromEntries(projects.map((p) => [p.name, p])),
      externalNodes: {},
      nxJsonConfiguration: {},
      fileMap: { projectFileMap: {}, nonProjectFiles: [] },
      filesToProcess: { projectFileMap: {}, nonProjectFiles: [] },
      workspaceRoot,
    },
  );
  for (const { source, target } of dependencies)
    dependents.set(target, [...(dependents.get(target) ?? []), source]);
  const affected = new Set(touched);
  const queue = [...touched];
  while (queue.length) {
    for (const next of dependents.get(queue.shift()!) ?? [])
      if (!affected.has(next)) {
        affected.add(next);
        queue.push(next);
      }
  }
  const nameToProject = new Map(projects.map((p) => [p.name, p]));
  const describe = (name: string): TerraformProject => {
    const p = nameToProject.get(name)!;
    return {
      name,
      root: p.root,
      kind: (p.metadata?.terraform?.kind ?? 'module') as ProjectKind,
      docs: !!p.targets?.docs,
    };
  };
  return {
    touched: [...touched].sort().map(describe),
    affected: [...affected].sort().map(describe),
  };
}

type Project = ProjectConfiguration & { name: string };

/** The project whose folder holds the file (the deepest), and every project whose code reads it. */
function owningProjects(file: string, projects: Project[]): string[] {
  const owners: string[] = [];
  const holder = projects
    .filter((p) => file.startsWith(`${p.root}/`))
    .sort((a, b) => b.root.length - a.root.length)[0];
  if (holder) owners.push(holder.name);
  for (const p of projects) {
    const reads: { input: string }[] = p.metadata?.terraform?.reads ?? [];
    if (reads.some((r) => inputMatches(r.input, p.root, file))) owners.push(p.name);
  }
  return owners;
}

/** Whether an Nx file input (`{projectRoot}/flows/a.yaml`, `{workspaceRoot}/x/*.tf`) names the file. */
function inputMatches(input: string, root: string, file: string): boolean {
  const pattern = input.replace('{projectRoot}', root).replace('{workspaceRoot}/', '');
  if (!pattern.includes('*')) return pattern === file;
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );
  return regex.test(file);
}

async function terraformProjects(workspaceRoot: string): Promise<Project[]> {
  const [, create] = createNodes;
  let results: Array<readonly [string, CreateNodesResult]>;
  try {
    results = await create(terraformFiles(workspaceRoot), {}, { nxJsonConfiguration: {}, workspaceRoot });
  } catch (error) {
    // A file that does not parse: the others still count (its own root is validated, which reports it).
    if (!(error instanceof AggregateCreateNodesError)) throw error;
    results = error.partialResults ?? [];
  }
  return results.flatMap(([, r]) => Object.values(r.projects ?? {})) as Project[];
}

/** Every .tf file (links included) under modules/ and environments/, as the plugin's glob matches them. */
function terraformFiles(workspaceRoot: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(workspaceRoot, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.tf')) found.push(child);
    }
  };
  walk('modules');
  walk('environments');
  return found.sort();
}

function toRelative(workspaceRoot: string, file: string): string {
  const relative = path.isAbsolute(file) ? path.relative(workspaceRoot, file) : file;
  return relative.split(path.sep).join('/');
}
