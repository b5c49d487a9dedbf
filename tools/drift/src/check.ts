// One environment's drift, read from ONE normal plan of its state: the plan's `resource_drift` (last applied →
// read back from the org) and `resource_changes` (read back → code) come from the same refresh, which is all
// classifyDrift needs. A separate refresh-only plan would cost a second refresh of every object (as many API
// calls again) and could disagree with the first. The plan goes to its own folder, so the reviewed
// tfplan/plan.json of the environment are never overwritten.
import path from 'node:path';
import { openRoot, planFolder, type OpenOptions } from '@cxops/jobs';
import { classifyDrift, loadPlan, type DriftClassification } from '@cxops/plan';
import { initRoot, planRoot } from '@cxops/terraform';

export interface DriftCheck extends DriftClassification {
  environment: string;
  /** The environment's plan folder (dist/plans/<env>). */
  planDir: string;
  /** The plan the check read (`tofu show -json`). */
  planJson: string;
  /** Environment of the engine runs, for the audit client (credentials: never logged). */
  env: Record<string, string>;
}

export async function checkEnvironmentDrift(
  root: string,
  options: Omit<OpenOptions, 'backend'> = {},
): Promise<DriftCheck> {
  const session = await openRoot(root, { ...options, backend: true });
  const planDir = planFolder(session.identity);
  await initRoot(session.engine, session.dir, session.init);
  await session.beforeLockingRun();
  const planned = await planRoot(session.engine, session.dir, path.join(planDir, 'drift-plan'), {
    env: session.env,
    beforeRerun: session.beforeLockingRun,
  });
  const { plan } = await loadPlan(planned.jsonFile);
  return {
    environment: session.identity.environment!.name,
    planDir,
    planJson: planned.jsonFile,
    env: session.env,
    ...classifyDrift(plan),
  };
}
