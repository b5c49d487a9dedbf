// The entry nx.json names. Nx runs it on every graph computation, and on Node 20 it cannot load the plugin's
// TypeScript itself; transpiling it there each time (tsx) is most of the plugin's start-up. So this file runs
// a JavaScript build of src/index.ts, made by esbuild on first use and kept in dist/ with the hash of every
// source file it was built from: an edit to any of them makes the next run build again (about 0.1 s), so
// there is no build step to remember. If esbuild cannot build, the sources are loaded through tsx as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const built = path.join(here, 'dist', 'plugin.mjs');
/** The sources of the build, by path relative to this folder, with their SHA-1 (JSON). */
const sourcesFile = path.join(here, 'dist', 'plugin.sources.json');

const plugin =
  (await loadBuilt().catch(() => undefined)) ??
  (await rebuild().catch(() => undefined)) ??
  (await loadSources());

export const { name, createNodes, createNodesV2, createDependencies } = plugin;

function hash(file) {
  return createHash('sha1')
    .update(readFileSync(path.join(here, file)))
    .digest('hex');
}

/** The build when every source it came from is unchanged; undefined otherwise. */
async function loadBuilt() {
  const sources = JSON.parse(readFileSync(sourcesFile, 'utf8'));
  for (const [file, sha] of Object.entries(sources)) if (hash(file) !== sha) return undefined;
  return import(`${pathToFileURL(built).href}?${hash(path.relative(here, built))}`);
}

/** Bundles src/ and the workspace packages it imports; npm packages stay imports. */
async function rebuild() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: here,
    entryPoints: ['src/index.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'npm-packages-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@cxops/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  const inputs = [...Object.keys(result.metafile.inputs), path.basename(fileURLToPath(import.meta.url))];
  mkdirSync(path.dirname(built), { recursive: true });
  // Written beside, then renamed: another Nx process may be reading the build at the same time.
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(built + suffix, result.outputFiles[0].contents);
  renameSync(built + suffix, built);
  writeFileSync(sourcesFile + suffix, JSON.stringify(Object.fromEntries(inputs.map((f) => [f, hash(f)]))));
  renameSync(sourcesFile + suffix, sourcesFile);
  return import(`${pathToFileURL(built).href}?${hash(path.relative(here, built))}`);
}

async function loadSources() {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('./src/index.ts', import.meta.url);
}
