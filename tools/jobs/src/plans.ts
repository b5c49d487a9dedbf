// Plan files and their review: each plan.json is loaded with its environment's policy settings and overrides
// (environments/<env>/cxops.policy.json and cxops.overrides.json), then judged by the safety policies.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { workspaceRoot } from '@cxops/core';
import { ENVIRONMENTS_DIR, environmentOfPlanFile } from '@cxops/layout';
import {
  evaluatePolicies,
  loadPlan,
  loadPolicyConfig,
  type EnvironmentPlan,
  type PolicyReport,
} from '@cxops/plan';

/** dist/plans/<env>/plan.json → "<env>"; a plan file anywhere else is named by its folder. */
function environmentOf(planFile: string): string {
  return environmentOfPlanFile(path.resolve(planFile)) ?? path.basename(path.dirname(path.resolve(planFile)));
}

export async function loadEnvironmentPlans(planFiles: string[]): Promise<EnvironmentPlan[]> {
  const inputs: EnvironmentPlan[] = [];
  for (const file of planFiles) {
    const environment = environmentOf(file);
    const { plan } = await loadPlan(file);
    const config = await loadPolicyConfig(path.join(workspaceRoot(), ENVIRONMENTS_DIR, environment));
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

/** Every dist/plans/<env>/plan.json the plan jobs wrote in this workspace. */
export async function plannedEnvironments(): Promise<string[]> {
  const dir = path.join(workspaceRoot(), 'dist', 'plans');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'plan.json')))
    .map((e) => path.join(dir, e.name, 'plan.json'))
    .sort();
}
