// The onboarding report: what went where, and every object or setting that could not be brought under code
// exactly, by name, with what to do. Written as dist/onboard/report.md (for the pull request) and report.json.
import type { Finding, FindingKind } from './findings.ts';

export interface OnboardReport {
  source: string;
  /** Token fingerprint, never the token. */
  token?: string;
  adoptFlows: boolean;
  outDir: string;
  roots: { folder: string; division?: string; counts: Record<string, number>; imports: number }[];
  findings: Finding[];
  strays: string[];
  written: string[];
  seconds: number;
  apiCalls: { total: number; rateLimited: number; byRoute: Record<string, number> };
}

const SECTIONS: [FindingKind, string, string][] = [
  [
    'differs',
    'The first plan will change these',
    'The modules cannot express what Genesys Cloud holds here, so the first plan shows an update for each. Fix it in Genesys Cloud first (then onboard again), extend the module, or accept the change in review.',
  ],
  [
    'decide',
    'For a person to decide',
    'These belong to no department, or to several: they were left out (not managed). Give each an owner in the mapping file ("assign") and onboard again.',
  ],
  [
    'unmanaged',
    'Kept as they are, not managed',
    'Settings the modules do not manage: Genesys Cloud keeps them, the plan does not touch them, and changes to them are not drift.',
  ],
  ['note', 'Where things went', "Placement decisions made by the repository's rules."],
];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderReport(report: OnboardReport): string {
  const imports = report.roots.reduce((sum, r) => sum + r.imports, 0);
  const lines = [
    '# Onboarding report',
    '',
    `Read ${report.source} in ${report.seconds.toFixed(1)} s with ${report.apiCalls.total} API calls` +
      `${report.apiCalls.rateLimited ? ` (${report.apiCalls.rateLimited} answered 429 and were retried)` : ''}` +
      `${report.token ? `, token ${report.token}` : ''}. ${imports} objects to import into ${report.roots.length} roots` +
      `${report.adoptFlows ? ', flows adopted' : ', flows read by name (not adopted)'}.`,
    '',
    '| root | division | objects to import |',
    '| --- | --- | --- |',
    ...report.roots.map(
      (r) =>
        `| ${r.folder} | ${r.division ?? '—'} | ${r.imports} (${Object.entries(r.counts)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')}) |`,
    ),
    '',
    "Next: `npx cxops plan org`, then `npx cxops plan <department>` for each: every plan must show imports only, except what the first section lists. Apply org first, then the departments; delete each root's `imports.tf` after its first apply.",
  ];
  if (report.strays.length)
    lines.push(
      '',
      `**Not from this org:** ${report.strays.map((s) => `environments/${s}`).join(', ')} hold roots this onboarding did not write (the repository's example departments?). Their plans would CREATE their objects: delete those folders unless they are meant to be new departments.`,
    );
  for (const [kind, title, intro] of SECTIONS) {
    const found = report.findings.filter((f) => f.kind === kind);
    lines.push('', `## ${title} (${found.length})`, '', intro, '');
    if (!found.length) {
      lines.push('None.');
      continue;
    }
    lines.push(
      '| object | root | setting | in Genesys Cloud | what to do |',
      '| --- | --- | --- | --- | --- |',
    );
    // Settings kept on many objects (languages on every user) are one row each per root: report.json has all.
    const groups = new Map<string, Finding[]>();
    for (const f of found) {
      const key = kind === 'unmanaged' ? `${f.type}|${f.root}|${f.attribute}|${f.fix}` : `${groups.size}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const group of groups.values()) {
      const f = group[0]!;
      const many = group.length > 5;
      const object = many
        ? `${group.length} ${f.type}s: ${group
            .slice(0, 3)
            .map((g) => `'${g.name}'`)
            .join(', ')}, …`
        : `${f.type} '${f.name}'`;
      for (const g of many ? [f] : group)
        lines.push(
          `| ${cell(many ? object : `${g.type} '${g.name}'`)} | ${g.root ?? '—'} | ${cell(g.attribute ?? '—')} | ${cell(many ? `e.g. ${g.detail} (all in report.json)` : g.detail)} | ${cell(g.fix)} |`,
        );
    }
  }
  lines.push(
    '',
    '## Not read',
    '',
    "Per-user utilization and voicemail policies are neither read nor managed by the modules: Genesys Cloud keeps them as they are. Media types of a queue that hold Genesys Cloud's defaults are left out of the data (kept as they are).",
    '',
    '## API calls',
    '',
    '| calls | route |',
    '| ---: | --- |',
    ...Object.entries(report.apiCalls.byRoute)
      .sort(([, a], [, b]) => b - a)
      .map(([route, n]) => `| ${n} | \`${route}\` |`),
  );
  return `${lines.join('\n')}\n`;
}

/** The one-screen summary `cxops onboard` prints. */
export function summaryText(report: OnboardReport, reportFile: string): string {
  const count = (kind: FindingKind) => report.findings.filter((f) => f.kind === kind).length;
  const imports = report.roots.reduce((sum, r) => sum + r.imports, 0);
  const lines = [
    `Onboarded ${report.source}: ${imports} objects to import into ${report.roots.map((r) => r.folder).join(', ')}.`,
    `  read in ${report.seconds.toFixed(1)} s, ${report.apiCalls.total} API calls${report.apiCalls.rateLimited ? ` (${report.apiCalls.rateLimited} × 429, retried)` : ''}`,
    `  ${count('differs')} setting(s) the first plan will change, ${count('decide')} object(s) for a person to decide, ${count('unmanaged')} kept as they are`,
    `  report: ${reportFile}`,
  ];
  for (const f of report.findings.filter((x) => x.kind === 'differs' || x.kind === 'decide').slice(0, 15))
    lines.push(
      `  ${f.kind === 'differs' ? '~' : '?'} ${f.type} '${f.name}'${f.attribute ? ` ${f.attribute}` : ''}: ${f.detail}`,
    );
  if (report.strays.length)
    lines.push(
      `  ! environments/${report.strays.join(', environments/')}: not from this org (their plans would create objects)`,
    );
  lines.push('Next: npx cxops plan org, then each department — imports only; apply org first.');
  return lines.join('\n');
}
