// createNodes called directly on temporary workspaces with a hand-built context, asserting what it returns.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  AggregateCreateNodesError,
  type CreateNodesContext,
  type CreateNodesResult,
  type TargetConfiguration,
} from '@nx/devkit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  cachePath,
  createDependencies,
  createNodes,
  fileCachePath,
  type TerraformPluginOptions,
} from '../src/index.ts';
import { FIXTURE } from './support/fixture.ts';
import { createWorkspace, type Workspace } from './support/workspace.ts';

const [glob, createNodesFunction] = createNodes;

/** What terraform-docs needs in a README to keep its tables current. */
const DOCS_MARKERS = '<!-- BEGIN_TF_DOCS -->\n<!-- END_TF_DOCS -->\n';
const TOFU_TEST = 'run "plans" {\n  command = plan\n}\n';
const workspaces: Workspace[] = [];

beforeAll(() => {
  // The hashes come from Nx's workspace context; without a daemon it is built in this process.
  process.env.NX_DAEMON = 'false';
});

afterEach(() => {
  while (workspaces.length) workspaces.pop()!.dispose();
});

function workspace(files: Record<string, string>): Workspace {
  const ws = createWorkspace(files);
  workspaces.push(ws);
  return ws;
}

function contextFor(ws: Workspace): CreateNodesContext {
  return { nxJsonConfiguration: {}, workspaceRoot: ws.root };
}

async function run(ws: Workspace, options: TerraformPluginOptions = {}) {
  return createNodesFunction(ws.tfFiles(), options, contextFor(ws));
}

/** What the tests read of an inferred project. */
interface InferredProject {
  root: string;
  name: string;
  tags: string[];
  namedInputs: { terraform: unknown[] };
  targets: Record<string, TargetConfiguration>;
  metadata: { terraform: { modules: unknown[] }; targetGroups: Record<string, string[]> };
}

/** The projects of a result, by root. */
function projectsOf(
  results: ReadonlyArray<readonly [string, CreateNodesResult]>,
): Record<string, InferredProject> {
  return Object.assign({}, ...results.map(([, r]) => r.projects));
}

describe('the plugin glob', () => {
  it('matches .tf files under modules/ and environments/', () => {
    expect(glob).toBe('{modules,environments}/**/*.tf');
  });
});

