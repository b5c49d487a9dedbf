// Policy results as markdown (for the PR comment) — JSON is the PolicyReport itself.
import type { PolicyReport } from './evaluate.ts';

const ICON = { error: '⛔', warning: '⚠️' } as const;

export function policyMarkdown(report: PolicyReport): string {
  if (report.findings.length === 0) return '✅ All contact-center safety policies pass.';
  const lines = [
    report.passed
      ? '✅ Policies pass (with the notes below).'
      : `⛔ **${report.blocking.length} blocking policy finding(s)** — this change must not be applied as is.`,
    '',
  ];
  for (const f of report.findings) {
    const status = f.overriddenBy ? `🔓 allowed by override (${f.overriddenBy.reason})` : ICON[f.severity];
    lines.push(
      `- ${status} **${f.environment}** \`${f.rule}\`${f.address ? ` \`${f.address}\`` : ''}: ${f.message}`,
    );
    if (!f.overriddenBy) lines.push(`  - Fix: ${f.fix}`);
  }
  return lines.join('\n');
}

export function policyDocs(report: Pick<PolicyReport, 'rules'>): string {
  return report.rules.map((r) => `### \`${r.id}\` — ${r.title}\n\n${r.why}\n`).join('\n');
}
