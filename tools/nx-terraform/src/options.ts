// Plugin options as written in nx.json; every one is optional and normalizeOptions() fills the defaults.
import type { TargetConfiguration } from '@nx/devkit';

/** One entry of a target's or named input's `inputs`: a file pattern, a named input or an object form. */
export type Input = NonNullable<TargetConfiguration['inputs']>[number];

export const VERBS = [
  'fmt',
  'validate',
  'lint',
  'docs',
  'test',
  'init',
  'plan',
  'show',
  'apply',
  'drift',
] as const;
export type TerraformVerb = (typeof VERBS)[number];

export interface TerraformPluginOptions {
  fmtTargetName?: string;
  validateTargetName?: string;
  lintTargetName?: string;
  docsTargetName?: string;
  testTargetName?: string;
  initTargetName?: string;
  planTargetName?: string;
  showTargetName?: string;
  applyTargetName?: string;
  driftTargetName?: string;
  /**
   * The command each target runs, e.g. `{ "plan": "npx cxops plan {projectRoot} --json" }`. Nx replaces
   * {projectRoot}, {projectName} and {workspaceRoot}; the plugin also replaces {department}.
   */
  commands?: Partial<Record<TerraformVerb, string>>;
  /**
   * The environment that owns org-wide objects (divisions, roles, shared skills) which departments read by name
   * (default `org`). Every other environment depends on it, so an org change replans the departments.
   */
  orgEnvironment?: string;
  /** Workspace-relative folder `plan` writes to, one sub-folder per department (default `dist/plans`). */
  plansDirectory?: string;
  /**
   * What the cached checks also depend on besides the HCL: by default the pinned tool versions and the
   * engine choice, so a new tofu/tflint/terraform-docs reruns them.
   */
  toolingInputs?: Input[];
}

export interface NormalizedOptions {
  targetNames: Record<TerraformVerb, string>;
  commands: Record<TerraformVerb, string>;
  plansDirectory: string;
  toolingInputs: Input[];
}

const DEFAULT_TOOLING_INPUTS: Input[] = [
  '{workspaceRoot}/tools/toolchain/src/manifest.ts',
  { env: 'CXOPS_TF_BINARY' },
];

/** `cxops <verb> {projectRoot}` (Nx puts node_modules/.bin on PATH; npx would add npm's start-up); fmt and docs only check, since a cached target must not rewrite files. */
function defaultCommand(verb: TerraformVerb): string {
  return verb === 'fmt' || verb === 'docs'
    ? `cxops ${verb} --check {projectRoot}`
    : `cxops ${verb} {projectRoot}`;
}

export function normalizeOptions(options: TerraformPluginOptions | undefined): NormalizedOptions {
  const o = { ...options };
  const targetNames = {} as Record<TerraformVerb, string>;
  const commands = {} as Record<TerraformVerb, string>;
  for (const verb of VERBS) {
    targetNames[verb] = o[`${verb}TargetName`] ?? verb;
    commands[verb] = o.commands?.[verb] ?? defaultCommand(verb);
  }
  o.plansDirectory ??= 'dist/plans';
  o.toolingInputs ??= DEFAULT_TOOLING_INPUTS;
  return {
    targetNames,
    commands,
    plansDirectory: o.plansDirectory.replace(/\/+$/, ''),
    toolingInputs: o.toolingInputs,
  };
}