describe('an environment that calls a module', () => {
  it('becomes two projects with inferred targets, inputs and metadata', async () => {
    const ws = workspace({
      'modules/queues/main.tf': 'resource "genesyscloud_routing_queue" "this" {\n  name = "Support"\n}\n',
      'modules/queues/README.md': `# queues\n\n${DOCS_MARKERS}`,
      'modules/queues/tests/queues.tftest.hcl': TOFU_TEST,
      'environments/support/main.tf': `module "queues" {
  source = "../../modules/queues"
}

resource "genesyscloud_flow" "inbound" {
  filepath = "\${path.module}/flows/inbound.yaml"
}
`,
    });
    expect(await run(ws)).toMatchInlineSnapshot(`
      [
        [
          "environments/support/main.tf",
          {
            "projects": {
              "environments/support": {
                "metadata": {
                  "description": "Terraform root of the support department",
                  "targetGroups": {
                    "Terraform changes": [
                      "init",
                      "plan",
                      "show",
                      "apply",
                      "drift",
                    ],
                    "Terraform checks": [
                      "fmt",
                      "validate",
                      "lint",
                    ],
                  },
                  "technologies": [
                    "terraform",
                  ],
                  "terraform": {
                    "department": "support",
                    "kind": "environment",
                    "modules": [
                      {
                        "dir": "modules/queues",
                        "file": "environments/support/main.tf",
                        "name": "queues",
                        "source": "../../modules/queues",
                      },
                    ],
                    "reads": [
                      {
                        "file": "environments/support/main.tf",
                        "input": "{projectRoot}/flows/inbound.yaml",
                      },
                    ],
                  },
                },
                "name": "env-support",
                "namedInputs": {
                  "terraform": [
                    "{projectRoot}/*.tf",
                    "{projectRoot}/**/*.tfvars",
                    "{projectRoot}/**/*.tfvars.json",
                    "{projectRoot}/.terraform.lock.hcl",
                    "{projectRoot}/flows/inbound.yaml",
                  ],
                  "terraformTooling": [
                    "{workspaceRoot}/tools/toolchain/src/manifest.ts",
                    {
                      "env": "CXOPS_TF_BINARY",
                    },
                  ],
                },
                "projectType": "application",
                "root": "environments/support",
                "tags": [
                  "terraform",
                  "type:environment",
                  "department:support",
                ],
                "targets": {
                  "apply": {
                    "cache": false,
                    "command": "cxops apply {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                    ],
                    "metadata": {
                      "description": "Applies the reviewed plan through the rate governor",
                      "help": {
                        "command": "npx cxops apply --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "parallelism": false,
                  },
                  "drift": {
                    "cache": false,
                    "command": "cxops drift {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                    ],
                    "metadata": {
                      "description": "Looks for drift: what changed outside code (and who, when); exit 2 on drift",
                      "help": {
                        "command": "npx cxops drift --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                  },
                  "fmt": {
                    "cache": true,
                    "command": "cxops fmt --check {projectRoot}",
                    "inputs": [
                      "{projectRoot}/*.tf",
                      "{projectRoot}/**/*.tfvars",
                      "{projectRoot}/**/*.tfvars.json",
                      "{projectRoot}/**/*.tftest.hcl",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Checks that the HCL is formatted (tofu fmt -check)",
                      "help": {
                        "command": "npx cxops fmt --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                  "init": {
                    "cache": false,
                    "command": "cxops init {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                    ],
                    "metadata": {
                      "description": "Initializes the root against its S3 state (tofu init)",
                      "help": {
                        "command": "npx cxops init --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                  },
                  "lint": {
                    "cache": true,
                    "command": "cxops lint {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                      "{projectRoot}/.tflint.hcl",
                      "{workspaceRoot}/.tflint.hcl",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Lints the HCL with tflint",
                      "help": {
                        "command": "npx cxops lint --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                  "plan": {
                    "cache": false,
                    "command": "cxops plan {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                    ],
                    "metadata": {
                      "description": "Plans the department: tfplan, plan.json and summary.md",
                      "help": {
                        "command": "npx cxops plan --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [
                      "{workspaceRoot}/dist/plans/support",
                    ],
                  },
                  "show": {
                    "cache": false,
                    "command": "cxops show {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                    ],
                    "metadata": {
                      "description": "Shows the saved plan of the department",
                      "help": {
                        "command": "npx cxops show --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                  },
                  "validate": {
                    "cache": true,
                    "command": "cxops validate {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Validates the configuration (tofu validate)",
                      "help": {
                        "command": "npx cxops validate --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                },
              },
            },
          },
        ],
        [
          "modules/queues/main.tf",
          {
            "projects": {
              "modules/queues": {
                "metadata": {
                  "description": "Terraform module modules/queues",
                  "targetGroups": {
                    "Terraform checks": [
                      "fmt",
                      "validate",
                      "lint",
                      "docs",
                      "test",
                    ],
                  },
                  "technologies": [
                    "terraform",
                  ],
                  "terraform": {
                    "kind": "module",
                    "modules": [],
                    "reads": [],
                  },
                },
                "name": "module-queues",
                "namedInputs": {
                  "terraform": [
                    "{projectRoot}/*.tf",
                    "{projectRoot}/**/*.tfvars",
                    "{projectRoot}/**/*.tfvars.json",
                    "{projectRoot}/.terraform.lock.hcl",
                  ],
                  "terraformTooling": [
                    "{workspaceRoot}/tools/toolchain/src/manifest.ts",
                    {
                      "env": "CXOPS_TF_BINARY",
                    },
                  ],
                },
                "projectType": "library",
                "root": "modules/queues",
                "tags": [
                  "terraform",
                  "type:module",
                ],
                "targets": {
                  "docs": {
                    "cache": true,
                    "command": "cxops docs --check {projectRoot}",
                    "inputs": [
                      "{projectRoot}/*.tf",
                      "{projectRoot}/README.md",
                      "{projectRoot}/.terraform-docs.yml",
                      "{workspaceRoot}/.terraform-docs.yml",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Checks that README.md matches terraform-docs",
                      "help": {
                        "command": "npx cxops docs --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                  "fmt": {
                    "cache": true,
                    "command": "cxops fmt --check {projectRoot}",
                    "inputs": [
                      "{projectRoot}/*.tf",
                      "{projectRoot}/**/*.tfvars",
                      "{projectRoot}/**/*.tfvars.json",
                      "{projectRoot}/**/*.tftest.hcl",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Checks that the HCL is formatted (tofu fmt -check)",
                      "help": {
                        "command": "npx cxops fmt --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                  "lint": {
                    "cache": true,
                    "command": "cxops lint {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                      "{projectRoot}/.tflint.hcl",
                      "{workspaceRoot}/.tflint.hcl",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Lints the HCL with tflint",
                      "help": {
                        "command": "npx cxops lint --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                  "test": {
                    "cache": true,
                    "command": "cxops test {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                      "{projectRoot}/**/*.tftest.hcl",
                      "{projectRoot}/tests/**/*",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Runs the tests beside the HCL (tofu test)",
                      "help": {
                        "command": "npx cxops test --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                  "validate": {
                    "cache": true,
                    "command": "cxops validate {projectRoot}",
                    "inputs": [
                      "terraform",
                      "^terraform",
                      "terraformTooling",
                    ],
                    "metadata": {
                      "description": "Validates the configuration (tofu validate)",
                      "help": {
                        "command": "npx cxops validate --help",
                        "example": {},
                      },
                      "technologies": [
                        "terraform",
                      ],
                    },
                    "options": {
                      "cwd": "{workspaceRoot}",
                    },
                    "outputs": [],
                  },
                },
              },
            },
          },
        ],
      ]
    `);
  });
});

