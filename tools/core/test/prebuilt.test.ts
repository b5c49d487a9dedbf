// The prebuilt loader on a small package of its own: the build runs without a TypeScript loader, puts each
// `await import()` in its own chunk, finds data files beside the sources, survives a checkout that only touches
// files, and builds again after an edit.
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript without declarations (it runs before TypeScript can be loaded)
import { prebuilt } from '../prebuilt.mjs';

let dir: string;

const files: Record<string, string> = {
  'src/main.ts': `export async function answer(): Promise<string> {
  const { shout } = await import('./lazy.ts');
  return shout();
}
`,
  'src/lazy.ts': `import { readFileSync } from 'node:fs';
const data = JSON.parse(readFileSync(new URL('../data/words.json', import.meta.url), 'utf8')) as { word: string };
export const shout = (): string => data.word.toUpperCase();
`,
  'data/words.json': '{ "word": "queue" }\n',
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cxops-prebuilt-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const build = () => prebuilt({ packageDir: dir, entry: 'src/main.ts', splitting: true }) as Promise<string>;
const record = () =>
  JSON.parse(readFileSync(path.join(dir, 'dist', 'build.json'), 'utf8')) as { id: string; sources: object };
const run = async (url: string) => ((await import(url)) as { answer: () => Promise<string> }).answer();

describe('prebuilt', () => {
  it('builds JavaScript with the lazy import in a chunk of its own, reading data beside the sources', async () => {
    const url = await build();
    expect(url).toMatch(/\/dist\/[0-9a-f]{16}\/main\.js$/);
    const out = path.join(dir, 'dist', record().id);
    const scripts = readdirSync(out).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBe(2);
    expect(readFileSync(path.join(out, 'main.js'), 'utf8')).not.toContain('toUpperCase');
    expect(Object.keys(record().sources).sort()).toEqual(['src/lazy.ts', 'src/main.ts']);
    expect(await run(url)).toBe('QUEUE');
  });

  it('reuses the build when a file was only touched, and builds again after an edit', async () => {
    const first = await build();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'src/lazy.ts'), later, later);
    expect(await build()).toBe(first);

    writeFileSync(path.join(dir, 'src/lazy.ts'), files['src/lazy.ts']!.replace('toUpperCase', 'toLowerCase'));
    const second = await build();
    expect(second).not.toBe(first);
    expect(await run(second)).toBe('queue');
    // The earlier build stays for a while: a process started before the edit may still be loading its chunks.
    expect(existsSync(new URL(first))).toBe(true);
  });
});
