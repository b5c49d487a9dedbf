// How long the project graph and `affected` take with the Terraform plugin on a large generated workspace
// (default 500 department roots × 60 extra modules, laid out as this repository is, in a temporary folder
// that is removed afterwards).
// Run: npx tsx tools/nx-terraform/bench/graph-bench.ts [--environments 500] [--modules 60] [--keep]
// Goals: warm graph < 1 s, cold graph < 10 s. Figures are printed, never asserted.
import { appendFileSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CreateNodesResultArray } from '@nx/devkit';
import { cachePath, createDependencies, createNodes } from '../src/index.ts';
import { run } from '../test/support/run.ts';
import { departmentName, generateWorkspace, type WorkspaceSize } from './generate-workspace.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const nxBin = path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js');
const pluginEntry = path.join(repoRoot, 'tools/nx-terraform/plugin.mjs');
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' };
const WARM_RUNS = 3;

interface Row {
  measurement: string;
  ms: number;
  note: string;
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      environments: { type: 'string', default: '500' },
      modules: { type: 'string', default: '60' },
      keep: { type: 'boolean', default: false },
    },
  });
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'nx-terraform-bench-')));
  try {
    const size = prepare(root, Number(values.environments), Number(values.modules));
    printSize(root, size);
    const rows = [...(await pluginInProcess(root, size)), ...nxCommands(root, size)];
    console.table(rows);
    return 0;
  } finally {
    if (values.keep) console.log(`Workspace kept at ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function prepare(root: string, environments: number, modules: number): WorkspaceSize {
  const size = generateWorkspace(root, environments, modules);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'graph-bench', private: true }));
  writeFileSync(path.join(root, '.gitignore'), 'node_modules\n.nx\ndist\nstatic-*\n');
  writeNxJson(root, 'terraform');
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '--all');
  gitCommit(root, 'bench');
  return size;
}

function writeNxJson(root: string, plugin: 'none' | 'static' | 'terraform'): void {
  const plugins = { none: [], static: ['./static-plugin.cjs'], terraform: [pluginEntry] }[plugin];
  writeFileSync(path.join(root, 'nx.json'), JSON.stringify({ defaultBase: 'main', plugins }, null, 2));
}

function printSize(root: string, size: WorkspaceSize): void {
  console.log(
    `Workspace ${root}: ${size.environments} departments × ${size.modules} generated modules, with org and ` +
      `the repository's modules: ${size.projects} projects; ${size.tfFiles} .tf (links included) and ` +
      `${size.tfvarsFiles} .tfvars files, ` +
      `${size.files} files in all, ` +
      `${(size.bytes / 1024).toFixed(0)} KiB of HCL/YAML/docs.`,
  );
}

/** createNodes called directly: the plugin's own share, without Nx starting up around it. */
async function pluginInProcess(root: string, size: WorkspaceSize): Promise<Row[]> {
  process.env.NX_DAEMON = 'false';
  const files = tfFiles(root);
  const context = { nxJsonConfiguration: {}, workspaceRoot: root };
  const [, createNodesFunction] = createNodes;
  const time = async () => {
    const started = performance.now();
    const results = await createNodesFunction(files, {}, context);
    return { ms: Math.round(performance.now() - started), results };
  };
  const cold = await time();
  const warm = await time();
  rmSync(cachePath(root), { force: true });
  const reparse = await time();
  await writeStaticPlugin(root, warm.results);
  return [
    {
      measurement: 'createNodes, first call',
      ms: cold.ms,
      note: `walks the workspace, parses ${size.tfFiles + size.tfvarsFiles} files`,
    },
    { measurement: 'createNodes, cache hit', ms: warm.ms, note: 'hashes only; nothing parsed' },
    { measurement: 'createNodes, cache deleted', ms: reparse.ms, note: 'parser and file walk already warm' },
  ];
}

/**
 * A plain JavaScript plugin that returns the very same projects and dependencies without reading anything:
 * what Nx itself needs for a graph of this size, to tell the plugin's share from Nx's.
 */
async function writeStaticPlugin(root: string, results: CreateNodesResultArray): Promise<void> {
  const projects = Object.fromEntries(
    results.flatMap(([, r]) => Object.values(r.projects ?? {})).map((p) => [p.name, p]),
  ) as Parameters<typeof createDependencies>[1]['projects'];
  const dependencies = await createDependencies(
    {},
    {
      projects,
      externalNodes: {},
      nxJsonConfiguration: {},
      fileMap: { projectFileMap: {}, nonProjectFiles: [] },
      filesToProcess: { projectFileMap: {}, nonProjectFiles: [] },
      workspaceRoot: root,
    },
  );
  writeFileSync(path.join(root, 'static-graph.json'), JSON.stringify({ results, dependencies }));
  writeFileSync(
    path.join(root, 'static-plugin.cjs'),
    [
      "const { results, dependencies } = require('./static-graph.json');",
      "exports.name = 'static-terraform-graph';",
      "exports.createNodes = ['{modules,environments}/**/*.tf', () => results];",
      'exports.createDependencies = () => dependencies;',
      '',
    ].join('\n'),
  );
}