describe('the fixture workspace (modules calling modules, flow YAML, tfvars)', () => {
  it('gives each project the files its code and data name as inputs, path.root reads going to the environment', async () => {
    const ws = workspace(FIXTURE);
    const projects = projectsOf(await run(ws));
    const terraformInputs = Object.fromEntries(
      Object.values(projects).map((p) => [p.name, p.namedInputs.terraform.slice(4)]),
    );
    // The first four entries (.tf, tfvars, lock file) are the same for every project.
    expect(projects['environments/sales']!.namedInputs.terraform.slice(0, 4)).toEqual([
      '{projectRoot}/*.tf',
      '{projectRoot}/**/*.tfvars',
      '{projectRoot}/**/*.tfvars.json',
      '{projectRoot}/.terraform.lock.hcl',
    ]);
    expect(terraformInputs).toEqual({
      'env-billing': ['{projectRoot}/flows/main.yaml', '{projectRoot}/prompts/*.txt'],
      'env-sales': [],
      'env-support': [
        '{projectRoot}/hours.yaml',
        '{projectRoot}/flows/inbound.yaml',
        '{projectRoot}/prompts/*.txt',
      ],
      'module-flows': ['{projectRoot}/templates/greeting.tftpl', '{projectRoot}/prompts/*.txt'],
      'module-queues': [],
      'module-routing': [],
    });
  });

  it('makes every department depend on the org environment, which owns what they read by name', async () => {
    const projects = {
      'env-org': {
        name: 'env-org',
        root: 'environments/org',
        tags: ['terraform', 'type:environment', 'department:org'],
      },
      'env-sales': {
        name: 'env-sales',
        root: 'environments/sales',
        tags: ['terraform', 'type:environment', 'department:sales'],
      },
      'module-queues': { name: 'module-queues', root: 'modules/queues', tags: ['terraform', 'type:module'] },
    };
    const context = {
      projects,
      externalNodes: {},
      nxJsonConfiguration: {},
      fileMap: { projectFileMap: {}, nonProjectFiles: [] },
      filesToProcess: { projectFileMap: {}, nonProjectFiles: [] },
      workspaceRoot: '/ws',
    } as unknown as Parameters<typeof createDependencies>[1];
    expect(await createDependencies({}, context)).toEqual([
      { source: 'env-sales', target: 'env-org', type: 'implicit' },
    ]);
    expect(await createDependencies({ orgEnvironment: 'shared' }, context)).toEqual([]);
  });

  it('feeds createDependencies, which turns each local module call into a static dependency', async () => {
    const ws = workspace(FIXTURE);
    const byRoot = projectsOf(await run(ws));
    const projects = Object.fromEntries(Object.values(byRoot).map((p) => [p.name, p]));
    const dependencies = await createDependencies({}, {
      projects,
      externalNodes: {},
      nxJsonConfiguration: {},
      fileMap: { projectFileMap: {}, nonProjectFiles: [] },
      filesToProcess: { projectFileMap: {}, nonProjectFiles: [] },
      workspaceRoot: ws.root,
    } as Parameters<typeof createDependencies>[1]);
    expect(dependencies).toEqual([
      {
        source: 'env-billing',
        target: 'module-flows',
        sourceFile: 'environments/billing/main.tf',
        type: 'static',
      },
      {
        source: 'env-sales',
        target: 'module-queues',
        sourceFile: 'environments/sales/main.tf',
        type: 'static',
      },
      {
        source: 'env-support',
        target: 'module-flows',
        sourceFile: 'environments/support/main.tf',
        type: 'static',
      },
      {
        source: 'env-support',
        target: 'module-routing',
        sourceFile: 'environments/support/main.tf',
        type: 'static',
      },
      {
        source: 'module-routing',
        target: 'module-queues',
        sourceFile: 'modules/routing/main.tf',
        type: 'static',
      },
    ]);
  });
});

