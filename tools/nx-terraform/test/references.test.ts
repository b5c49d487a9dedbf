// What the plugin finds in HCL: local module calls and the files expressions read, parsed by the real parser.
import { describe, expect, it } from 'vitest';
import { HclSyntaxError, parseHcl } from '../src/hcl.ts';
import { findReferences } from '../src/references.ts';
import { isDataFilePath } from '../src/expressions.ts';

/** References, sorted: hcl2json orders attributes by name, which says nothing about the code. */
async function referencesIn(hcl: string) {
  const { modules, reads } = findReferences(await parseHcl('main.tf', hcl));
  return {
    modules: modules.sort((a, b) => a.name.localeCompare(b.name)),
    reads: reads.sort((a, b) => a.glob.localeCompare(b.glob)),
  };
}

describe('module calls', () => {
  it('keep local sources and ignore registry and git sources', async () => {
    const { modules } = await referencesIn(`
module "queues" {
  source = "../../modules/queues"
}
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
module "git" {
  source = "git::https://example.com/x.git"
}
module "here" {
  source = "./local"
}
`);
    expect(modules).toEqual([
      { name: 'here', source: './local' },
      { name: 'queues', source: '../../modules/queues' },
    ]);
  });
});

describe('file reads', () => {
  it('follow the file functions with literal or path-anchored arguments', async () => {
    const { reads } = await referencesIn(`
locals {
  inbound  = yamldecode(file("\${path.module}/flows/inbound.yaml"))
  greeting = templatefile("\${path.module}/templates/greeting.tftpl", { name = "x" })
  logo     = filebase64("assets/logo.png")
  hash     = filesha256("\${path.root}/flows/\${var.flow}.yaml")
  queues   = fileset(path.module, "queues/*.yaml")
  skills   = fileset("\${path.module}/skills", "**/*.json")
}
`);
    expect(reads).toEqual([
      { base: 'root', glob: 'assets/logo.png' },
      { base: 'root', glob: 'flows/*.yaml' },
      { base: 'module', glob: 'flows/inbound.yaml' },
      { base: 'module', glob: 'queues/*.yaml' },
      { base: 'module', glob: 'skills/**/*.json' },
      { base: 'module', glob: 'templates/greeting.tftpl' },
    ]);
  });

  it('include path literals that are not file() arguments, such as a flow filepath', async () => {
    const { reads } = await referencesIn(`
resource "genesyscloud_flow" "this" {
  for_each = toset(["inbound", "after-hours"])
  filepath = "\${path.module}/flows/\${each.key}.yaml"
}
module "flows" {
  source = "../../modules/flows"
  files  = { inbound = "\${path.module}/flows/inbound.yaml" }
}
`);
    expect(reads).toEqual([
      { base: 'module', glob: 'flows/*.yaml' },
      { base: 'module', glob: 'flows/inbound.yaml' },
    ]);
  });

  it('see through nested quotes and ignore what cannot be known or lies outside the workspace', async () => {
    const { reads } = await referencesIn(`
locals {
  nested   = file("\${path.module}/\${lookup(var.names, "queue", "default")}.yaml")
  computed = file(var.path)
  absolute = file("/etc/hosts")
  home     = file("~/.netrc")
  dynamic  = file("\${var.dir}/x.yaml")
  escaped  = "$\${path.module}/not-a-path"
  text     = "path.module is where the module lives"
}
`);
    expect(reads).toEqual([{ base: 'module', glob: '*.yaml' }]);
  });
});

describe('data file paths', () => {
  it('in tfvars and plain literals are read relative to the root, like a flow filepath', async () => {
    const tfvars = await referencesIn(`
inbound_flows = [{ name = "Support Inbound Call", filepath = "flows/support-inbound-call.yaml" }]
shared        = "../shared/holidays.json"
queues        = { "Technical Support" = {} }
`);
    expect(tfvars.reads).toEqual([
      { base: 'root', glob: '../shared/holidays.json' },
      { base: 'root', glob: 'flows/support-inbound-call.yaml' },
    ]);
  });

  it('are told from other strings by a data file extension', () => {
    const paths = ['flows/inbound.yaml', './hours.yml', '../data/x.json', 'greeting.tftpl', 'prompts/a.txt'];
    const others = ['1.84.1', 'mypurecloud/genesyscloud', 'agent@example.com', 'Technical Support'];
    const alsoOthers = ['environments/support/terraform.tfstate', '/etc/hosts.json', 'https://x.io/a.json'];
    expect(paths.filter(isDataFilePath)).toEqual(paths);
    expect([...others, ...alsoOthers].filter(isDataFilePath)).toEqual([]);
  });
});

describe('parseHcl', () => {
  it('names the file, line and column of a syntax error', async () => {
    const error = await parseHcl('environments/support/main.tf', 'locals {\n  x = \n}\n').catch((e) => e);
    expect(error).toBeInstanceOf(HclSyntaxError);
    expect(error).toMatchObject({ file: 'environments/support/main.tf', line: 2, column: 7 });
    expect(error.message).toMatchInlineSnapshot(`
      "Can't parse HCL: Invalid expression; Expected the start of an expression, but found an invalid expression token.
        where: environments/support/main.tf:2:7
        fix:   correct the syntax, then run nx again"
    `);
  });
});
