// Policies and summaries over plan files: shared by `cxops plan`, `cxops assert` and `cxops summarize`.
import { existsSync } from 'node:fs';
import { readdir, writeFile, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { workspaceRoot } from '@cxops/core';
import {
  evaluatePolicies,
  loadPlan,
  loadPolicyConfig,
  type EnvironmentPlan,
  type PolicyReport,
} from '@cxops/plan';

/** dist/plans/<env>/plan.json → "<env>"; any other path → its folder name. */
export function environmentOf(planFile: string): string {
  return path.basename(path.dirname(path.resolve(planFile)));
}

/** Loads plans with each environment's policy settings and overrides (from environments/<env>/, if it exists). */
export async function loadEnvironmentPlans(planFiles: string[]): Promise<EnvironmentPlan[]> {
  const inputs: EnvironmentPlan[] = [];
  for (const file of planFiles) {
    const environment = environmentOf(file);
    const { plan } = await loadPlan(file);
    const config = await loadPolicyConfig(path.join(workspaceRoot(), 'environments', environment));
    inputs.push({ environment, plan, config });
  }
  return inputs;
}

export async function assessPlans(
  planFiles: string[],
): Promise<{ inputs: EnvironmentPlan[]; report: PolicyReport }> {
  const inputs = await loadEnvironmentPlans(planFiles);
  return { inputs, report: evaluatePolicies(inputs) };
}

/** Every dist/plans/<env>/plan.json the plan target wrote in this workspace. */
export async function plannedEnvironments(): Promise<string[]> {
  const dir = path.join(workspaceRoot(), 'dist', 'plans');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'plan.json')))
    .map((e) => path.join(dir, e.name, 'plan.json'))
    .sort();
}

export async function writeAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, content);
  await rename(`${file}.tmp`, file);
}
