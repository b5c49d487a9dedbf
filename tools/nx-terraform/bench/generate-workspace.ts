// A synthetic workspace for the graph benchmark: M modules (the upper ones call the lower ones, some read
// templates) and N department roots that each call a few modules and read their own flow YAML (named in
// main.tf and in their tfvars, as the real departments do).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface WorkspaceSize {
  environments: number;
  modules: number;
  tfFiles: number;
  tfvarsFiles: number;
  files: number;
  bytes: number;
}

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
const CALLS_PER_ENVIRONMENT = 6;

export function moduleName(i: number): string {
  return `${DOMAINS[i % DOMAINS.length]}-${String(i).padStart(3, '0')}`;
}

function departmentName(i: number): string {
  return `dept-${String(i).padStart(4, '0')}`;
}

export function generateWorkspace(root: string, environments: number, modules: number): WorkspaceSize {
  const size: WorkspaceSize = { environments, modules, tfFiles: 0, tfvarsFiles: 0, files: 0, bytes: 0 };
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
    size.files += 1;
    size.bytes += Buffer.byteLength(text);
    if (file.endsWith('.tf')) size.tfFiles += 1;
    if (file.endsWith('.tfvars')) size.tfvarsFiles += 1;
  };
  for (let i = 0; i < modules; i++) writeModule(write, i);
  for (let i = 0; i < environments; i++) writeEnvironment(write, i, modules);
  return size;
}

type Write = (file: string, text: string) => void;

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
  write(
    `${dir}/versions.tf`,
    `terraform {
  required_version = ">= 1.10"
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = ">= 1.84"
    }
  }
}
`,
  );
  write(`${dir}/README.md`, `# ${moduleName(i)}\n`);
}

function writeEnvironment(write: Write, i: number, modules: number): void {
  const dir = `environments/${departmentName(i)}`;
  const called = new Set<number>();
  for (let k = 0; called.size < Math.min(CALLS_PER_ENVIRONMENT, modules); k++)
    called.add((i * 7 + k * 13) % modules);
  const calls = [...called]
    .map(
      (m) =>
        `module "${moduleName(m)}" {\n  source = "../../modules/${moduleName(m)}"\n  names  = var.names\n}\n`,
    )
    .join('\n');
  write(
    `${dir}/main.tf`,
    `${calls}
resource "genesyscloud_flow" "inbound" {
  filepath          = "\${path.module}/flows/inbound.yaml"
  file_content_hash = filesha256("\${path.module}/flows/inbound.yaml")
}
`,
  );
  write(
    `${dir}/variables.tf`,
    `variable "names" {
  description = "Names of the department's skills."
  type        = set(string)
}
`,
  );
  write(
    `${dir}/providers.tf`,
    `provider "genesyscloud" {
  aws_region = "us-east-1"
}
`,
  );
  write(
    `${dir}/versions.tf`,
    `terraform {
  required_version = ">= 1.10.0"
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "1.84.1"
    }
  }
  backend "s3" {
    use_lockfile = true
  }
}
`,
  );
  write(`${dir}/outputs.tf`, `output "department" {\n  value = "${departmentName(i)}"\n}\n`);
  write(
    `${dir}/terraform.tfvars`,
    `names = ["Skill ${i}a", "Skill ${i}b"]\nflows = [{ name = "After hours", filepath = "flows/after-hours.yaml" }]\n`,
  );
  write(`${dir}/flows/inbound.yaml`, `inboundCall:\n  name: ${departmentName(i)} inbound\n`);
  write(`${dir}/flows/after-hours.yaml`, `inboundCall:\n  name: ${departmentName(i)} after hours\n`);
  write(`${dir}/README.md`, `# ${departmentName(i)}\n`);
}
