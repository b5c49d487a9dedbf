// Temporary workspaces for the plugin's tests: HCL files, an nx.json that registers the plugin by absolute
// path, this repository's node_modules linked in (so `nx` and the plugin's packages resolve) and a git
// repository, so the real `nx` can compute what a branch affects.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type CommandResult } from './run.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const pluginEntry = path.join(repoRoot, 'tools/nx-terraform/plugin.mjs');
const nxBin = path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js');

/** No daemon, no cloud, no task cache, no interactive UI: each nx run computes everything itself. */
const NX_ENV = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_SKIP_NX_CACHE: 'true',
  NX_TUI: 'false',
  NX_INTERACTIVE: 'false',
};

export interface Workspace {
  root: string;
  write(file: string, text: string): void;
  remove(file: string): void;
  /** Makes `file` a symbolic link to `target` (relative to the link's folder, as written in the repository). */
  link(file: string, target: string): void;
  /** Workspace-relative .tf files under modules/ and environments/, as Nx would hand them to the plugin. */
  tfFiles(): string[];
  git(...args: string[]): string;
  /** Commits everything on a new branch made from main. */
  branch(name: string, change: (ws: Workspace) => void): void;
  nx(...args: string[]): CommandResult;
  /** Runs a CommonJS script with node in the workspace (Nx APIs resolve through the linked node_modules). */
  node(script: string): CommandResult;
  dispose(): void;
}

export interface WorkspaceOptions {
  pluginOptions?: Record<string, unknown>;
  /** Initialise a git repository with everything committed on main. */
  git?: boolean;
  /** Symbolic links to make before the first commit: link => target (relative to the link's folder). */
  links?: Record<string, string>;
}

export function createWorkspace(files: Record<string, string>, options: WorkspaceOptions = {}): Workspace {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'nx-terraform-')));
  const ws: Workspace = {
    root,
    write(file, text) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    },
    remove(file) {
      rmSync(path.join(root, file), { recursive: true, force: true });
    },
    link(file, target) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      rmSync(path.join(root, file), { force: true });
      symlinkSync(target, path.join(root, file));
    },
    tfFiles() {
      return ['modules', 'environments']
        .flatMap((dir) => listFiles(root, dir))
        .filter((f) => f.endsWith('.tf'));
    },
    git(...args) {
      const result = run('git', args, root);
      if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
      return result.stdout;
    },
    branch(name, change) {
      ws.git('checkout', '--quiet', '-B', name, 'main');
      change(ws);
      ws.git('add', '--all');
      ws.git('commit', '--quiet', '--message', name);
    },
    nx(...args) {
      return run(process.execPath, [nxBin, ...args], root, NX_ENV);
    },
    node(script) {
      return run(process.execPath, ['--eval', script], root, NX_ENV);
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  ws.write('package.json', JSON.stringify({ name: 'nx-terraform-test', private: true }, null, 2));
  ws.write('.gitignore', ['node_modules', '.nx', 'dist', '*.log', ''].join('\n'));
  // Nx runs the way it runs in this repository: its .env (plugins inside the nx process) comes along.
  ws.write('.env', readFileSync(path.join(repoRoot, '.env'), 'utf8'));
  const plugin = { plugin: pluginEntry, options: options.pluginOptions ?? {} };
  ws.write('nx.json', JSON.stringify({ defaultBase: 'main', plugins: [plugin] }, null, 2));
  for (const [file, text] of Object.entries(files)) ws.write(file, text);
  for (const [file, target] of Object.entries(options.links ?? {})) ws.link(file, target);
  if (options.git) {
    ws.git('init', '--quiet', '--initial-branch=main');
    ws.git('config', 'user.email', 'test@example.com');
    ws.git('config', 'user.name', 'nx-terraform test');
    ws.git('config', 'commit.gpgsign', 'false');
    ws.git('add', '--all');
    ws.git('commit', '--quiet', '--message', 'initial');
  }
  return ws;
}

function listFiles(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .flatMap((e) => (e.isDirectory() ? listFiles(root, `${dir}/${e.name}`) : [`${dir}/${e.name}`]))
    .sort();
}
