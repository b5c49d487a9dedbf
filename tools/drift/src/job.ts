// `cxops drift <env>`: the check (one plan), who and when (the audit log), the reports (dist/plans/<env>/
// drift.json and drift.md, and in the state bucket with their history). Nothing is ever changed in the org.
import path from 'node:path';
import { attributeDrift, AuditClient, auditConnectionFromEnv, type Attribution } from '@cxops/audit';
import { CxError, writeFileAtomic } from '@cxops/core';
import type { OpenOptions } from '@cxops/jobs';
import { openStateStore } from '@cxops/stack';
import { checkEnvironmentDrift, type DriftCheck } from './check.ts';
import { buildReport, renderMarkdown, type DriftReport } from './report.ts';
import { storeReport } from './store.ts';

export interface DriftJobOptions extends Omit<OpenOptions, 'backend'> {
  /** Keep the reports in the state bucket too (default true). */
  store?: boolean;
  now?: () => Date;
}

export interface DriftJobResult {
  report: DriftReport;
  markdown: string;
  files: { json: string; markdown: string };
  /** Where the reports were kept in the bucket (with their version), when they were. */
  stored?: { json: string; markdown: string };
}

/**
 * The OAuth clients whose changes are the code's own: the one of this run, and the apply pipeline's, listed in
 * CXOPS_SERVICE_CLIENT_IDS (comma-separated) when it is another client.
 */
function serviceClientIds(env: Record<string, string | undefined>): string[] {
  return [env.GENESYSCLOUD_OAUTHCLIENT_ID, ...(env.CXOPS_SERVICE_CLIENT_IDS ?? '').split(',')]
    .map((id) => id?.trim() ?? '')
    .filter(Boolean);
}

async function attribute(
  check: DriftCheck,
  now: Date,
): Promise<{ attributions: Attribution[]; calls: number }> {
  if (!check.drifted.length) return { attributions: [], calls: 0 };
  const env = { ...process.env, ...check.env };
  let client: AuditClient;
  try {
    client = new AuditClient(auditConnectionFromEnv(env));
  } catch (error) {
    const note = error instanceof CxError ? error.message : String(error);
    return {
      attributions: check.drifted.map((d) => ({
        address: d.address,
        status: 'unavailable',
        changes: [],
        note,
      })),
      calls: 0,
    };
  }
  const attributions = await attributeDrift(client, check.drifted, {
    serviceClientIds: serviceClientIds(env),
    now,
  });
  return { attributions, calls: client.calls };
}

export async function runDriftJob(root: string, options: DriftJobOptions = {}): Promise<DriftJobResult> {
  const check = await checkEnvironmentDrift(root, options);
  const now = options.now?.() ?? new Date();
  const { attributions, calls } = await attribute(check, now);
  const report = buildReport(check, attributions, { checkedAt: now, auditCalls: calls });
  const markdown = renderMarkdown(report);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const files = {
    json: path.join(check.planDir, 'drift.json'),
    markdown: path.join(check.planDir, 'drift.md'),
  };
  await writeFileAtomic(files.json, json);
  await writeFileAtomic(files.markdown, `${markdown}\n`);
  if (options.store === false) return { report, markdown, files };
  const store = await openStateStore(options);
  try {
    const stored = await storeReport(store, report.environment, { json, markdown: `${markdown}\n` });
    return { report, markdown, files, stored };
  } finally {
    store.close();
  }
}
