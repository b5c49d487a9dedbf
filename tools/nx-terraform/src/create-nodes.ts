// createNodes: every folder of .tf files under modules/ and environments/ becomes a project. Layers: group
// the matched files into project folders → hash them and look each up in the cache → parse the misses
// (errors collected per file) → build each project's configuration from what the HCL uses.
import { posix } from 'node:path';
import {
  AggregateCreateNodesError,
  type CreateNodes,
  type CreateNodesContext,
  type CreateNodesResult,
  type ProjectConfiguration,
} from '@nx/devkit';
import { calculateHashesForCreateNodes } from '@nx/devkit/internal';
import { CACHE_VERSION, ProjectCache } from './cache.ts';
import { cachedReferenceReader } from './file-references.ts';
import { identify, type ProjectIdentity } from './layout.ts';
import { linkedFilesByProject, type LinkedFile } from './links.ts';
import { normalizeOptions, type NormalizedOptions, type TerraformPluginOptions } from './options.ts';
import { resolveInWorkspace, toInput } from './paths.ts';
import { readTerraformProject, type ProjectFiles, type TerraformProjectInfo } from './read-project.ts';
import { buildTerraformTargets, terraformNamedInputs } from './targets.ts';

/**
 * The files that make a folder a project. Only .tf: Nx treats deleting a file that matches this pattern as a
 * change to every project (it cannot know what the file contributed), so data files such as .tfvars stay out
 * and reach plans through inputs instead, where deleting one affects only its own department.
 */
export const TERRAFORM_GLOB = '{modules,environments}/**/*.tf';

type CreateNodesResults = Array<readonly [file: string, result: CreateNodesResult]>;

export const createNodes: CreateNodes<TerraformPluginOptions> = [
  TERRAFORM_GLOB,
  async (configFiles, options, context) => {
    const normalized = normalizeOptions(options);
    const projects = groupProjectFiles(configFiles);
    const cache = new ProjectCache(context.workspaceRoot);
    try {
      const { infos, errors } = await readProjects(projects, cache, context);
      const links = linkedFilesByProject(context.workspaceRoot, projects);
      const results: CreateNodesResults = projects.map((files) => [
        configFileOf(files),
        { projects: { [files.root]: buildProject(files.root, infos, links, normalized) } },
      ]);
      // Nx reports each file's error and keeps the projects in `results`, broken ones included.
      if (errors.length > 0) throw new AggregateCreateNodesError(errors, results);
      return results;
    } finally {
      cache.save();
    }
  },
];

/**
 * The newest Nx API calls it createNodes; createNodesV2 is the same function under its older name.
 * @alias
 */
export const createNodesV2 = createNodes;

/** Folders with .tf files that are projects, each with its .tf files. */
export function groupProjectFiles(files: readonly string[]): ProjectFiles[] {
  const projects = new Map<string, ProjectFiles>();
  for (const file of [...files].sort()) {
    const root = posix.dirname(file);
    if (!file.endsWith('.tf') || !identify(root)) continue;
    if (!projects.has(root)) projects.set(root, { root, tf: [] });
    projects.get(root)!.tf.push(file);
  }
  return [...projects.values()];
}

/** The file a project is reported under: main.tf when there is one. */
function configFileOf(files: ProjectFiles): string {
  return files.tf.find((f) => posix.basename(f) === 'main.tf') ?? files.tf[0]!;
}

async function readProjects(projects: ProjectFiles[], cache: ProjectCache, context: CreateNodesContext) {
  const hashes = await calculateHashesForCreateNodes(
    projects.map((p) => p.root),
    { cacheVersion: CACHE_VERSION },
    context,
  );
  const infos = new Map<string, TerraformProjectInfo>();
  const errors: Array<[file: string, error: Error]> = [];
  const referencesOf = cachedReferenceReader(cache);
  await Promise.all(
    projects.map(async (files, i) => {
      const hash = hashes[i]!;
      const cached = cache.get(hash);
      if (cached) return infos.set(files.root, cached);
      const read = await readTerraformProject(context.workspaceRoot, files, referencesOf);
      infos.set(files.root, read.info);
      // Broken projects are not cached, so their errors are reported on every run until fixed.
      if (read.errors.length === 0) cache.set(hash, read.info);
      errors.push(...read.errors);
    }),
  );
  errors.sort(([a], [b]) => a.localeCompare(b));
  return { infos, errors };
}

