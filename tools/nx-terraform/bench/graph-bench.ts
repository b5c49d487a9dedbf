// How long the project graph and `affected` take on a large generated workspace (default 500 department
// roots × 60 extra modules, laid out as this repository is) that also holds this repository's tooling and
// its nx.json — every plugin it registers runs, as it does here — in a temporary folder removed afterwards.
// Then, side by side: `nx show projects --affected -t plan` with the daemon off and on, and Terramate's
// `list --changed` on the same git history (when Terramate can be built here), and whether each is right on
// every change kind.
// Run: npx tsx tools/nx-terraform/bench/graph-bench.ts [--environments 500] [--modules 60] [--runs 7] [--keep]
// (--prepare-only writes the workspace, keeps it and stops: for profiling Nx on it by hand)
// Goals: affected without the daemon ≤ 1.5 s at 500 × 60. Figures are printed, never asserted.
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CreateNodesResultArray } from '@nx/devkit';
import { compare, machine, runOnce, timingRow, type Command } from '@cxops/test-support/bench';
import type { GeneratedRoots } from '@cxops/test-support/hcl-root';
import { peer, type Peer } from '@cxops/test-support/peers';
import { cachePath, createDependencies, createNodes } from '../src/index.ts';
import { run } from '../test/support/run.ts';
import {
  departmentName,
  EXTRA_CALL_EVERY,
  generateWorkspace,
  LEAVES,
  moduleName,
  newDepartment,
  SHARED_FLOW,
  SHARED_FLOW_EVERY,
  TEMPLATE_MODULE,
  terramateFiles,
  type WorkspaceSize,
} from './generate-workspace.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const nxBin = path.join(repoRoot, 'node_modules/nx/dist/bin/nx.js');
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: 'true' };
const TERRAMATE_ENV = { TM_DISABLE_CHECKPOINT: 'true', TM_DISABLE_CHECKPOINT_SIGNATURE: 'true' };
const GOAL_MS = 1500;

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
      runs: { type: 'string', default: '7' },
      keep: { type: 'boolean', default: false },
      'prepare-only': { type: 'boolean', default: false },
    },
  });
  const keep = values.keep || values['prepare-only'];
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'nx-terraform-bench-')));
  try {
    const size = prepare(root, Number(values.environments), Number(values.modules));
    console.log(`Project graph and affected; ${machine()}.`);
    printSize(root, size);
    if (values['prepare-only']) return 0;
    const terramate = peer('terramate');
    const rows = [...(await pluginInProcess(root, size)), ...nxBreakdown(root)];
    console.log('\nWhere the time goes (daemon off unless said; medians of 3):');
    console.table(rows);
    await sideBySide(root, size, terramate, Number(values.runs));
    await changeKinds(root, size, terramate);
    return 0;
  } finally {
    if (keep) console.log(`Workspace kept at ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function prepare(root: string, environments: number, modules: number): WorkspaceSize {
  const size = generateWorkspace(root, environments, modules);
  copyTooling(root);
  const envDirs = ['environments/org', ...Array.from({ length: environments }, (_, i) => envDir(i))];
  for (const [file, text] of Object.entries(terramateFiles(envDirs))) write(root, file, text);
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  appendFileSync(path.join(root, '.gitignore'), '\nstatic-*\n');
  git(root, 'init', '--quiet', '--initial-branch=main');
  git(root, 'add', '--all');
  gitCommit(root, 'bench');
  return size;
}

/**
 * This repository's files outside modules/ and environments/ (which the generator wrote): the tooling with
 * its package.json files, tsconfigs, vitest and eslint configs, so Nx and every plugin in nx.json find here
 * what they find in the repository.
 */
function copyTooling(root: string): void {
  const files = git(repoRoot, 'ls-files', '--cached', '--others', '--exclude-standard').split('\n');
  for (const file of files.filter(Boolean)) {
    if (file.startsWith('modules/') || file.startsWith('environments/')) continue;
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    try {
      copyFileSync(path.join(repoRoot, file), path.join(root, file));
    } catch {
      // listed but deleted in the working tree
    }
  }
}

function write(root: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

function writeRoots(root: string, { files, links }: GeneratedRoots): void {
  for (const [file, text] of Object.entries(files)) write(root, file, text);
  for (const [file, target] of Object.entries(links)) symlinkSync(target, path.join(root, file));
}

function envDir(i: number): string {
  return `environments/${departmentName(i)}`;
}

function printSize(root: string, size: WorkspaceSize): void {
  console.log(
    `Workspace ${root}: ${size.environments} departments × ${size.modules} generated modules, with org and ` +
      `the repository's modules: ${size.projects} Terraform projects; ${size.tfFiles} .tf (links included) and ` +
      `${size.tfvarsFiles} .tfvars files, ${size.files} files in all, ` +
      `${(size.bytes / 1024).toFixed(0)} KiB of HCL/YAML/docs; plus this repository's tooling and nx.json.`,
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
  const projectsForgotten = await time();
  removePluginCaches(root);
  const reparse = await time();
  await writeStaticPlugin(root, warm.results);
  return [
    {
      measurement: 'createNodes, first call',
      ms: cold.ms,
      note: `no cache: reads all ${size.tfFiles + size.tfvarsFiles} files and parses them`,
    },
    { measurement: 'createNodes, cache hit', ms: warm.ms, note: 'hashes only; nothing parsed' },
    {
      measurement: 'createNodes, project cache deleted',
      ms: projectsForgotten.ms,
      note: 'every folder read again (a file cache, where there is one, kept)',
    },
    {
      measurement: 'createNodes, every cache deleted',
      ms: reparse.ms,
      note: 'parser and file walk already warm',
    },
  ];
}

/** Every cache file of the Terraform plugin (nx-terraform-*.hash beside the project cache). */
function removePluginCaches(root: string): void {
  const dir = path.dirname(cachePath(root));
  for (const file of readdirSync(dir)) if (file.startsWith('nx-terraform')) rmSync(path.join(dir, file));
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

type PluginEntry = string | { plugin: string };

/** nx.json with its plugin list changed: the Terraform plugin replaced, or only some plugins kept. */
function withPlugins(root: string, original: string, pick: (plugins: PluginEntry[]) => PluginEntry[]): void {
  const nxJson = JSON.parse(original) as { plugins?: PluginEntry[] };
  writeFileSync(
    path.join(root, 'nx.json'),
    JSON.stringify({ ...nxJson, plugins: pick(nxJson.plugins ?? []) }),
  );
}

const isTerraform = (p: PluginEntry) => (typeof p === 'string' ? p : p.plugin).includes('nx-terraform');

function nxBreakdown(root: string): Row[] {
  const rows: Row[] = [];
  const row = (measurement: string, ms: number, note: string) => rows.push({ measurement, ms, note });
  const original = readFileSync(path.join(root, 'nx.json'), 'utf8');
  const variant = (measurement: string, note: string, pick: (plugins: PluginEntry[]) => PluginEntry[]) => {
    withPlugins(root, original, pick);
    nx(root, 'show', 'projects');
    row(measurement, median(root, 'show', 'projects'), note);
  };
  const staticGraph = './static-plugin.cjs';
  variant(
    'nx show projects, static Terraform graph only',
    'the same projects from plain JSON: Nx alone',
    () => [staticGraph],
  );
  variant(
    'nx show projects, static graph + the other plugins',
    '+ @nx/js, @nx/vitest, @nx/eslint',
    (plugins) => [staticGraph, ...plugins.filter((p) => !isTerraform(p))],
  );
  variant('nx show projects, Terraform plugin only', 'the plugin as nx.json registers it', (plugins) =>
    plugins.filter(isTerraform),
  );
  writeFileSync(path.join(root, 'nx.json'), original);

  rmSync(path.join(root, '.nx'), { recursive: true, force: true });
  row('nx show projects, cold', nx(root, 'show', 'projects').ms, 'no .nx folder: no graph, no plugin caches');
  row('nx show projects, warm', median(root, 'show', 'projects'), "the repository's nx.json");
  removePluginCaches(root);
  row(
    'nx show projects, Terraform caches deleted',
    nx(root, 'show', 'projects').ms,
    'Nx warm, HCL parsed again',
  );
  const graph = () => JSON.parse(node(root, GRAPH_SCRIPT)) as { ms: number; nodes: number };
  row('createProjectGraphAsync, warm', graph().ms, 'in one process, without the CLI start-up');
  return rows;
}

/** The headline: one module change that every department uses, affected with the daemon off, on, Terramate. */
async function sideBySide(root: string, size: WorkspaceSize, terramate: Peer, runs: number): Promise<void> {
  commit(root, 'module-change', () =>
    appendFileSync(path.join(root, 'modules/queues/variables.tf'), '\n# changed\n'),
  );
  const affected = ['show', 'projects', '--affected', '-t', 'plan', '--base=main', '--head=HEAD'];
  const commands: Command[] = [
    nxCommand(root, 'nx show projects --affected -t plan, daemon off', affected),
    nxCommand(root, 'nx show projects --affected -t plan, daemon on', affected, { NX_DAEMON: 'true' }),
  ];
  if ('path' in terramate) commands.push(terramateCommand(root, terramate.path));
  const timings = await compare(commands, runs);
  nx(root, 'daemon', '--stop', { NX_DAEMON: 'true' });
  const reference = timings[2];
  console.log(
    `\nAffected environments for a change to modules/queues (every department uses it: ${size.environments} of ` +
      `${size.environments + 1} roots), ${runs} runs each after a warm-up, interleaved:`,
  );
  console.table(timings.map((t) => timingRow(t, reference)));
  if (!reference && 'unavailable' in terramate)
    console.log(`Terramate is left out: ${terramate.unavailable}`);
  const off = timings[0]!;
  console.log(
    `Daemon off: ${off.medianMs} ms against the goal of ${GOAL_MS} ms (${(off.medianMs / GOAL_MS).toFixed(2)}× the goal).`,
  );
  git(root, 'checkout', '--quiet', 'main');
}

function nxCommand(root: string, label: string, args: string[], env: Record<string, string> = {}): Command {
  return { label, command: process.execPath, args: [nxBin, ...args], cwd: root, env: { ...NX_ENV, ...env } };
}

function terramateCommand(root: string, bin: string): Command {
  return {
    label: 'terramate list --changed',
    command: bin,
    args: ['list', '--changed', '--git-change-base=main'],
    cwd: root,
    env: TERRAMATE_ENV,
  };
}

interface ChangeKind {
  kind: string;
  change: (root: string) => void;
  /** The environment roots a plan is needed for, by folder. */
  expected: string[];
}

function changeKindsFor(size: WorkspaceSize): ChangeKind[] {
  const departments = Array.from({ length: size.environments }, (_, i) => i);
  const dirs = (indexes: number[]) => indexes.map(envDir);
  const append =
    (file: string, text = '\n# changed\n') =>
    (root: string) =>
      appendFileSync(path.join(root, file), text);
  const extraCallers = departments.filter((i) => i % EXTRA_CALL_EVERY === 1);
  const hasTemplateModule = size.modules > TEMPLATE_MODULE;
  const throughModules: ChangeKind[] = [
    {
      kind: 'module called through another module',
      change: append(`modules/${moduleName(TEMPLATE_MODULE % LEAVES)}/main.tf`),
      expected: dirs(extraCallers),
    },
    {
      kind: 'template a module reads (templatefile)',
      change: append(`modules/${moduleName(TEMPLATE_MODULE)}/templates/description.tftpl`, 'changed\n'),
      expected: dirs(extraCallers),
    },
  ];
  return [
    {
      kind: 'module every department calls',
      change: append('modules/queues/variables.tf'),
      expected: dirs(departments),
    },
    ...(hasTemplateModule ? throughModules : []),
    {
      kind: 'shared flow YAML read by file()',
      change: append(SHARED_FLOW),
      expected: dirs(departments.filter((i) => i % SHARED_FLOW_EVERY === 0)),
    },
    {
      kind: "one department's flow YAML",
      change: append(`${envDir(3)}/flows/inbound.yaml`),
      expected: dirs([3]),
    },
    { kind: "one department's main.tf", change: append(`${envDir(4)}/main.tf`), expected: dirs([4]) },
    {
      kind: 'README only (module and department)',
      change: (root) => {
        append('modules/queues/README.md', '\nMore words.\n')(root);
        append(`${envDir(5)}/README.md`, '\nWho to call.\n')(root);
      },
      expected: [],
    },
    {
      kind: 'new department',
      change: (root) => {
        writeRoots(root, newDepartment(root, 'dept-new'));
        const stack = 'environments/dept-new/stack.tm.hcl';
        write(root, stack, terramateFiles(['environments/dept-new'])[stack]!);
      },
      expected: ['environments/dept-new'],
    },
    {
      kind: 'linked wiring (environments/org/versions.tf)',
      change: append('environments/org/versions.tf'),
      expected: ['environments/org', ...dirs(departments)],
    },
  ];
}

/** Each change kind on its own branch from main: does each tool select exactly the roots to plan? */
async function changeKinds(root: string, size: WorkspaceSize, terramate: Peer): Promise<void> {
  const rows = [];
  for (const [i, kind] of changeKindsFor(size).entries()) {
    commit(root, `kind-${i}`, () => kind.change(root));
    const nxRun = await runOnce(
      nxCommand(root, 'nx', ['show', 'projects', '--affected', '-t', 'plan', '--base=main', '--head=HEAD']),
    );
    if (nxRun.exitCode !== 0)
      throw new Error(`nx failed on "${kind.kind}":\n${nxRun.stdout}\n${nxRun.stderr}`);
    const nxRoots = lines(nxRun.stdout).map((project) => `environments/${project.replace(/^env-/, '')}`);
    const row: Record<string, string | number> = {
      'change kind': kind.kind,
      expected: kind.expected.length,
      'nx (daemon off)': verdict(kind.expected, nxRoots),
      'nx ms': Math.round(nxRun.ms),
    };
    if ('path' in terramate) {
      const tm = await runOnce(terramateCommand(root, terramate.path));
      if (tm.exitCode !== 0) throw new Error(`terramate failed on "${kind.kind}":\n${tm.stderr}`);
      row.terramate = verdict(kind.expected, lines(tm.stdout));
      row['terramate ms'] = Math.round(tm.ms);
    }
    rows.push(row);
    git(root, 'checkout', '--quiet', 'main');
  }
  console.log('\nChange kinds, each on its own branch from main: the roots each tool would plan.');
  console.table(rows);
}

function verdict(expected: string[], actual: string[]): string {
  const want = new Set(expected);
  const got = new Set(actual);
  const missed = expected.filter((r) => !got.has(r)).length;
  const extra = actual.filter((r) => !want.has(r)).length;
  if (missed === 0 && extra === 0) return `right (${actual.length})`;
  return `WRONG: ${actual.length} (missed ${missed}, extra ${extra})`;
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

// The workspace's .env first, as the nx CLI reads it before anything else.
const GRAPH_SCRIPT = `
require('nx/src/utils/dotenv').loadRootEnvFiles(process.cwd());
const { createProjectGraphAsync } = require('nx/src/devkit-exports');
const started = performance.now();
createProjectGraphAsync({ exitOnError: true }).then((g) =>
  console.log(JSON.stringify({ ms: Math.round(performance.now() - started), nodes: Object.keys(g.nodes).length })),
);`;

function lines(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

type Env = Record<string, string>;

function median(root: string, ...args: Array<string | Env>): number {
  const times = Array.from({ length: 3 }, () => nx(root, ...args).ms).sort((a, b) => a - b);
  return times[1]!;
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
