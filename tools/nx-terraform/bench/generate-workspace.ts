// A synthetic workspace for the graph benchmark, laid out as this repository is: its real modules/ (copied,
// with modules/department and modules/org), M more modules (the upper ones call the lower ones, some read
// templates), an org root and N department roots. The org root has the repository's own shared wiring
// (environments/org/versions.tf and providers.tf, copied) and calls modules/org; each department links that
// wiring and calls modules/department once with a little generated data, naming its own flow YAML in main.tf
// as the real departments do.
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
const LEAVES = 10;

function moduleName(i: number): string {
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
  writeRoots(merge(orgEnvironment(root, departments), ...departments.map((d) => department(root, d))));
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

function department(root: string, name: string): GeneratedRoots {
  const dir = `environments/${name}`;
  const queue = (kind: string) => `${division(name)} ${kind}`;
  return departmentRoot(
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
        in_queue_flows: [{ name: `${division(name)} In-Queue`, filepath: 'flows/in-queue.yaml' }],
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
        'flows/in-queue.yaml': `inqueueCall:\n  name: '{{flow_name}}'\n`,
        'flows/inbound.yaml': `inboundCall:\n  name: '{{flow_name}}'\n  queue: '{{phone_queue}}'\n`,
        'README.md': `# ${name}\n`,
      },
    },
    'environments/org',
  );
}
