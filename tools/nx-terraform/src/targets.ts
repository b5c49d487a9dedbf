// The inferred targets: a pure function of a project and the options, one small factory per target.
import type { TargetConfiguration } from '@nx/devkit';
import type { ProjectKind } from './layout.ts';
import type { Input, NormalizedOptions, TerraformVerb } from './options.ts';

export interface TargetProject {
  kind: ProjectKind;
  department?: string;
  /** README.md carries the terraform-docs markers. */
  docs: boolean;
  /** There are `*.tftest.hcl` files to run. */
  tests: boolean;
}

/** Named inputs every project gets; `^terraform` in a target reads a dependency's `terraform`. */
const TERRAFORM_INPUT = 'terraform';
const TOOLING_INPUT = 'terraformTooling';

const HCL_CODE = ['{projectRoot}/*.tf'];
const HCL_DATA = ['{projectRoot}/**/*.tfvars', '{projectRoot}/**/*.tfvars.json'];

/**
 * What Terraform itself reads for this project: its .tf files, its data (tfvars), the provider lock file and
 * every file its code reads (flow YAML, templates). README and other docs are deliberately absent, so a
 * docs-only change affects no plan.
 */
export function terraformNamedInputs(
  readInputs: string[],
  options: NormalizedOptions,
): Record<string, Input[]> {
  return {
    [TERRAFORM_INPUT]: [...HCL_CODE, ...HCL_DATA, '{projectRoot}/.terraform.lock.hcl', ...readInputs],
    [TOOLING_INPUT]: options.toolingInputs,
  };
}

/** The code and data of this project and, through `^`, of every module it calls, directly or not. */
const WITH_MODULES: Input[] = [TERRAFORM_INPUT, `^${TERRAFORM_INPUT}`];

export function buildTerraformTargets(
  project: TargetProject,
  options: NormalizedOptions,
): Record<string, TargetConfiguration> {
  const factories: Array<[TerraformVerb, TargetFactory]> = [
    ['fmt', fmtTarget],
    ['validate', validateTarget],
    ['lint', lintTarget],
  ];
  // Environment READMEs are written by hand: terraform-docs keeps only module and example READMEs.
  if (project.docs && project.kind !== 'environment') factories.push(['docs', docsTarget]);
  if (project.tests) factories.push(['test', testTarget]);
  if (project.kind === 'environment') {
    factories.push(
      ['init', initTarget],
      ['plan', planTarget],
      ['show', showTarget],
      ['apply', applyTarget],
      ['drift', driftTarget],
    );
  }
  const targets: Record<string, TargetConfiguration> = {};
  for (const [verb, factory] of factories) targets[options.targetNames[verb]] = factory(project, options);
  return targets;
}

type TargetFactory = (project: TargetProject, options: NormalizedOptions) => TargetConfiguration;

function fmtTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return checkTarget('fmt', project, options, 'Checks that the HCL is formatted (tofu fmt -check)', [
    ...HCL_CODE,
    ...HCL_DATA,
    '{projectRoot}/**/*.tftest.hcl',
  ]);
}

function validateTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return checkTarget(
    'validate',
    project,
    options,
    'Validates the configuration (tofu validate)',
    WITH_MODULES,
  );
}

function lintTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return checkTarget('lint', project, options, 'Lints the HCL with tflint', [
    ...WITH_MODULES,
    '{projectRoot}/.tflint.hcl',
    '{workspaceRoot}/.tflint.hcl',
  ]);
}

function docsTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return checkTarget('docs', project, options, 'Checks that README.md matches terraform-docs', [
    ...HCL_CODE,
    '{projectRoot}/README.md',
    '{projectRoot}/.terraform-docs.yml',
    '{workspaceRoot}/.terraform-docs.yml',
  ]);
}

function testTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return checkTarget('test', project, options, 'Runs the tests beside the HCL (tofu test)', [
    ...WITH_MODULES,
    '{projectRoot}/**/*.tftest.hcl',
    '{projectRoot}/tests/**/*',
  ]);
}

function initTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return liveTarget('init', project, options, 'Initializes the root against its S3 state (tofu init)');
}

function planTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return {
    ...liveTarget('plan', project, options, 'Plans the department: tfplan, plan.json and summary.md'),
    outputs: [`{workspaceRoot}/${options.plansDirectory}/${project.department}`],
  };
}

function showTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return liveTarget('show', project, options, 'Shows the saved plan of the department');
}

function applyTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  // One org's API rate budget serves every department, and each `cxops apply` runs its own rate governor:
  // Nx runs applies one at a time, each governed with the whole budget. `cxops apply --affected` runs the same
  // environments side by side under one governor (org first).
  return {
    ...liveTarget('apply', project, options, 'Applies the reviewed plan through the rate governor'),
    parallelism: false,
  };
}

function driftTarget(project: TargetProject, options: NormalizedOptions): TargetConfiguration {
  return liveTarget(
    'drift',
    project,
    options,
    'Looks for drift: what changed outside code (and who, when); exit 2 on drift',
  );
}

/** A deterministic check: cached, with every input that can change its answer. */
function checkTarget(
  verb: TerraformVerb,
  project: TargetProject,
  options: NormalizedOptions,
  description: string,
  inputs: Input[],
): TargetConfiguration {
  return {
    ...commandTarget(verb, project, options, description),
    cache: true,
    inputs: [...inputs, TOOLING_INPUT],
    outputs: [],
  };
}

/**
 * A target that talks to state or the API: never cached. Its inputs still matter, because `nx affected`
 * selects a task only when a change reaches its inputs: this is what keeps a README edit from planning.
 */
function liveTarget(
  verb: TerraformVerb,
  project: TargetProject,
  options: NormalizedOptions,
  description: string,
): TargetConfiguration {
  return { ...commandTarget(verb, project, options, description), cache: false, inputs: WITH_MODULES };
}

function commandTarget(
  verb: TerraformVerb,
  project: TargetProject,
  options: NormalizedOptions,
  description: string,
): TargetConfiguration {
  return {
    command: options.commands[verb].replaceAll('{department}', project.department ?? ''),
    options: { cwd: '{workspaceRoot}' },
    metadata: {
      technologies: ['terraform'],
      description,
      help: { command: `npx cxops ${verb} --help`, example: {} },
    },
  };
}
