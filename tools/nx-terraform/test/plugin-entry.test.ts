// plugin.mjs, the entry nx.json names, on a copy of the plugin: it runs a JavaScript build of src/ made on
// first use, reuses it while the sources are unchanged and builds again after any edit (@cxops/core/prebuilt).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const pluginDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(pluginDir, '../..');

let root: string;
let copy: string;

beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'nx-terraform-entry-')));
  copy = path.join(root, 'tools', 'nx-terraform');
  for (const item of ['src', 'plugin.mjs', 'package.json'])
    cpSync(path.join(pluginDir, item), path.join(copy, item), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Imports the copy's plugin.mjs in a fresh process, as Nx does, and returns what it exports. */
function load(): { name: string; createNodes: string; createDependencies: string } {
  const url = pathToFileURL(path.join(copy, 'plugin.mjs')).href;
  const script = `const p = await import(${JSON.stringify(url)});
console.log(JSON.stringify({ name: p.name, createNodes: typeof p.createNodes[1], createDependencies: typeof p.createDependencies }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ReturnType<typeof load>;
}

interface BuildRecord {
  id: string;
  output: string;
  sources: Record<string, unknown>;
}
const record = () => JSON.parse(readFileSync(path.join(copy, 'dist', 'build.json'), 'utf8')) as BuildRecord;
const built = () => path.join(copy, 'dist', record().id, record().output);
const sources = () => record().sources;

describe('the plugin entry', () => {
  it('builds JavaScript from the sources on first use and runs it', () => {
    expect(load()).toEqual({
      name: '@cxops/nx-terraform',
      createNodes: 'function',
      createDependencies: 'function',
    });
    expect(readFileSync(built(), 'utf8')).not.toContain('import type');
    expect(Object.keys(sources())).toEqual(expect.arrayContaining(['src/index.ts', 'src/create-nodes.ts']));
  });

  it('reuses the build while no source changed', () => {
    load();
    const first = statSync(built()).mtimeMs;
    load();
    expect(statSync(built()).mtimeMs).toBe(first);
  });

  it('builds again after an edit to any source', () => {
    load();
    const index = path.join(copy, 'src', 'index.ts');
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace("'@cxops/nx-terraform'", "'@cxops/nx-terraform-edited'"),
    );
    expect(load().name).toBe('@cxops/nx-terraform-edited');
  });

  it('builds again when the list of sources is damaged', () => {
    load();
    writeFileSync(path.join(copy, 'dist', 'build.json'), '{"sources": {"src/index.ts": ');
    expect(load().name).toBe('@cxops/nx-terraform');
    expect(Object.keys(sources())).toContain('src/index.ts');
  });

  it('loads the sources through tsx when no build can be written', () => {
    writeFileSync(path.join(copy, 'dist'), 'a file where the build folder would be');
    expect(load().name).toBe('@cxops/nx-terraform');
    expect(statSync(path.join(copy, 'dist')).isFile()).toBe(true);
  });
});
