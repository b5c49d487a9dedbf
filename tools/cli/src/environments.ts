// Department roots: every folder directly under environments/ that holds .tf files.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The root that owns the org-wide objects (divisions, roles, shared skills and codes) departments read. */
export const ORG_ENVIRONMENT = 'org';

export interface EnvironmentRoot {
  name: string;
  dir: string;
}

export async function discoverEnvironments(root: string): Promise<EnvironmentRoot[]> {
  const base = path.join(root, 'environments');
  const entries = await readdir(base, { withFileTypes: true }).catch(() => []);
  const found: EnvironmentRoot[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(base, entry.name);
    const files = await readdir(dir);
    if (files.some((f) => f.endsWith('.tf'))) found.push({ name: entry.name, dir });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
