// A synthetic workspace for the graph benchmark, laid out as this repository is: its real modules/ (copied,
// with modules/department and modules/org), M more modules (the upper ones call the lower ones, some read
// templates), an org root and N department roots. The org root has the repository's own shared wiring
// (environments/org/versions.tf and providers.tf, copied) and calls modules/org; each department links that
// wiring and calls modules/department once with a little generated data, naming its own flow YAML in main.tf
// as the real departments do. Every tenth department takes its in-queue flow from one shared file
// (environments/shared-flows/, read by the flows module through file()), and every hundredth also calls a
// generated module that reads a template and calls a leaf module: change kinds the benchmark checks.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { departmentRoot, merge, orgRoot, REPO_ROOT, type GeneratedRoots } from '@cxops/test-support/hcl-root';

export interface WorkspaceSize {
  environments: number;
  modules: number;
  /** Folders of .tf files (Nx projects): the generated ones, org and the repository's modules and examples. */
  projects: number;
  tfFiles: number;
  tfvarsFiles: number;
  files: number;
  bytes: number;
}

const GENERATOR = 'tools/nx-terraform/bench/generate-workspace.ts';

const DOMAINS = [
  'queues',
  'flows',
  'users',
  'permissions',
  'skills',
  'wrapup-codes',
  'divisions',
  'schedules',
];
/** Modules below this index are leaves; every other module calls one of them. */
export const LEAVES = 10;

/** The in-queue flow every tenth department shares. */
export const SHARED_FLOW = 'environments/shared-flows/in-queue.yaml';

/** Departments whose index is a multiple of this read the shared in-queue flow. */
export const SHARED_FLOW_EVERY = 10;

/** Departments whose index is 1 modulo this also call TEMPLATE_MODULE (when the workspace has it). */
export const EXTRA_CALL_EVERY = 100;

/** A generated module that reads a template and calls a leaf (index ≥ LEAVES, a multiple of 3). */
export const TEMPLATE_MODULE = 12;

export function moduleName(i: number): string {
  return `${DOMAINS[i % DOMAINS.length]}-${String(i).padStart(3, '0')}`;
}

export function departmentName(i: number): string {
  return `dept-${String(i).padStart(4, '0')}`;
}

/** Writes the workspace under `root`: `environments` department roots and `modules` synthetic modules. */
export function generateWorkspace(root: string, environments: number, modules: number): WorkspaceSize {
  const size: WorkspaceSize = {
    environments,
    modules,
    projects: 0,
    tfFiles: 0,
    tfvarsFiles: 0,
    files: 0,
    bytes: 0,
  };
  const folders = new Set<string>();
  const count = (file: string) => {
    size.files += 1;
    if (file.endsWith('.tf')) size.tfFiles += 1;
    if (file.endsWith('.tf') && path.posix.dirname(file) !== 'environments')
      folders.add(path.posix.dirname(file));
    if (file.endsWith('.tfvars')) size.tfvarsFiles += 1;
  };
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    count(file);
    size.bytes += Buffer.byteLength(text);
  };
  const writeRoots = ({ files, links }: GeneratedRoots) => {
    for (const [file, text] of Object.entries(files)) write(file, text);
    for (const [file, target] of Object.entries(links)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      symlinkSync(target, path.join(root, file));
      count(file);
    }
  };
  copyRepositoryModules(write);
  for (let i = 0; i < modules; i++) writeModule(write, i);
  const departments = Array.from({ length: environments }, (_, i) => departmentName(i));
  const extraCalls = modules > TEMPLATE_MODULE;
  writeRoots(
    merge(
      orgEnvironment(root, departments),
      ...departments.map((d, i) => department(root, d, i, extraCalls)),
    ),
  );
  write(SHARED_FLOW, `inqueueCall:\n  name: '{{flow_name}}'\n`);
  size.projects = [...folders].filter((dir) => !dir.split('/').includes('tests')).length;
  return size;
}

type Write = (file: string, text: string) => void;

/** The repository's modules/, file by file (no tool caches). */
function copyRepositoryModules(write: Write, dir = 'modules'): void {
  for (const entry of readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) copyRepositoryModules(write, file);
    else if (entry.isFile()) write(file, readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  }
}