function nxCommands(root: string, size: WorkspaceSize): Row[] {
  const rows: Row[] = [];
  const row = (measurement: string, ms: number, note: string) => rows.push({ measurement, ms, note });
  writeNxJson(root, 'none');
  nx(root, 'show', 'projects');
  row('nx show projects, no plugin', median(root, 'show', 'projects'), 'Nx alone, no Terraform projects');
  writeNxJson(root, 'static');
  nx(root, 'show', 'projects');
  row(
    'nx show projects, static plugin',
    median(root, 'show', 'projects'),
    'the same graph from plain JSON: Nx floor',
  );
  writeNxJson(root, 'terraform');

  rmSync(path.join(root, '.nx'), { recursive: true, force: true });
  row('nx show projects, cold', nx(root, 'show', 'projects').ms, 'no .nx folder: no graph, no plugin cache');
  row('nx show projects, warm', median(root, 'show', 'projects'), `median of ${WARM_RUNS}`);
  rmSync(cachePath(root), { force: true });
  row('nx show projects, plugin cache deleted', nx(root, 'show', 'projects').ms, 'Nx warm, HCL parsed again');

  const graph = () => JSON.parse(node(root, GRAPH_SCRIPT)) as { ms: number; nodes: number };
  row('createProjectGraphAsync, warm', graph().ms, 'in one process, without the CLI start-up');
  rmSync(cachePath(root), { force: true });
  row('createProjectGraphAsync, plugin cache deleted', graph().ms, 'in one process, HCL parsed again');

  nx(root, 'show', 'projects', { NX_DAEMON: 'true' });
  row(
    'nx show projects, daemon',
    median(root, 'show', 'projects', { NX_DAEMON: 'true' }),
    'graph kept in memory',
  );
  nx(root, 'daemon', '--stop', { NX_DAEMON: 'true' });

  // A branch that changes a module every department reaches through modules/department: all of them planned.
  commit(root, 'module-change', () =>
    appendFileSync(path.join(root, 'modules/queues/variables.tf'), '\n# changed\n'),
  );
  nx(root, 'show', 'projects');
  const affected = nx(root, 'show', 'projects', '--affected', '--base=main', '--head=HEAD');
  row('nx show projects --affected', affected.ms, `${count(affected.stdout)} projects (by file ownership)`);
  const plans = nx(root, 'show', 'projects', '--affected', '-t', 'plan', '--base=main', '--head=HEAD');
  row(
    'nx show projects --affected -t plan',
    plans.ms,
    `${count(plans.stdout)} of ${size.environments} environments to plan (a module every department uses)`,
  );
  // A branch that changes one department's flow YAML: that department alone.
  commit(root, 'flow-change', () =>
    appendFileSync(path.join(root, `environments/${departmentName(0)}/flows/inbound.yaml`), '# changed\n'),
  );
  const flow = nx(root, 'show', 'projects', '--affected', '-t', 'plan', '--base=main', '--head=HEAD');
  row(
    'nx show projects --affected -t plan, flow YAML',
    flow.ms,
    `${count(flow.stdout)} of ${size.environments} environments to plan (one department's flow)`,
  );
  return rows;
}

/** Commits `change` on a new branch made from main. */
function commit(root: string, branch: string, change: () => void): void {
  git(root, 'checkout', '--quiet', '-B', branch, 'main');
  change();
  git(root, 'add', '--all');
  gitCommit(root, branch);
}

function gitCommit(root: string, message: string): void {
  git(
    root,
    '-c',
    'user.email=bench@example.com',
    '-c',
    'user.name=bench',
    'commit',
    '--quiet',
    '-m',
    message,
  );
}

const GRAPH_SCRIPT = `
const { createProjectGraphAsync } = require('nx/src/devkit-exports');
const started = performance.now();
createProjectGraphAsync({ exitOnError: true }).then((g) =>
  console.log(JSON.stringify({ ms: Math.round(performance.now() - started), nodes: Object.keys(g.nodes).length })),
);`;

function count(stdout: string): number {
  return stdout.split('\n').filter(Boolean).length;
}

type Env = Record<string, string>;

function median(root: string, ...args: Array<string | Env>): number {
  const times = Array.from({ length: WARM_RUNS }, () => nx(root, ...args).ms).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Runs nx; a trailing object adds environment variables. */
function nx(root: string, ...args: Array<string | Env>): { ms: number; stdout: string } {
  const env = { ...NX_ENV, ...(args.find((a) => typeof a === 'object') as Env | undefined) };
  const argv = args.filter((a): a is string => typeof a === 'string');
  const started = performance.now();
  const result = run(process.execPath, [nxBin, ...argv], root, env);
  const ms = Math.round(performance.now() - started);
  if (result.status !== 0)
    throw new Error(`nx ${argv.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function node(root: string, script: string): string {
  const result = run(process.execPath, ['--eval', script], root, NX_ENV);
  if (result.status !== 0) throw new Error(`node script failed:\n${result.stderr}`);
  return result.stdout;
}

function git(root: string, ...args: string[]): string {
  const result = run('git', args, root);
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function tfFiles(root: string): string[] {
  return git(root, 'ls-files', '--', 'modules/**/*.tf', 'environments/**/*.tf').split('\n').filter(Boolean);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main();