describe('folders and names', () => {
  it('makes a project of every folder of .tf files, skipping hidden folders such as .terraform', async () => {
    const ws = workspace({
      'modules/a-b/main.tf': '',
      'modules/a/b/main.tf': '',
      'modules/queues/examples/basic/main.tf': 'module "queues" {\n  source = "../.."\n}\n',
      'modules/queues/main.tf': '',
      'modules/loose.tf': '',
      'environments/support/main.tf': '',
      'environments/support/shared/main.tf': '',
      'environments/support/.terraform/modules/queues/main.tf': '',
    });
    const projects = Object.values(projectsOf(await run(ws))).map((p) => [p.root, p.name, p.tags.join(' ')]);
    expect(projects).toEqual([
      ['environments/support', 'env-support', 'terraform type:environment department:support'],
      ['environments/support/shared', 'env-support/shared', 'terraform type:module department:support'],
      ['modules/a-b', 'module-a-b', 'terraform type:module'],
      ['modules/a/b', 'module-a/b', 'terraform type:module'],
      ['modules/queues/examples/basic', 'module-queues/examples/basic', 'terraform type:example'],
      ['modules/queues', 'module-queues', 'terraform type:module'],
    ]);
  });

  it('gives plan, apply and the other live targets to environments only', async () => {
    const ws = workspace({ 'modules/queues/main.tf': '', 'environments/support/main.tf': '' });
    const projects = projectsOf(await run(ws));
    expect(Object.keys(projects['modules/queues']!.targets)).toEqual(['fmt', 'validate', 'lint']);
    expect(Object.keys(projects['environments/support']!.targets)).toEqual([
      'fmt',
      'validate',
      'lint',
      'init',
      'plan',
      'show',
      'apply',
      'drift',
    ]);
  });
});

describe('docs and test targets', () => {
  it('infer docs only where README.md carries the terraform-docs markers, never for an environment', async () => {
    const ws = workspace({
      'modules/queues/main.tf': '',
      'modules/queues/README.md': `# queues\n\n${DOCS_MARKERS}`,
      'modules/queues/examples/basic/main.tf': '',
      'modules/queues/examples/basic/README.md': `# basic\n\n${DOCS_MARKERS}`,
      'modules/skills/main.tf': '',
      'modules/skills/README.md': '# skills, written by hand\n',
      'modules/users/main.tf': '',
      'environments/support/main.tf': '',
      'environments/support/README.md': `# support\n\n${DOCS_MARKERS}`,
    });
    const projects = projectsOf(await run(ws));
    const withDocs = Object.values(projects)
      .filter((p) => 'docs' in p.targets)
      .map((p) => p.root);
    expect(withDocs).toEqual(['modules/queues/examples/basic', 'modules/queues']);
  });

  it('infer test only where *.tftest.hcl files are, in the folder or its tests/ folder', async () => {
    const ws = workspace({
      'modules/queues/main.tf': '',
      'modules/queues/tests/queues.tftest.hcl': TOFU_TEST,
      'modules/skills/main.tf': '',
      'modules/skills/skills.tftest.hcl': TOFU_TEST,
      'modules/users/main.tf': '',
      'modules/users/tests/README.md': '# no tests yet\n',
      'environments/support/main.tf': '',
      'environments/sales/main.tf': '',
      'environments/sales/tests/sales.tftest.hcl': TOFU_TEST,
    });
    const projects = projectsOf(await run(ws));
    const withTests = Object.values(projects)
      .filter((p) => 'test' in p.targets)
      .map((p) => p.root);
    expect(withTests).toEqual(['environments/sales', 'modules/queues', 'modules/skills']);
    expect(projects['modules/users']!.metadata).toMatchObject({
      targetGroups: { 'Terraform checks': ['fmt', 'validate', 'lint'] },
    });
  });

  it('reads a local module outside modules/ and environments/ through its files', async () => {
    const ws = workspace({
      'shared/labels/main.tf': '',
      'environments/support/main.tf': 'module "labels" {\n  source = "../../shared/labels"\n}\n',
    });
    const projects = projectsOf(await run(ws));
    expect(projects['environments/support']!.namedInputs.terraform).toContain(
      '{workspaceRoot}/shared/labels/*.tf',
    );
  });
});

