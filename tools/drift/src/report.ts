// The drift report of one environment: drift.json for machines, drift.md for people, and the GitHub issue's
// title, body and notes. Pure: everything comes in, text goes out.
import { createHash } from 'node:crypto';
import type { Actor, Attribution } from '@cxops/audit';
import type { DriftedObject } from '@cxops/plan';
import type { DriftCheck } from './check.ts';

export const DRIFT_REPORT_SCHEMA = 'cxops.drift/1';

export interface DriftReportObject extends DriftedObject {
  /** Who changed it and when, from the org's audit log. */
  changedBy: Omit<Attribution, 'address'>;
}

export interface DriftReport {
  schema: typeof DRIFT_REPORT_SCHEMA;
  environment: string;
  /** UTC. */
  checkedAt: string;
  status: 'drift' | 'clean';
  /** Changes only when the drift does (objects and values, not who or when). */
  fingerprint: string;
  drifted: DriftReportObject[];
  /** Changes the next apply would make that no out-of-band change explains: code not applied yet. */
  pending: DriftCheck['pending'];
  /** Objects read back differently with nothing an apply would change (null ↔ empty, computed values). */
  ignored: number;
  /** Audit API calls made to say who and when. */
  auditCalls: number;
}

export function buildReport(
  check: Pick<DriftCheck, 'environment' | 'drifted' | 'pending' | 'ignored'>,
  attributions: Attribution[],
  meta: { checkedAt: Date; auditCalls: number },
): DriftReport {
  const byAddress = new Map(attributions.map(({ address, ...rest }) => [address, rest]));
  const drifted = check.drifted.map((object) => ({
    ...object,
    changedBy: byAddress.get(object.address) ?? { status: 'unsupported' as const, changes: [] },
  }));
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(check.drifted.map((d) => [d.address, d.kind, d.attributes])))
    .digest('hex')
    .slice(0, 16);
  return {
    schema: DRIFT_REPORT_SCHEMA,
    environment: check.environment,
    checkedAt: meta.checkedAt.toISOString(),
    status: drifted.length ? 'drift' : 'clean',
    fingerprint,
    drifted,
    pending: check.pending,
    ignored: check.ignored.length,
    auditCalls: meta.auditCalls,
  };
}

/** "2026-06-03 14:22 UTC". */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function actorText(actor: Actor): string {
  switch (actor.kind) {
    case 'person':
      return `${actor.name} (person)`;
    case 'service-account':
      return actor.name;
    case 'oauth-client':
      return `${actor.name} (an integration, not cxops)`;
    default:
      return actor.name;
  }
}

/** Who and when, in one cell. */
export function changedByText(changedBy: DriftReportObject['changedBy']): { who: string; at: string } {
  if (changedBy.status === 'found') {
    const who = [...new Set(changedBy.changes.map((c) => actorText(c.actor)))].join(', ');
    const times = changedBy.changes.map((c) => c.at).sort();
    const at = times.length > 1 ? `${when(times[0]!)} … ${when(times.at(-1)!)}` : when(times[0]!);
    return { who, at };
  }
  if (changedBy.status === 'none')
    return { who: `not in the audit log (${changedBy.note ?? 'no message'})`, at: '—' };
  if (changedBy.status === 'unavailable') return { who: `unknown: the audit log could not be read`, at: '—' };
  return { who: '—', at: '—' };
}

function table(objects: DriftReportObject[]): string[] {
  return [
    '| Object | Changed outside code (was → now) | By | When |',
    '| --- | --- | --- | --- |',
    ...objects.map((o) => {
      const { who, at } = changedByText(o.changedBy);
      return `| ${cell(o.subject)} | ${cell(o.details.join(', '))} | ${cell(who)} | ${at} |`;
    }),
  ];
}

export interface RenderOptions {
  /** Characters the markdown may take (a GitHub issue body allows 65,536). */
  limit?: number;
  /** Where the full report is kept, named when the table has to be cut. */
  fullReport?: string;
}

/** drift.md, and the body of the environment's issue. */
export function renderMarkdown(report: DriftReport, options: RenderOptions = {}): string {
  const env = report.environment;
  const n = report.drifted.length;
  const head = [
    n ? `## Drift in ${env}: ${n} object${n === 1 ? '' : 's'} changed outside code` : `## No drift in ${env}`,
    '',
    `Checked ${when(report.checkedAt)}. ${
      n
        ? `Nothing was changed back: the code still says otherwise, so the next apply of \`${env}\` would undo ${n === 1 ? 'this change' : 'these changes'}.`
        : 'The org matches the code.'
    }`,
    '',
  ];
  const tail: string[] = [];
  if (n)
    tail.push(
      '',
      '**What to do**',
      '',
      `- Keep a change: put it into code (\`environments/${env}/\`, or the module it comes from) in a pull request. Once merged and applied, it is no longer drift.`,
      `- Undo a change: apply \`${env}\` (the apply workflow, or \`cxops plan ${env}\` then \`cxops apply ${env}\`); the code's values come back.`,
    );
  if (report.pending.length)
    tail.push(
      '',
      `**Not applied yet:** the code would also change ${report.pending.length} object${report.pending.length === 1 ? '' : 's'} no one changed in the org (merged but not applied): ${report.pending
        .slice(0, 10)
        .map((p) => `\`${p.address}\` (${p.kind})`)
        .join(', ')}${report.pending.length > 10 ? ', …' : ''}.`,
    );
  if (report.ignored)
    tail.push(
      '',
      `_${report.ignored} object${report.ignored === 1 ? '' : 's'} read back with values no apply would change (empty for null, computed values): not drift._`,
    );
  const limit = options.limit ?? Infinity;
  const rows = n ? table(report.drifted) : [];
  const render = (kept: number) => {
    const cut = n - kept;
    const note = cut ? [`| … ${cut} more | see ${options.fullReport ?? 'drift.md of this run'} | | |`] : [];
    return [...head, ...rows.slice(0, 2 + kept), ...note, ...tail].join('\n');
  };
  // As many rows as fit: the text around the table is never cut.
  let kept = n;
  let length = render(n).length;
  if (length > limit) {
    const base = render(0).length + 40;
    kept = 0;
    length = base;
    for (const row of rows.slice(2)) {
      if (length + row.length + 1 > limit) break;
      length += row.length + 1;
      kept += 1;
    }
  }
  return render(kept);
}

/** The issue's title, body and the notes posted when the drift changes or ends. */
export function issueContent(report: DriftReport, fullReport: string) {
  const n = report.drifted.length;
  const first = report.drifted
    .slice(0, 3)
    .map((d) => d.description)
    .join('; ');
  return {
    title: `Drift in ${report.environment}: ${n} object${n === 1 ? '' : 's'} changed outside code`,
    // Room for the marker and fingerprint lines the issue adds.
    body: renderMarkdown(report, { limit: 65_000, fullReport }),
    fingerprint: report.fingerprint,
    changeNote: `The drift changed (checked ${when(report.checkedAt)}): ${n} object${n === 1 ? '' : 's'} now — ${first}${n > 3 ? '; …' : ''}.`,
    cleanNote: `No drift in ${report.environment} any more (checked ${when(report.checkedAt)}): the org matches the code again. Closing.`,
  };
}
