// A JavaScript build of a TypeScript entry point, made by esbuild on first use and rebuilt when any source it
// came from changes — so the tools start without a TypeScript loader and there is no build step to remember.
// The workspace packages (@cxops/*) are bundled; npm packages stay imports, resolved from node_modules. With
// `splitting`, each `await import()` becomes its own chunk, loaded only when that code runs.
//
// Plain JavaScript (not TypeScript) because it is what runs before anything can load TypeScript.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The URL of a fresh build of `entry` (relative to `packageDir`), building it when there is none or a source
 * changed. Throws when esbuild cannot build (the caller falls back to loading the sources).
 *
 * @param {{ packageDir: string, entry: string, outDir?: string, splitting?: boolean }} options
 * @returns {Promise<string>} a file URL to import
 */
export async function prebuilt(options) {
  return freshBuild(options) ?? (await build(options));
}

/** @param {{ packageDir: string, entry: string, outDir?: string }} options */
export function freshBuild({ packageDir, entry, outDir = 'dist' }) {
  const out = path.join(packageDir, outDir);
  let record;
  try {
    record = JSON.parse(readFileSync(path.join(out, 'build.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (record.entry !== entry || !unchanged(packageDir, record.sources)) return undefined;
  const file = path.join(out, record.id, record.output);
  return existsSync(file) ? pathToFileURL(file).href : undefined;
}

/**
 * Cheap first: size and modification time. A file whose time moved but whose text did not (a checkout) is
 * compared by SHA-1, so switching branches back and forth does not rebuild.
 */
function unchanged(packageDir, sources) {
  for (const [file, recorded] of Object.entries(sources)) {
    const full = path.join(packageDir, file);
    let info;
    try {
      info = statSync(full);
    } catch {
      return false;
    }
    if (info.size !== recorded.size) return false;
    if (info.mtimeMs !== recorded.mtimeMs && sha1(full) !== recorded.sha1) return false;
  }
  return true;
}

const sha1 = (file) => createHash('sha1').update(readFileSync(file)).digest('hex');

/** @param {{ packageDir: string, entry: string, outDir?: string, splitting?: boolean }} options */
export async function build({ packageDir, entry, outDir = 'dist', splitting = false }) {
  const { build: esbuild } = await import('esbuild');
  const out = path.join(packageDir, outDir);
  const result = await esbuild({
    absWorkingDir: packageDir,
    entryPoints: [entry],
    bundle: true,
    splitting,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: path.join(out, 'build'),
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [npmPackagesExternal, importMetaUrlOfSource(path.join(out, 'build'))],
  });
  const inputs = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'))];
  const sources = Object.fromEntries(
    inputs.map((file) => {
      const info = statSync(path.join(packageDir, file));
      return [file, { size: info.size, mtimeMs: info.mtimeMs, sha1: sha1(path.join(packageDir, file)) }];
    }),
  );
  const id = createHash('sha1')
    .update(JSON.stringify(Object.values(sources).map((s) => s.sha1)))
    .digest('hex')
    .slice(0, 16);
  const output = `${path.basename(entry).replace(/\.[cm]?ts$/, '')}.js`;
  const dir = path.join(out, id);
  if (!existsSync(path.join(dir, output))) {
    // Written beside, then renamed: another process may be building or reading at the same moment.
    const staging = `${dir}.${process.pid}.tmp`;
    for (const file of result.outputFiles) {
      const target = path.join(staging, path.relative(path.join(out, 'build'), file.path));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process put the same build there first
    }
  }
  const record = path.join(out, 'build.json');
  writeFileSync(`${record}.${process.pid}.tmp`, JSON.stringify({ entry, id, output, sources }));
  renameSync(`${record}.${process.pid}.tmp`, record);
  removeOldBuilds(out, id);
  return pathToFileURL(path.join(dir, output)).href;
}

/** npm packages stay `import`s; the workspace's own packages (TypeScript) are bundled. */
const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@cxops/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Code that finds files beside its source (`new URL('../data/x.json', import.meta.url)`) must still find them
 * when it runs from the build: `import.meta.url` becomes the source file's URL, relative to the build folder so
 * the checkout can move.
 */
function importMetaUrlOfSource(buildDir) {
  return {
    name: 'import-meta-url-of-source',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const relative = path.relative(buildDir, args.path).split(path.sep).join('/');
        return {
          contents: text.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(relative)}, import.meta.url).href`,
          ),
          loader: 'ts',
        };
      });
    },
  };
}

/** Builds other than the current one, left by earlier sources; kept an hour in case a process still runs one. */
function removeOldBuilds(out, current) {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(out, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const dir = path.join(out, entry.name);
    if (statSync(dir).mtimeMs < hourAgo) rmSync(dir, { recursive: true, force: true });
  }
}
