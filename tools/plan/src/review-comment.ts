// The one PR comment, assembled from every environment's part (review-part.ts) once the matrix of plan jobs
// has finished. An environment whose job failed, or left no part at all, is marked as such at the top: the
// comment is then a partial result, and says so. The comment ends with a hidden record of what was reviewed
// (the commit, and each environment's digest hash) that the apply job reads at merge.
import type { PolicyReport } from './policies/evaluate.ts';
import { policyMarkdown } from './policies/render.ts';
import type { Finding } from './policies/types.ts';
import type { ReviewPart } from './review-part.ts';

export const REVIEWED_RECORD_FORMAT = 'cxops-reviewed/1';
const RECORD_PREFIX = '<!-- cxops:reviewed ';

/** What the comment says was reviewed; the apply job compares its own plans with it. */
export interface ReviewedRecord {
  format: typeof REVIEWED_RECORD_FORMAT;
  /** The commit that was planned (the pull request's head). */
  commit?: string;
  /** The workflow run whose artifact holds the full digests. */
  runId?: string;
  environments: Record<string, { status: 'planned' | 'failed' | 'missing'; sha256?: string }>;
}

export interface ReviewCommentOptions {
  /** The environments the plan jobs were started for, in order (the matrix). */
  expected: string[];
  /** Characters the markdown may take (the comment host's limit, less its marker). */
  limit: number;
  commit?: string;
  runId?: string;
  /** The workflow run, linked for logs and the full summaries. */
  runUrl?: string;
  /** Findings of the cross-root rules, evaluated over every part together. */
  crossRootFindings?: Finding[];
  title?: string;
}

export interface ReviewComment {
  markdown: string;
  truncated: boolean;
  /** Some expected environment has no plan. */
  partial: boolean;
  passed: boolean;
  record: ReviewedRecord;
}

type Row =
  | { environment: string; status: 'planned'; part: Extract<ReviewPart, { status: 'planned' }> }
  | { environment: string; status: 'failed'; part: Extract<ReviewPart, { status: 'failed' }> }
  | { environment: string; status: 'missing' };

export function assembleReviewComment(parts: ReviewPart[], options: ReviewCommentOptions): ReviewComment {
  const byEnvironment = new Map(parts.map((p) => [p.environment, p]));
  const order = [
    ...options.expected,
    ...[...byEnvironment.keys()].filter((e) => !options.expected.includes(e)).sort(),
  ];
  const rows: Row[] = order.map((environment) => {
    const part = byEnvironment.get(environment);
    if (!part) return { environment, status: 'missing' };
    return part.status === 'planned'
      ? { environment, status: 'planned', part }
      : { environment, status: 'failed', part };
  });
  const record = reviewedRecord(rows, options);
  const report = policyReport(rows, options.crossRootFindings ?? []);
  const title = options.title ?? 'cxops plan';
  const recordLine = recordComment(record);
  const limit = options.limit - recordLine.length - 2;

  if (rows.length === 0) {
    const markdown = `## ${title}\n\nNo environment is affected by this change: nothing to plan, nothing to apply at merge.`;
    return {
      markdown: `${markdown}\n\n${recordLine}`,
      truncated: false,
      partial: false,
      passed: true,
      record,
    };
  }

  const unplanned = rows.filter((r) => r.status !== 'planned');
  const head = [
    `## ${title} — ${rows.length} environment(s)${unplanned.length ? ' — ⚠️ partial result' : ''}`,
    '',
    ...partialNotice(unplanned, rows.length, options.runUrl),
    ...table(rows, report),
    '',
    ...applyRule(options.commit),
    '',
  ];
  const policy = ['#### Safety policies', '', policyMarkdown(report), ''];
  const out = [...head, ...policy];
  const budget = { left: limit - out.join('\n').length };
  const fits = rows.every((row) => appendDetails(row, out, budget));
  let markdown = out.join('\n');
  let truncated = false;
  if (!fits) {
    truncated = true;
    const notice = `> The full summary is too long for one comment (more than ${limit.toLocaleString('en-US')} characters).${options.runUrl ? ` Each environment's summary is attached to the run: ${options.runUrl}` : ' Each environment’s summary is attached to the CI run.'}`;
    const essential = [
      ...head,
      notice,
      '',
      ...policy,
      ...rows.flatMap((row) =>
        row.status === 'planned' && row.part.destructive.length
          ? [`### ${row.environment} — destructive`, '', ...row.part.destructive.map((l) => `- ${l}`), '']
          : [],
      ),
    ].join('\n');
    const cut = '\n\n> …cut here: the comment limit was reached. The rest is in the run’s artifacts.';
    markdown = essential.length <= limit ? essential : essential.slice(0, limit - cut.length) + cut;
  }
  return {
    markdown: `${markdown.trimEnd()}\n\n${recordLine}`,
    truncated,
    partial: unplanned.length > 0,
    passed: report.passed && unplanned.length === 0,
    record,
  };
}

