// @cxops/nx-terraform: Terraform folders as Nx projects, with dependencies and targets inferred from the HCL.
export { createNodes, createNodesV2, groupProjectFiles, TERRAFORM_GLOB } from './create-nodes.ts';
export { createDependencies } from './create-dependencies.ts';
export { parseHcl, HclSyntaxError } from './hcl.ts';
export { identify, type ProjectIdentity, type ProjectKind } from './layout.ts';
export { normalizeOptions, VERBS, type TerraformPluginOptions, type TerraformVerb } from './options.ts';
export { cachePath, CACHE_VERSION, fileCachePath } from './cache.ts';

export const name = '@cxops/nx-terraform';
export {
  affectedTerraformProjects,
  type AffectedTerraformProjects,
  type TerraformProject,
} from './affected-files.ts';
