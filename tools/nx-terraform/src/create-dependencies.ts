// createDependencies: a project depends on each local module it calls. createNodes already parsed the HCL and
// left the calls in each project's metadata, so this only maps module folders to project names.
import { DependencyType, type CreateDependencies, type RawProjectGraphDependency } from '@nx/devkit';
import type { TerraformPluginOptions } from './options.ts';
import type { TerraformProjectInfo } from './read-project.ts';

export const createDependencies: CreateDependencies<TerraformPluginOptions> = (_options, context) => {
  const nameByRoot = new Map(Object.entries(context.projects).map(([name, project]) => [project.root, name]));
  const dependencies = new Map<string, RawProjectGraphDependency>();
  for (const [source, project] of Object.entries(context.projects)) {
    const calls: TerraformProjectInfo['modules'] = project.metadata?.terraform?.modules ?? [];
    for (const call of calls) {
      const target = nameByRoot.get(call.dir);
      if (!target || target === source) continue;
      const key = `${source}>${target}>${call.file}`;
      dependencies.set(key, { source, target, sourceFile: call.file, type: DependencyType.static });
    }
  }
  return [...dependencies.values()];
};
