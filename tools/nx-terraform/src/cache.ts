// Parsed projects, remembered by content hash in Nx's workspace data folder, so a warm graph parses nothing.
import { join } from 'node:path';
import { workspaceRoot as nxWorkspaceRoot } from '@nx/devkit';
import { PluginCache, workspaceDataDirectory } from '@nx/devkit/internal';
import type { TerraformProjectInfo } from './read-project.ts';

/** Bump when TerraformProjectInfo or the way it is read changes, so old entries are not reused. */
export const CACHE_VERSION = 3;

/** Nx's LRU plugin cache, written back only when something was added (a warm run writes nothing). */
export class ProjectCache {
  private readonly entries: PluginCache<TerraformProjectInfo>;
  private changed = false;

  constructor(workspaceRoot: string) {
    this.entries = new PluginCache<TerraformProjectInfo>(cachePath(workspaceRoot));
  }

  get(hash: string): TerraformProjectInfo | undefined {
    return this.entries.get(hash);
  }

  set(hash: string, info: TerraformProjectInfo): void {
    this.entries.set(hash, info);
    this.changed = true;
  }

  save(): void {
    if (this.changed) this.entries.writeToDisk();
    this.changed = false;
  }
}

export function cachePath(workspaceRoot: string): string {
  // Nx resolves its data folder for the workspace it runs in; a test's temporary workspace gets its own.
  const dir =
    workspaceRoot === nxWorkspaceRoot ? workspaceDataDirectory : join(workspaceRoot, '.nx', 'workspace-data');
  return join(dir, `nx-terraform-v${CACHE_VERSION}.hash`);
}
