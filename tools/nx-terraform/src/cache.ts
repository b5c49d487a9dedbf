// Parsed HCL, remembered in Nx's workspace data folder so a warm graph parses nothing: each project's info by
// the content hash of its folder, and what each file uses by the hash of its text. A changed folder is then
// read again, but only files with new text are parsed; the wiring 500 departments link (the same text 500
// times) is parsed once, in a cold run too.
import { join } from 'node:path';
import { workspaceRoot as nxWorkspaceRoot } from '@nx/devkit';
import { PluginCache, workspaceDataDirectory } from '@nx/devkit/internal';
import type { TerraformProjectInfo } from './read-project.ts';
import type { HclReferences } from './references.ts';

/** Bump when TerraformProjectInfo, HclReferences or the way they are read changes, so old entries are not reused. */
export const CACHE_VERSION = 3;

/** Nx's LRU plugin caches, each written back only when something was added (a warm run writes nothing). */
export class ProjectCache {
  private readonly projects: PluginCache<TerraformProjectInfo>;
  /** Loaded on the first project that is not in the cache: a warm run never reads it. */
  private files: PluginCache<HclReferences> | undefined;
  private readonly changed = new Set<PluginCache<unknown>>();

  constructor(private readonly workspaceRoot: string) {
    this.projects = new PluginCache<TerraformProjectInfo>(cachePath(workspaceRoot));
  }

  get(hash: string): TerraformProjectInfo | undefined {
    return this.projects.get(hash);
  }

  set(hash: string, info: TerraformProjectInfo): void {
    this.projects.set(hash, info);
    this.changed.add(this.projects);
  }

  fileReferences(key: string): HclReferences | undefined {
    return this.fileCache().get(key);
  }

  setFileReferences(key: string, references: HclReferences): void {
    this.fileCache().set(key, references);
    this.changed.add(this.fileCache());
  }

  save(): void {
    for (const cache of this.changed) cache.writeToDisk();
    this.changed.clear();
  }

  private fileCache(): PluginCache<HclReferences> {
    this.files ??= new PluginCache<HclReferences>(fileCachePath(this.workspaceRoot));
    return this.files;
  }
}

function dataDirectory(workspaceRoot: string): string {
  // Nx resolves its data folder for the workspace it runs in; a test's temporary workspace gets its own.
  return workspaceRoot === nxWorkspaceRoot
    ? workspaceDataDirectory
    : join(workspaceRoot, '.nx', 'workspace-data');
}

export function cachePath(workspaceRoot: string): string {
  return join(dataDirectory(workspaceRoot), `nx-terraform-v${CACHE_VERSION}.hash`);
}

export function fileCachePath(workspaceRoot: string): string {
  return join(dataDirectory(workspaceRoot), `nx-terraform-files-v${CACHE_VERSION}.hash`);
}
