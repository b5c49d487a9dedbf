// The files of one root as text: main.tf (one module call with the data inline, the shape environments/sales
// has), imports.tf (the import blocks alone, so the file can be deleted after the first apply) and outputs.tf.
import path from 'node:path';
import { comment, importBlock, moduleBlock } from './hcl.ts';
import type { RootOutput } from './root-output.ts';

export interface RenderContext {
  /** Absolute folder of the root once written, and of modules/, for the module source. */
  rootDir: string;
  modulesDir: string;
  /** Where the org was read from, for the header. */
  source: string;
}

function moduleSource(ctx: RenderContext, module: string): string {
  const relative = path.relative(ctx.rootDir, path.join(ctx.modulesDir, module)).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

export function renderRoot(root: RootOutput, ctx: RenderContext): Record<string, string> {
  const header =
    root.module === 'org'
      ? `The org-wide objects — divisions, custom roles, and the skills and wrap-up codes several departments share — onboarded from ${ctx.source} by \`cxops onboard\`. Department roots read them by name, so apply this root first. The onboarding report (dist/onboard/report.md) lists what was left out and why.`
      : `The ${root.folder} department (division ${root.division}), onboarded from ${ctx.source} by \`cxops onboard\`: its data in one call of modules/department. Its division, roles and shared skills and codes are owned by environments/org and read by name. The onboarding report (dist/onboard/report.md) lists what was left out and why.`;
  const files: Record<string, string> = {
    'main.tf': `${comment(header)}\n${moduleBlock(root.module, moduleSource(ctx, root.module), root.args)}`,
  };
  const blocks = root.imports.filter((group) => Object.keys(group.ids).length > 0);
  if (blocks.length)
    files['imports.tf'] =
      comment(
        'Written by `cxops onboard`: each existing object, imported into the address this root gives it. The first plan must show imports only (anything else is in the onboarding report). Delete this file after the first apply: imports of objects already in state do nothing, so keeping it is harmless but noisy.',
      ) +
      '\n' +
      blocks.map((group) => importBlock(group.to, group.ids)).join('\n');
  files['outputs.tf'] =
    root.module === 'org'
      ? "# No outputs: nothing reads this root's outputs (departments read the org's objects by name). The ids are\n# outputs of modules/org, should a root ever need them.\n"
      : "# No outputs: nothing reads a department root's outputs. The ids are outputs of modules/department, should a\n# root ever need them.\n";
  for (const [file, text] of Object.entries(root.files)) files[file] = text;
  return files;
}