describe('linked .tf files (shared root wiring)', () => {
  it("make the link's target an input of the linking project, once, and no project of their own", async () => {
    const ws = workspace({
      'environments/org/versions.tf': 'terraform {\n  required_version = ">= 1.10.0"\n}\n',
      'environments/org/main.tf': '',
      'environments/department-migrations.tf': 'moved {\n  from = module.a\n  to   = module.b.module.a\n}\n',
      'environments/sales/main.tf': '',
    });
    ws.link('environments/sales/versions.tf', '../org/versions.tf');
    ws.link('environments/sales/migrations.tf', '../department-migrations.tf');
    const projects = projectsOf(await run(ws));
    expect(Object.keys(projects)).toEqual(['environments/org', 'environments/sales']);
    const sales = projects['environments/sales']! as InferredProject & {
      metadata: { terraform: { reads: unknown[] } };
    };
    expect(sales.namedInputs.terraform.slice(4)).toEqual([
      '{workspaceRoot}/environments/department-migrations.tf',
      '{workspaceRoot}/environments/org/versions.tf',
    ]);
    expect(sales.metadata.terraform.reads).toEqual([
      {
        input: '{workspaceRoot}/environments/department-migrations.tf',
        file: 'environments/sales/migrations.tf',
      },
      { input: '{workspaceRoot}/environments/org/versions.tf', file: 'environments/sales/versions.tf' },
    ]);
    expect(projects['environments/org']!.namedInputs.terraform.slice(4)).toEqual([]);
  });
});

describe('options', () => {
  it('rename targets, replace commands ({department} included) and move the plans folder', async () => {
    const ws = workspace({ 'environments/support/main.tf': '' });
    const projects = projectsOf(
      await run(ws, {
        planTargetName: 'tf-plan',
        commands: { plan: 'echo {projectName} {department} >> plans.log' },
        plansDirectory: 'out/plans/',
      }),
    );
    const target = projects['environments/support']!.targets['tf-plan'];
    expect(target).toMatchObject({
      command: 'echo {projectName} support >> plans.log',
      outputs: ['{workspaceRoot}/out/plans/support'],
      cache: false,
    });
    expect(projects['environments/support']!.targets.plan).toBeUndefined();
  });
});

describe('malformed HCL', () => {
  it('in .tf or .tfvars is reported per file with its line, and every project is still returned', async () => {
    const ws = workspace({
      ...FIXTURE,
      'modules/routing/outputs.tf': 'output "x" {\n  value = \n}\n',
      'environments/sales/broken.tf': 'resource "a" "b" {\n',
      'environments/billing/billing.auto.tfvars': 'queues = [\n',
    });
    const error = await run(ws).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AggregateCreateNodesError);
    const { errors, partialResults } = error as AggregateCreateNodesError;
    expect(errors.map(([file, e]) => [file, e.message.split('\n')[1]])).toEqual([
      ['environments/billing/billing.auto.tfvars', '  where: environments/billing/billing.auto.tfvars:2:1'],
      ['environments/sales/broken.tf', '  where: environments/sales/broken.tf:1:18'],
      ['modules/routing/outputs.tf', '  where: modules/routing/outputs.tf:2:11'],
    ]);
    expect(Object.keys(projectsOf(partialResults))).toEqual([
      'environments/billing',
      'environments/sales',
      'environments/support',
      'modules/flows',
      'modules/queues',
      'modules/routing',
    ]);
    // What the intact files say is kept: routing still depends on queues.
    expect(projectsOf(partialResults)['modules/routing']!.metadata.terraform.modules).toHaveLength(1);
  });
});

