// createDependencies: a project depends on each local module it calls. createNodes already parsed the HCL and
// left the calls in each project's metadata, so this only maps module folders to project names. Departments
// also depend on the org environment: they read its divisions and roles by name, through data sources that no
// module call reveals.
import { DependencyType, type CreateDependencies, type RawProjectGraphDependency } from '@nx/devkit';
import type { TerraformPluginOptions } from './options.ts';
import type { TerraformProjectInfo } from './read-project.ts';

export const createDependencies: CreateDependencies<TerraformPluginOptions> = (options, context) => {
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
  const orgTag = `department:${options?.orgEnvironment ?? 'org'}`;
  const environments = Object.entries(context.projects).filter(([, p]) =>
    p.tags?.includes('type:environment'),
  );
  const org = environments.find(([, p]) => p.tags?.includes(orgTag))?.[0];
  if (org) {
    for (const [source] of environments) {
      if (source !== org)
        dependencies.set(`${source}>${org}`, { source, target: org, type: DependencyType.implicit });
    }
  }
  return [...dependencies.values()];
};
