// The entry nx.json names. Nx runs it on every graph computation, and on Node 20 it cannot load the plugin's
// TypeScript itself; transpiling it there each time (tsx) is most of the plugin's start-up. So this file runs
// a JavaScript build of src/index.ts (tools/nx-terraform/dist), made by esbuild on first use and again after
// an edit to any source (@cxops/core/prebuilt.mjs). If esbuild cannot build, the sources load through tsx.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.dirname(fileURLToPath(import.meta.url));

async function fromBuild() {
  const { prebuilt } = await import('@cxops/core/prebuilt');
  return import(await prebuilt({ packageDir, entry: 'src/index.ts' }));
}

async function fromSource() {
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('./src/index.ts', import.meta.url);
}

const plugin = await fromBuild().catch(fromSource);

export const { name, createNodes, createNodesV2, createDependencies } = plugin;