describe('the cache', () => {
  it('is written under the workspace data folder and answers the next run without parsing', async () => {
    const ws = workspace(FIXTURE);
    const first = await run(ws);
    const file = cachePath(ws.root);
    expect(file).toBe(`${ws.root}/.nx/workspace-data/nx-terraform-v3.hash`);
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { root: string }> };
    expect(Object.values(cache.entries).map((e) => e.root)).toHaveLength(6);

    // Plant a marker in the cached entry of sales: a run that parsed would not see it.
    for (const entry of Object.values(cache.entries) as Array<{ root: string; moduleReads: unknown[] }>) {
      if (entry.root === 'environments/sales') entry.moduleReads = [{ path: 'from-cache', file: 'x.tf' }];
    }
    writeFileSync(file, JSON.stringify(cache));
    const second = projectsOf(await run(ws));
    expect(second['environments/sales']!.namedInputs.terraform).toContain('{workspaceRoot}/from-cache');
    expect(second['environments/support']!).toEqual(projectsOf(first)['environments/support']!);
  });

  it('keeps what each file uses by its text, so a folder read again parses only text it has not seen', async () => {
    const call = 'module "queues" {\n  source = "../../modules/queues"\n}\n';
    const ws = workspace({
      'modules/queues/main.tf': 'resource "genesyscloud_routing_queue" "this" {\n  name = "Support"\n}\n',
      'environments/sales/main.tf': call,
      'environments/support/main.tf': call,
      'environments/support/outputs.tf': 'output "x" {\n  value = 1\n}\n',
    });
    await run(ws);
    const file = fileCachePath(ws.root);
    expect(file).toBe(`${ws.root}/.nx/workspace-data/nx-terraform-files-v3.hash`);
    const cache = JSON.parse(readFileSync(file, 'utf8')) as {
      entries: Record<string, { modules: Array<{ name: string; source: string }> }>;
    };
    // Four files, three texts: the two departments' main.tf are the same text, parsed once.
    expect(Object.keys(cache.entries)).toHaveLength(3);

    // Plant a marker in what the shared main.tf uses, and forget the projects: both folders are read again.
    for (const entry of Object.values(cache.entries))
      if (entry.modules.length > 0) entry.modules = [{ name: 'from-cache', source: '../../modules/queues' }];
    writeFileSync(file, JSON.stringify(cache));
    rmSync(cachePath(ws.root));
    const projects = projectsOf(await run(ws));
    for (const root of ['environments/sales', 'environments/support'])
      expect(projects[root]!.metadata.terraform.modules).toEqual([
        expect.objectContaining({ name: 'from-cache', dir: 'modules/queues', file: `${root}/main.tf` }),
      ]);
  });

  it('names every file that has a syntax error, even when two hold the same text', async () => {
    const ws = workspace({
      'environments/sales/main.tf': 'locals {\n',
      'environments/support/main.tf': 'locals {\n',
    });
    const error = (await run(ws).catch((e: unknown) => e)) as AggregateCreateNodesError;
    expect(error).toBeInstanceOf(AggregateCreateNodesError);
    expect(error.errors.map(([file, e]) => [file, e.message.split('\n')[1]])).toEqual([
      ['environments/sales/main.tf', '  where: environments/sales/main.tf:1:8'],
      ['environments/support/main.tf', '  where: environments/support/main.tf:1:8'],
    ]);
  });

  it('does not keep projects with errors, so they are reported again', async () => {
    const ws = workspace({ 'environments/support/main.tf': 'locals {\n' });
    await expect(run(ws)).rejects.toBeInstanceOf(AggregateCreateNodesError);
    expect(existsSync(cachePath(ws.root))).toBe(false);
    await expect(run(ws)).rejects.toBeInstanceOf(AggregateCreateNodesError);
  });
});
