// Reads one project folder: parses each of its .tf files, and the .tfvars beside them, and collects what they
// use. Errors are collected per file, so one broken file is reported without hiding the rest.
import { readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { HclSyntaxError, parseHcl } from './hcl.ts';
import { findReferences, type HclReferences } from './references.ts';
import { resolveInWorkspace } from './paths.ts';

export interface ProjectFiles {
  root: string;
  /** Workspace-relative .tf files directly in the folder (Terraform reads no others). */
  tf: string[];
}

/** What a project's HCL says, in a JSON-safe shape: this is what the plugin caches by content hash. */
export interface TerraformProjectInfo {
  root: string;
  /** Local module calls, with the folder they resolve to. */
  modules: Array<{ name: string; source: string; dir: string; file: string }>;
  /** Files read relative to this folder (path.module): workspace-relative globs. */
  moduleReads: Array<{ path: string; file: string }>;
  /**
   * Files read relative to where Terraform runs (path.root, path.cwd, relative paths, data file paths in
   * tfvars such as a flow's `filepath`): globs below it.
   */
  rootReads: Array<{ glob: string; file: string }>;
  /** README.md holds the terraform-docs markers (`<!-- BEGIN_TF_DOCS -->`): terraform-docs keeps it current. */
  docs: boolean;
  /** `*.tftest.hcl` files in the folder or its tests/ folder: there is something for `tofu test` to run. */
  tests: boolean;
}

/** The marker terraform-docs writes its tables after (and replaces up to END_TF_DOCS). */
const TF_DOCS_MARKER = '<!-- BEGIN_TF_DOCS -->';

export interface ReadResult {
  info: TerraformProjectInfo;
  errors: Array<[file: string, error: Error]>;
}

/** What one file uses, from its path (for error positions and its kind) and its text. */
export type ReferenceReader = (file: string, text: string) => Promise<HclReferences>;

/** Parses a .tf, .tfvars or .tfvars.json file and collects what it uses. */
export async function parseReferences(file: string, text: string): Promise<HclReferences> {
  return findReferences(await parseFile(file, text));
}

export async function readTerraformProject(
  workspaceRoot: string,
  files: ProjectFiles,
  referencesOf: ReferenceReader = parseReferences,
): Promise<ReadResult> {
  const info: TerraformProjectInfo = {
    root: files.root,
    modules: [],
    moduleReads: [],
    rootReads: [],
    docs: await hasDocsMarkers(workspaceRoot, files.root),
    tests: await hasTofuTests(workspaceRoot, files.root),
  };
  const errors: ReadResult['errors'] = [];
  const tfvars = await tfvarsFiles(workspaceRoot, files.root);
  const parsed = await Promise.all(
    [...files.tf, ...tfvars].map(async (file) => {
      try {
        return {
          file,
          references: await referencesOf(file, await readFile(join(workspaceRoot, file), 'utf8')),
        };
      } catch (error) {
        errors.push([file, error instanceof Error ? error : new Error(String(error))]);
        return undefined;
      }
    }),
  );
  for (const entry of parsed) {
    if (!entry) continue;
    const dir = posix.dirname(entry.file);
    const { modules, reads } = entry.references;
    for (const call of modules) {
      const target = resolveInWorkspace(dir, call.source);
      if (target !== undefined) info.modules.push({ ...call, dir: target, file: entry.file });
    }
    for (const read of reads) {
      if (read.base === 'root') {
        info.rootReads.push({ glob: read.glob, file: entry.file });
        continue;
      }
      const path = resolveInWorkspace(dir, read.glob);
      if (path) info.moduleReads.push({ path, file: entry.file });
    }
  }
  errors.sort(([a], [b]) => a.localeCompare(b));
  return { info, errors };
}

async function hasDocsMarkers(workspaceRoot: string, root: string): Promise<boolean> {
  try {
    return (await readFile(join(workspaceRoot, root, 'README.md'), 'utf8')).includes(TF_DOCS_MARKER);
  } catch {
    return false;
  }
}

/** Where `tofu test` looks by default: the folder itself and its tests/ folder. */
async function hasTofuTests(workspaceRoot: string, root: string): Promise<boolean> {
  for (const dir of [root, `${root}/tests`]) {
    try {
      const entries = await readdir(join(workspaceRoot, dir), { withFileTypes: true });
      if (entries.some((e) => e.isFile() && e.name.endsWith('.tftest.hcl'))) return true;
    } catch {
      // no such folder
    }
  }
  return false;
}

/** The variable files beside the .tf files: those Terraform loads itself and those passed with -var-file. */
async function tfvarsFiles(workspaceRoot: string, root: string): Promise<string[]> {
  const entries = await readdir(join(workspaceRoot, root), { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && (e.name.endsWith('.tfvars') || e.name.endsWith('.tfvars.json')))
    .map((e) => `${root}/${e.name}`)
    .sort();
}

function parseFile(file: string, text: string): Promise<Record<string, unknown>> {
  if (!file.endsWith('.json')) return parseHcl(file, text);
  try {
    return Promise.resolve(JSON.parse(text) as Record<string, unknown>);
  } catch (error) {
    return Promise.reject(new HclSyntaxError(file, (error as Error).message));
  }
}
