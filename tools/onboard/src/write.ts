// Writes the roots: everything is staged beside environments/ first and moved into place only when all of it
// is written, file by file (a new department folder as a whole), so a failure leaves nothing half-written.
// Department roots link the org root's wiring (versions.tf, providers.tf), as environments/sales does; a new
// root has no migrations.tf. Existing files are replaced only with --force.
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CxError } from '@cxops/core';
import { ORG_ENVIRONMENT } from '@cxops/layout';

const SHARED_WIRING = ['versions.tf', 'providers.tf'] as const;

export interface RootFiles {
  folder: string;
  files: Record<string, string>;
}

export interface WriteResult {
  written: string[];
  /** Folders under the output that hold a root this onboarding did not write (template departments). */
  strays: string[];
}

export async function writeRoots(outDir: string, roots: RootFiles[], force: boolean): Promise<WriteResult> {
  for (const file of SHARED_WIRING)
    if (!existsSync(path.join(outDir, ORG_ENVIRONMENT, file)))
      throw new CxError({
        action: 'write the onboarded roots',
        reason: `${path.join(outDir, ORG_ENVIRONMENT, file)} is missing: every root uses the org root's wiring`,
        fix: 'onboard into the environments/ folder of this repository (it holds environments/org/versions.tf and providers.tf)',
      });
  const conflicts = roots.flatMap((root) =>
    Object.keys(root.files)
      .map((file) => path.join(root.folder, file))
      .filter((file) => existsSync(path.join(outDir, file))),
  );
  if (conflicts.length && !force)
    throw new CxError({
      action: 'write the onboarded roots',
      reason: `${conflicts.length} file(s) exist: ${conflicts.slice(0, 6).join(', ')}${conflicts.length > 6 ? ', …' : ''}`,
      where: outDir,
      fix: "pass --force to replace them (the repository's example departments among them), or onboard into another --out",
    });

  const stage = path.join(outDir, `.onboard-${process.pid}`);
  await rm(stage, { recursive: true, force: true });
  const written: string[] = [];
  try {
    for (const root of roots) {
      for (const [file, text] of Object.entries(root.files)) {
        const target = path.join(stage, root.folder, file);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, text);
      }
      if (root.folder !== ORG_ENVIRONMENT)
        for (const file of SHARED_WIRING)
          await symlink(`../${ORG_ENVIRONMENT}/${file}`, path.join(stage, root.folder, file));
    }
    for (const root of roots) {
      const from = path.join(stage, root.folder);
      const to = path.join(outDir, root.folder);
      if (!existsSync(to)) {
        await rename(from, to);
        written.push(...(await listFiles(to)).map((f) => path.join(root.folder, f)));
        continue;
      }
      for (const file of await listFiles(from)) {
        const target = path.join(to, file);
        await mkdir(path.dirname(target), { recursive: true });
        // A link already in place (the wiring) is kept; anything else is replaced.
        if ((await lstat(path.join(from, file))).isSymbolicLink() && existsSync(target)) continue;
        await rename(path.join(from, file), target);
        written.push(path.join(root.folder, file));
      }
    }
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  const ours = new Set(roots.map((r) => r.folder));
  const strays = (await readdir(outDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !ours.has(e.name))
    .map((e) => e.name)
    .filter((name) => existsSync(path.join(outDir, name, 'main.tf')))
    .sort();
  return { written: written.sort(), strays };
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(dir, relative)));
    else found.push(relative);
  }
  return found;
}