function partialNotice(unplanned: Row[], total: number, runUrl?: string): string[] {
  if (unplanned.length === 0) return [];
  const what = unplanned.map((row) =>
    row.status === 'failed'
      ? `**${row.environment}**: the plan failed — ${row.part.failure.reason}`
      : `**${row.environment}**: no result (its job failed or was cancelled)`,
  );
  return [
    '> [!WARNING]',
    `> **Partial result: ${unplanned.length} of ${total} environment(s) could not be planned.** They are not part of this review, and apply refuses them at merge.${runUrl ? ` Logs: ${runUrl}` : ''}`,
    ...what.map((line) => `> - ${line}`),
    '',
  ];
}

function applyRule(commit?: string): string[] {
  return [
    `**Apply only what was reviewed.** These plans were made for commit \`${commit ? commit.slice(0, 12) : 'unknown'}\`. At merge, apply plans each environment again and applies it only when that plan's digest equals the one below. If the org or the code changed since this review, apply changes nothing, says what differs, and asks for a fresh review.`,
  ];
}

function table(rows: Row[], report: PolicyReport): string[] {
  const lines = [
    '| Environment | ➕ create | ✏️ update | ♻️ replace | 🗑️ delete | Policies | Digest |',
    '|---|---:|---:|---:|---:|---|---|',
  ];
  for (const row of rows) {
    if (row.status !== 'planned') {
      const status = row.status === 'failed' ? '❌ plan failed' : '❌ no result';
      lines.push(`| ${row.environment} | — | — | — | — | ${status} | — |`);
      continue;
    }
    const c = row.part.counts;
    const mine = report.findings.filter((f) => f.environment === row.environment);
    const blocking = report.blocking.filter((f) => f.environment === row.environment).length;
    const policy = blocking ? `⛔ ${blocking} blocking` : mine.length ? `⚠️ ${mine.length} note(s)` : '✅';
    lines.push(
      `| ${row.environment} | ${c.create} | ${c.update} | ${c.replace} | ${c.delete} | ${policy} | \`${row.part.digest.sha256.slice(0, 12)}\` |`,
    );
  }
  return lines;
}

function policyReport(rows: Row[], crossRoot: Finding[]): PolicyReport {
  const findings = [
    ...rows.flatMap((row) => (row.status === 'planned' ? row.part.findings : [])),
    ...crossRoot,
  ];
  const blocking = findings.filter((f) => f.severity === 'error' && !f.overriddenBy);
  return { findings, blocking, passed: blocking.length === 0, rules: [] };
}

function appendDetails(row: Row, out: string[], budget: { left: number }): boolean {
  const push = (...lines: string[]) => {
    for (const line of lines) {
      budget.left -= line.length + 1;
      out.push(line);
    }
    return budget.left >= 0;
  };
  if (row.status !== 'planned') return true;
  const { part } = row;
  if (part.digest.changes === 0) return push(`### ${row.environment}`, '', 'No changes.', '');
  if (!push(`### ${row.environment}`, '')) return false;
  if (part.destructive.length) {
    if (!push('**Destructive:**')) return false;
    for (const line of part.destructive) if (!push(`- ${line}`)) return false;
    if (!push('')) return false;
  }
  for (const group of part.groups) {
    if (!push(`<details><summary>${group.title} (${group.lines.length})</summary>`, '')) return false;
    for (const line of group.lines) if (!push(`- ${line}`)) return false;
    if (!push('', '</details>', '')) return false;
  }
  return true;
}

function reviewedRecord(rows: Row[], options: ReviewCommentOptions): ReviewedRecord {
  return {
    format: REVIEWED_RECORD_FORMAT,
    ...(options.commit ? { commit: options.commit } : {}),
    ...(options.runId ? { runId: options.runId } : {}),
    environments: Object.fromEntries(
      rows.map((row) => [
        row.environment,
        row.status === 'planned'
          ? { status: 'planned', sha256: row.part.digest.sha256 }
          : { status: row.status },
      ]),
    ),
  };
}

/** The record as a one-line HTML comment; `-` is escaped so no `--` can end the comment early. */
function recordComment(record: ReviewedRecord): string {
  return `${RECORD_PREFIX}${JSON.stringify(record).replaceAll('-', '\\u002d')} -->`;
}

/** The record a comment body carries, or undefined when it has none (or it is not one this reads). */
export function parseReviewedRecord(body: string): ReviewedRecord | undefined {
  const line = body.split('\n').find((l) => l.startsWith(RECORD_PREFIX) && l.trimEnd().endsWith(' -->'));
  if (!line) return undefined;
  try {
    const value = JSON.parse(line.trimEnd().slice(RECORD_PREFIX.length, -' -->'.length)) as ReviewedRecord;
    return value?.format === REVIEWED_RECORD_FORMAT && value.environments ? value : undefined;
  } catch {
    return undefined;
  }
}
