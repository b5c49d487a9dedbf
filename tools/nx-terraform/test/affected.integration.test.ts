// The real `nx` on a temporary git repository: which environments a branch affects and which ones
// `nx affected -t plan` plans. The plan command is replaced (through the plugin's options) by one that
// records the project it ran for.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './support/fixture.ts';
import { createWorkspace, type Workspace } from './support/workspace.ts';

const RECORD_PLAN = 'echo {projectName} >> plans.log';

let ws: Workspace;

beforeAll(() => {
  ws = createWorkspace(FIXTURE, { git: true, pluginOptions: { commands: { plan: RECORD_PLAN } } });
});

afterAll(() => ws?.dispose());

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean).sort();
}

/** Projects nx lists as affected on the current branch against main (optionally for one target). */
function affectedProjects(...extra: string[]): string[] {
  const result = ws.nx('show', 'projects', '--affected', '--base=main', '--head=HEAD', ...extra);
  expect(result.status, result.stderr).toBe(0);
  return lines(result.stdout);
}

/** Runs `nx affected -t plan` and returns the projects whose plan command ran. */
function plannedProjects(): string[] {
  const log = path.join(ws.root, 'plans.log');
  ws.remove('plans.log');
  const result = ws.nx('affected', '-t', 'plan', '--base=main', '--head=HEAD', '--skip-nx-cache');
  expect(result.status, result.stdout + result.stderr).toBe(0);
  return existsSync(log) ? lines(readFileSync(log, 'utf8')) : [];
}

describe('the project graph of the fixture workspace', () => {
  it('has one project per folder of .tf files, named by kind and path', () => {
    const result = ws.nx('show', 'projects');
    expect(result.status, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual([
      'env-billing',
      'env-sales',
      'env-support',
      'module-flows',
      'module-queues',
      'module-routing',
    ]);
  });

  it('has a dependency for every local module call', () => {
    const result = ws.nx('graph', '--file=dist/graph.json');
    expect(result.status, result.stderr).toBe(0);
    const { graph } = JSON.parse(readFileSync(path.join(ws.root, 'dist/graph.json'), 'utf8')) as {
      graph: { dependencies: Record<string, Array<{ target: string; type: string }>> };
    };
    const edges = Object.entries(graph.dependencies).flatMap(([source, deps]) =>
      deps.map((d) => `${source} -> ${d.target} (${d.type})`),
    );
    expect(edges.sort()).toEqual([
      'env-billing -> module-flows (static)',
      'env-sales -> module-queues (static)',
      'env-support -> module-flows (static)',
      'env-support -> module-routing (static)',
      'module-routing -> module-queues (static)',
    ]);
  });
});

describe('a change to a module', () => {
  beforeAll(() =>
    ws.branch('module-change', (w) => w.write('modules/queues/variables.tf', variableWithDefault())),
  );

  it('marks every environment that uses it, directly or through another module', () => {
    expect(affectedProjects()).toEqual(['env-sales', 'env-support', 'module-queues', 'module-routing']);
  });

  it('plans exactly those environments', () => {
    expect(plannedProjects()).toEqual(['env-sales', 'env-support']);
  });
});

describe("a change to one department's data (tfvars)", () => {
  beforeAll(() =>
    ws.branch('tfvars-change', (w) => w.write('environments/sales/terraform.tfvars', 'queues = {}\n')),
  );

  it('marks only that department', () => {
    expect(affectedProjects()).toEqual(['env-sales']);
    expect(plannedProjects()).toEqual(['env-sales']);
  });
});

describe('a change to a flow YAML named in the tfvars', () => {
  beforeAll(() =>
    ws.branch('flow-change', (w) =>
      w.write('environments/support/flows/inbound.yaml', 'inboundCall:\n  name: Support inbound v2\n'),
    ),
  );

  it('plans the environment that uses it and no other', () => {
    expect(affectedProjects('-t', 'plan')).toEqual(['env-support']);
    expect(plannedProjects()).toEqual(['env-support']);
  });
});

describe('a change to a flow YAML named in main.tf', () => {
  beforeAll(() =>
    ws.branch('flow-change-billing', (w) =>
      w.write('environments/billing/flows/main.yaml', 'inboundCall:\n  name: Billing main v2\n'),
    ),
  );

  it('plans that environment', () => {
    expect(plannedProjects()).toEqual(['env-billing']);
  });
});

describe("a prompt added where a module reads its root's prompts/*.txt", () => {
  beforeAll(() =>
    ws.branch('prompt-added', (w) =>
      w.write('environments/billing/prompts/after-hours.txt', 'We are closed\n'),
    ),
  );

  it('plans that environment', () => {
    expect(plannedProjects()).toEqual(['env-billing']);
  });
});

describe('a change to a template a module reads', () => {
  beforeAll(() =>
    ws.branch('template-change', (w) => w.write('modules/flows/templates/greeting.tftpl', 'Good morning\n')),
  );

  it('plans every environment that calls the module', () => {
    expect(plannedProjects()).toEqual(['env-billing', 'env-support']);
  });
});

describe('a docs-only change (README.md)', () => {
  beforeAll(() =>
    ws.branch('docs-change', (w) => {
      w.write('environments/support/README.md', '# support\n\nWho to call.\n');
      w.write(
        'modules/queues/README.md',
        '# queues\n\nUsage.\n\n<!-- BEGIN_TF_DOCS -->\n<!-- END_TF_DOCS -->\n',
      );
    }),
  );

  it('plans nothing', () => {
    expect(affectedProjects('-t', 'plan')).toEqual([]);
    expect(plannedProjects()).toEqual([]);
  });

  it('still selects the docs check of the changed module (an environment README has none)', () => {
    expect(affectedProjects('-t', 'docs')).toEqual(['module-queues']);
  });

  it('is still listed by ownership when no target is named (Nx counts the files a project owns)', () => {
    expect(affectedProjects()).toContain('env-support');
  });
});

describe('a new environment', () => {
  beforeAll(() =>
    ws.branch('new-environment', (w) =>
      w.write('environments/marketing/main.tf', 'module "queues" {\n  source = "../../modules/queues"\n}\n'),
    ),
  );

  it('is a project with no configuration and is planned', () => {
    expect(lines(ws.nx('show', 'projects', '--projects=tag:type:environment').stdout)).toEqual([
      'env-billing',
      'env-marketing',
      'env-sales',
      'env-support',
    ]);
    expect(plannedProjects()).toEqual(['env-marketing']);
  });
});

describe('malformed HCL', () => {
  beforeAll(() =>
    ws.branch('malformed', (w) => w.write('modules/routing/outputs.tf', 'output "x" {\n  value = \n}\n')),
  );

  it('fails the graph loudly, naming the file and line', () => {
    const result = ws.nx('show', 'projects');
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).toContain('where: modules/routing/outputs.tf:2:11');
  });

  it('keeps every project, the broken one included, in the partial graph Nx reports', () => {
    const script = `
      const { createProjectGraphAsync } = require('nx/src/devkit-exports');
      createProjectGraphAsync().then(
        () => console.log('no error'),
        (e) => console.log(JSON.stringify(Object.keys(e.getPartialProjectGraph().nodes).sort())),
      );`;
    const result = ws.node(script);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      'env-billing',
      'env-sales',
      'env-support',
      'module-flows',
      'module-queues',
      'module-routing',
    ]);
  });
});