function writeModule(write: Write, i: number): void {
  const dir = `modules/${moduleName(i)}`;
  const readsTemplate = i % 3 === 0;
  const calls =
    i >= LEAVES
      ? `module "base" {\n  source = "../${moduleName(i % LEAVES)}"\n  names  = var.names\n}\n\n`
      : '';
  write(
    `${dir}/main.tf`,
    `${calls}resource "genesyscloud_routing_skill" "this" {
  for_each = var.names
  name     = each.key
}
${readsTemplate ? `\nlocals {\n  description = templatefile("\${path.module}/templates/description.tftpl", { n = ${i} })\n}\n` : ''}`,
  );
  if (readsTemplate) write(`${dir}/templates/description.tftpl`, `Module ${i}: \${n}\n`);
  write(
    `${dir}/variables.tf`,
    `variable "names" {
  description = "Names of the things this module manages."
  type        = set(string)
  default     = []
}
`,
  );
  write(
    `${dir}/outputs.tf`,
    `output "ids" {
  description = "Ids by name."
  value       = { for name, r in genesyscloud_routing_skill.this : name => r.id }
}
`,
  );
  // The repository's own module version constraints.
  write(`${dir}/versions.tf`, readFileSync(path.join(REPO_ROOT, 'modules/skills/versions.tf'), 'utf8'));
  write(`${dir}/README.md`, `# ${moduleName(i)}\n`);
}

const division = (name: string) => `Bench ${name}`;

function orgEnvironment(root: string, departments: string[]): GeneratedRoots {
  return orgRoot(
    {
      dir: 'environments/org',
      absoluteDir: path.join(root, 'environments/org'),
      modulesDir: path.join(root, 'modules'),
      header: [`Generated by ${GENERATOR}.`],
      args: {
        divisions: departments.map((d) => ({ name: division(d) })),
        shared_skills: ['Bench English'],
        shared_wrapup_codes: [{ name: 'Bench Transferred' }],
      },
    },
    GENERATOR,
  );
}

function department(root: string, name: string, index: number, extraCalls = false): GeneratedRoots {
  const dir = `environments/${name}`;
  const queue = (kind: string) => `${division(name)} ${kind}`;
  const sharedFlow = index % SHARED_FLOW_EVERY === 0;
  const inQueueFlow = sharedFlow ? path.posix.relative(dir, SHARED_FLOW) : 'flows/in-queue.yaml';
  const roots = departmentRoot(
    {
      dir,
      absoluteDir: path.join(root, dir),
      modulesDir: path.join(root, 'modules'),
      header: [`Generated by ${GENERATOR}.`],
      args: {
        division: division(name),
        skills: [`${division(name)} Tier 1`, `${division(name)} Tier 2`],
        shared_skills: ['Bench English'],
        wrapup_codes: [{ name: `${division(name)} Resolved` }],
        shared_wrapup_codes: ['Bench Transferred'],
        users: [
          { email: `agent.${name}@example.com`, name: `Agent ${name}`, skills: { 'Bench English': 5 } },
          { email: `lead.${name}@example.com`, name: `Lead ${name}`, title: 'Team Lead' },
        ],
        in_queue_flows: [{ name: `${division(name)} In-Queue`, filepath: inQueueFlow }],
        queues: [
          {
            name: queue('Phone'),
            in_queue_flow: `${division(name)} In-Queue`,
            members: { [`agent.${name}@example.com`]: 1 },
          },
          { name: queue('Email'), media_settings: { email: {} } },
        ],
        inbound_flows: [
          {
            name: `${division(name)} Inbound`,
            filepath: 'flows/inbound.yaml',
            queues: { phone_queue: queue('Phone') },
          },
        ],
      },
      extra: {
        ...(sharedFlow ? {} : { 'flows/in-queue.yaml': `inqueueCall:\n  name: '{{flow_name}}'\n` }),
        'flows/inbound.yaml': `inboundCall:\n  name: '{{flow_name}}'\n  queue: '{{phone_queue}}'\n`,
        'README.md': `# ${name}\n`,
      },
    },
    'environments/org',
  );
  if (extraCalls && index % EXTRA_CALL_EVERY === 1) {
    roots.files[`${dir}/main.tf`] +=
      `\nmodule "extra_skills" {\n  source = "../../modules/${moduleName(TEMPLATE_MODULE)}"\n\n  names = []\n}\n`;
  }
  return roots;
}

/** A department root added later, as a user adds one: main.tf calling modules/department, and the links. */
export function newDepartment(root: string, name: string): GeneratedRoots {
  return department(root, name, 3);
}

/** Terramate's configuration for the same workspace: its root config and one stack per environment root. */
export function terramateFiles(environmentDirs: string[]): Record<string, string> {
  const files: Record<string, string> = {
    'terramate.tm.hcl': 'terramate {\n  config {\n    git {\n      default_branch = "main"\n    }\n  }\n}\n',
  };
  for (const dir of environmentDirs)
    files[`${dir}/stack.tm.hcl`] = `stack {\n  name = "${path.posix.basename(dir)}"\n}\n`;
  return files;
}
