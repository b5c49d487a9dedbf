// `cxops drift-issues`: one GitHub issue per drifted environment, from the drift.json reports this run wrote.
// It runs apart from the drift check (its own CI job, the only one allowed to write issues) and needs nothing
// but the reports and a GitHub token. An environment without a report of this run (its check failed) is left
// as it is: its issue is neither closed nor changed on no evidence.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CxError, workspaceRoot } from '@cxops/core';
import { createOctokit, readRepositoryContext, syncDriftIssue, type DriftIssueResult } from '@cxops/github';
import { listEnvironments, planDir } from '@cxops/layout';
import { DRIFT_REPORT_SCHEMA, issueContent, type DriftReport } from './report.ts';
import { reportKey } from './store.ts';

export interface DriftIssuesOptions {
  /** Environments to sync; default every environment of the workspace. */
  environments?: string[];
  env?: NodeJS.ProcessEnv;
}

export type DriftIssueOutcome =
  | ({ environment: string; status: DriftReport['status'] } & DriftIssueResult)
  | { environment: string; action: 'skipped'; reason: string };

async function readReport(environment: string): Promise<DriftReport | string> {
  const file = path.join(workspaceRoot(), planDir(environment), 'drift.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return `no report at ${path.relative(workspaceRoot(), file)} (the drift check did not finish)`;
  }
  try {
    const report = JSON.parse(text) as DriftReport;
    if (report.schema !== DRIFT_REPORT_SCHEMA || report.environment !== environment)
      return `${file} is not a drift report of ${environment}`;
    return report;
  } catch (error) {
    throw new CxError({
      action: `read the drift report of ${environment}`,
      reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      where: file,
      fix: `run \`npx cxops drift ${environment}\` again`,
    });
  }
}

export async function syncDriftIssues(options: DriftIssuesOptions = {}): Promise<DriftIssueOutcome[]> {
  const context = readRepositoryContext(options.env);
  const octokit = createOctokit({ token: context.token, baseUrl: context.baseUrl });
  const environments = options.environments?.length
    ? options.environments
    : listEnvironments(workspaceRoot()).map((e) => e.environment!.name);
  const outcomes: DriftIssueOutcome[] = [];
  for (const environment of environments) {
    const report = await readReport(environment);
    if (typeof report === 'string') {
      outcomes.push({ environment, action: 'skipped', reason: report });
      continue;
    }
    const content = issueContent(report, `${reportKey(environment, 'drift.md')} in the state bucket`);
    const result = await syncDriftIssue({
      octokit,
      owner: context.owner,
      repo: context.repo,
      environment,
      drift: report.status === 'drift' ? content : null,
      cleanNote: content.cleanNote,
    });
    outcomes.push({ environment, status: report.status, ...result });
  }
  return outcomes;
}