function variableWithDefault(): string {
  return `variable "queues" {
  description = "Queues by name."
  type        = map(object({ description = optional(string) }))
  default     = {}
}
`;
}

describe('department roots that link shared wiring (versions.tf -> ../org/versions.tf)', () => {
  let linked: Workspace;

  beforeAll(() => {
    const call = 'module "queues" {\n  source = "../../modules/queues"\n}\n';
    linked = createWorkspace(
      {
        'modules/queues/main.tf': 'resource "genesyscloud_routing_queue" "this" {\n  name = "Support"\n}\n',
        'environments/org/main.tf': '',
        'environments/org/versions.tf': 'terraform {\n  required_version = ">= 1.10.0"\n}\n',
        'environments/department-migrations.tf':
          'moved {\n  from = module.a\n  to   = module.b.module.a\n}\n',
        'environments/sales/main.tf': call,
        'environments/support/main.tf': call,
      },
      {
        git: true,
        pluginOptions: { commands: { plan: RECORD_PLAN } },
        links: {
          'environments/sales/versions.tf': '../org/versions.tf',
          'environments/support/versions.tf': '../org/versions.tf',
          'environments/sales/migrations.tf': '../department-migrations.tf',
          'environments/support/migrations.tf': '../department-migrations.tf',
        },
      },
    );
  });

  afterAll(() => linked?.dispose());

  const plansOf = (branch: string, change: (w: Workspace) => void) => {
    linked.branch(branch, change);
    const result = linked.nx('show', 'projects', '--affected', '-t', 'plan', '--base=main', '--head=HEAD');
    expect(result.status, result.stderr).toBe(0);
    return lines(result.stdout);
  };

  it('lists every project once: links make no projects and no duplicates', () => {
    const result = linked.nx('show', 'projects');
    expect(result.status, result.stderr).toBe(0);
    expect(lines(result.stdout)).toEqual(['env-org', 'env-sales', 'env-support', 'module-queues']);
  });

  it('plans every root when the linked org file changes', () => {
    const versions = 'terraform {\n  required_version = ">= 1.11.0"\n}\n';
    expect(plansOf('org-versions', (w) => w.write('environments/org/versions.tf', versions))).toEqual([
      'env-org',
      'env-sales',
      'env-support',
    ]);
  });

  it('plans the linking departments, and not org, when a linked file outside any project changes', () => {
    const moved = 'moved {\n  from = module.c\n  to   = module.b.module.c\n}\n';
    expect(plansOf('migrations', (w) => w.write('environments/department-migrations.tf', moved))).toEqual([
      'env-sales',
      'env-support',
    ]);
  });
});