function buildProject(
  root: string,
  infos: Map<string, TerraformProjectInfo>,
  links: Map<string, LinkedFile[]>,
  options: NormalizedOptions,
): ProjectConfiguration {
  const identity = identify(root)!;
  const info = infos.get(root)!;
  const reads = readInputs(identity, infos, links.get(root) ?? []);
  const targets = buildTerraformTargets({ ...identity, docs: info.docs, tests: info.tests }, options);
  return {
    root,
    name: identity.name,
    projectType: identity.kind === 'environment' ? 'application' : 'library',
    tags: identity.tags,
    namedInputs: terraformNamedInputs(unique(reads.map((r) => r.input)), options),
    targets,
    metadata: {
      technologies: ['terraform'],
      description: describe(identity),
      targetGroups: targetGroups(identity, options, Object.keys(targets)),
      terraform: {
        kind: identity.kind,
        ...(identity.department ? { department: identity.department } : {}),
        modules: info.modules,
        reads,
      },
    },
  };
}

interface ReadInput {
  input: string;
  /** The .tf or .tfvars file that names it. */
  file: string;
}

/**
 * The inputs for what the project's code reads. Paths relative to where Terraform runs (path.root, data file
 * paths) belong to the root that runs: an environment takes them from every module it calls, directly or
 * not, and a module resolves its own against itself (where its validate and test run).
 */
function readInputs(
  identity: ProjectIdentity,
  infos: Map<string, TerraformProjectInfo>,
  links: LinkedFile[],
): ReadInput[] {
  const { root } = identity;
  const info = infos.get(root)!;
  const inputs: ReadInput[] = info.moduleReads.map((r) => ({ input: toInput(root, r.path), file: r.file }));
  // A linked .tf file is read from its target: a change there is a change to this project.
  for (const link of links) inputs.push({ input: toInput(root, link.target), file: link.file });
  const runsHere = identity.kind === 'environment' ? moduleClosure(root, infos) : [info];
  for (const called of runsHere) {
    for (const read of called.rootReads) {
      const path = resolveInWorkspace(root, read.glob);
      if (path) inputs.push({ input: toInput(root, path), file: read.file });
    }
  }
  // A local module outside the two trees is no project, so its files are read directly.
  for (const call of info.modules) {
    if (!infos.has(call.dir)) inputs.push({ input: toInput(root, `${call.dir}/*.tf`), file: call.file });
  }
  return [...new Map(inputs.map((r) => [r.input, r])).values()];
}

/** The project and every project-module it calls, transitively. */
function moduleClosure(root: string, infos: Map<string, TerraformProjectInfo>): TerraformProjectInfo[] {
  const seen = new Set<string>([root]);
  const queue = [root];
  const closure: TerraformProjectInfo[] = [];
  while (queue.length > 0) {
    const info = infos.get(queue.shift()!);
    if (!info) continue;
    closure.push(info);
    for (const call of info.modules) {
      if (seen.has(call.dir)) continue;
      seen.add(call.dir);
      queue.push(call.dir);
    }
  }
  return closure;
}

function describe(identity: ProjectIdentity): string {
  if (identity.kind === 'environment') return `Terraform root of the ${identity.department} department`;
  if (identity.kind === 'example') return `Terraform example ${identity.root}`;
  return `Terraform module ${identity.root}`;
}

function targetGroups(
  identity: ProjectIdentity,
  options: NormalizedOptions,
  inferred: string[],
): Record<string, string[]> {
  const names = options.targetNames;
  const checks = [names.fmt, names.validate, names.lint, names.docs, names.test];
  const groups: Record<string, string[]> = {
    'Terraform checks': checks.filter((name) => inferred.includes(name)),
  };
  if (identity.kind === 'environment') {
    groups['Terraform changes'] = [names.init, names.plan, names.show, names.apply, names.drift];
  }
  return groups;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
