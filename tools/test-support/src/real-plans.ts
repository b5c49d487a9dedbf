// Real plans made by the toolchain's OpenTofu: apply every stage but the last, then plan the last and
// render it with `show -json`. Uses only built-in resources (terraform_data), so it runs offline anywhere.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { initRoot, planRoot, resolveEngine, runEngine } from '@cxops/terraform';
import { loadPlan, type LoadedPlan } from '@cxops/plan';
import { realLayout, requireToolchainBinary, tempDir } from './paths.ts';

export async function realPlan(stages: string[], vars: Record<string, string> = {}): Promise<LoadedPlan> {
  requireToolchainBinary('tofu');
  const engine = await resolveEngine({ layout: realLayout, env: { ...process.env, CXOPS_TF_BINARY: '' } });
  const dir = await tempDir('cxops-plan-');
  const env = Object.fromEntries(Object.entries(vars).map(([k, v]) => [`TF_VAR_${k}`, v]));
  for (const [i, hcl] of stages.entries()) {
    await writeFile(path.join(dir, 'main.tf'), hcl);
    if (i === 0) await initRoot(engine, dir, { env });
    if (i < stages.length - 1) {
      const applied = await runEngine(engine, dir, ['apply', '-auto-approve', '-input=false', '-no-color'], {
        env,
      });
      if (applied.exitCode !== 0) throw new Error(`apply of stage ${i} failed:\n${applied.stderr}`);
    }
  }
  const { jsonFile } = await planRoot(engine, dir, path.join(dir, 'out'), { env });
  return loadPlan(jsonFile);
}
