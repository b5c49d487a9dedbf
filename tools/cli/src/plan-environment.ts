// The plan job for one environment, shared by `cxops plan` (the Nx target) and `cxops demo`:
// init with the backend → validate → plan -out → show -json → policies → summary.md + policy.json.
import path from 'node:path';
import { renderSummary, type PolicyReport } from '@cxops/plan';
import { initRoot, planRoot, validateRoot, type PlanResult } from '@cxops/terraform';
import type { RootSession } from './root-session.ts';
import { assessPlans, writeAtomic } from './review.ts';

export interface EnvironmentPlanResult extends PlanResult {
  report: PolicyReport;
  summary: string;
}

export async function planEnvironment(session: RootSession): Promise<EnvironmentPlanResult> {
  await initRoot(session.engine, session.dir, session.init);
  await validateRoot(session.engine, session.dir, { env: session.env });
  const planned = await planRoot(session.engine, session.dir, session.outDir, { env: session.env });
  const { inputs, report } = await assessPlans([planned.jsonFile]);
  const summary = renderSummary(inputs, report).markdown;
  await writeAtomic(path.join(session.outDir, 'summary.md'), `${summary}\n`);
  await writeAtomic(path.join(session.outDir, 'policy.json'), `${JSON.stringify(report, null, 2)}\n`);
  return { ...planned, report, summary };
}
