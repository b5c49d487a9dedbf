// One root as onboarding writes it: the module call's arguments, the import blocks, the other files (flow YAML)
// and how many objects of each kind it took.
import type { ModuleArgument } from './hcl.ts';

export interface ImportGroup {
  /** The resource address without the instance key, e.g. module.org.module.skills.genesyscloud_routing_skill.this */
  to: string;
  /** Instance key (the module's for_each key: a name or an email) => Genesys Cloud id. */
  ids: Record<string, string>;
}

export interface RootOutput {
  /** environments/<folder>. */
  folder: string;
  module: 'org' | 'department';
  /** The division a department lives in. */
  division?: string;
  args: ModuleArgument[];
  imports: ImportGroup[];
  /** Other files by path relative to the root (flows/<name>.yaml). */
  files: Record<string, string>;
  counts: Record<string, number>;
}
