// The jobs on one environment that the Nx targets and the workflows run: plan (init → validate → plan -out →
// show -json → policies → summary.md + policy.json) and apply exactly the reviewed plan. Drift: @cxops/drift.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CxError, secretValuesOf, writeFileAtomic, type RunResult } from '@cxops/core';
import { applyCost, type ApplyCost } from '@cxops/costs';
import { compareDigests, digestPlan, renderSummary, type PlanDigest, type PolicyReport } from '@cxops/plan';
import {
  applyPlanFile,
  initRoot,
  planRoot,
  StalePlanAfterCrash,
  validateRoot,
  type PlanResult,
} from '@cxops/terraform';
import { assessPlans, loadEnvironmentPlans } from './plans.ts';
import { readJsonFile, withReviewRecord } from './review.ts';
import { openRoot, planFolder, type OpenOptions, type RootSession } from './session.ts';

export interface PlanJobOptions extends Omit<OpenOptions, 'backend'> {
  /** Characters summary.md may take (the PR comment host's limit). */
  summaryLimit: number;
}

export interface EnvironmentPlanResult extends PlanResult {
  environment: string;
  report: PolicyReport;
  summary: string;
  /** Predicted API calls, rate floor and time of applying this plan (the measured cost model). */
  cost: ApplyCost;
}

export async function planEnvironment(root: string, options: PlanJobOptions): Promise<EnvironmentPlanResult> {
  const session = await openRoot(root, { ...options, backend: true });
  // Review record (review.ts): digest.json and review.json beside the summary, or a failed review.json.
  return withReviewRecord(session.identity, planFolder(session.identity), () =>
    planSession(session, options.summaryLimit),
  );
}

async function planSession(session: RootSession, summaryLimit: number): Promise<EnvironmentPlanResult> {
  const outDir = planFolder(session.identity);
  await initRoot(session.engine, session.dir, session.init);
  await validateRoot(session.engine, session.dir, { env: session.env });
  await session.beforeLockingRun();
  const planned = await planRoot(session.engine, session.dir, outDir, {
    env: session.env,
    beforeRerun: session.beforeLockingRun,
  });
  const { inputs, report } = await assessPlans([planned.jsonFile]);
  const cost = applyCost(inputs[0]!.plan);
  const rendered = renderSummary(inputs, report, { limit: summaryLimit - cost.markdown.length - 2 }).markdown;
  const summary = `${rendered}\n\n${cost.markdown}`;
  await writeFileAtomic(path.join(outDir, 'summary.md'), `${summary}\n`);
  await writeFileAtomic(path.join(outDir, 'policy.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { ...planned, environment: session.identity.environment!.name, report, summary, cost };
}

export interface ApplyResult {
  environment: string;
  /** The engine's report of the apply. */
  output: string;
}

/** Applies exactly dist/plans/<env>/tfplan, only when its policies pass; a stale plan is refused by the engine. */
export async function applyReviewedPlan(
  root: string,
  options: Omit<OpenOptions, 'backend'> = {},
): Promise<ApplyResult> {
  const session = await openRoot(root, { ...options, backend: true });
  const outDir = planFolder(session.identity);
  const environment = session.identity.environment!.name;
  const planFile = path.join(outDir, 'tfplan');
  const jsonFile = path.join(outDir, 'plan.json');
  if (!existsSync(planFile) || !existsSync(jsonFile))
    throw new CxError({
      action: `apply ${environment}`,
      reason: 'there is no reviewed plan',
      fix: `run \`npx cxops plan ${root}\` and review it first`,
    });
  const { report } = await assessPlans([jsonFile]);
  if (!report.passed)
    throw new CxError({
      action: `apply ${environment}`,
      reason: `${report.blocking.length} blocking policy finding(s)`,
      fix: `see ${path.join(outDir, 'summary.md')}; fix the code or add a reviewed override, then plan again`,
    });
  await initRoot(session.engine, session.dir, session.init);
  await session.beforeLockingRun();
  const run = { env: session.env, beforeRerun: session.beforeLockingRun };
  let applied: RunResult;
  try {
    applied = await applyPlanFile(session.engine, session.dir, planFile, run);
  } catch (error) {
    if (!(error instanceof StalePlanAfterCrash)) throw error;
    applied = await applySamePlanAgain(session, outDir, error);
  }
  return { environment, output: applied.stdout };
}

/**
 * After StalePlanAfterCrash nothing was changed: plan again (into replanned/, leaving the reviewed files as
 * they are) and apply that plan only when its digest equals the reviewed plan's; otherwise the crash stands.
 */
async function applySamePlanAgain(
  session: RootSession,
  outDir: string,
  crash: StalePlanAfterCrash,
): Promise<RunResult> {
  const digestFile = path.join(outDir, 'digest.json');
  if (!existsSync(digestFile)) throw crash;
  const reviewed = await readJsonFile<PlanDigest>(digestFile, 'the digest of the reviewed plan');
  const run = { env: session.env, beforeRerun: session.beforeLockingRun };
  await session.beforeLockingRun();
  const again = await planRoot(session.engine, session.dir, path.join(outDir, 'replanned'), run);
  const [input] = await loadEnvironmentPlans([again.jsonFile]);
  const now = digestPlan(reviewed.environment, input!.plan, { knownSecrets: secretValuesOf() });
  if (!compareDigests(reviewed, now).same) throw crash;
  await session.beforeLockingRun();
  return applyPlanFile(session.engine, session.dir, again.planFile, run);
}
