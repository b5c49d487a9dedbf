// The PR comment: every affected environment's plan in one markdown document, destructive changes and
// policy findings first, within the character limit the caller gives (the comment host's; the rest goes to an
// artifact).
import { changeKind } from './model.ts';
import type { PolicyReport } from './policies/evaluate.ts';
import { policyMarkdown } from './policies/render.ts';
import { noun } from './policies/contact-center.ts';
import { countByKind, effectiveChanges } from './select.ts';
import { describeChange } from './describe.ts';
import { planNames } from './names.ts';
import type { EnvironmentPlan } from './policies/types.ts';

export interface SummaryOptions {
  /** Where the full summary and plans are kept (a CI artifact); linked when the comment is cut. */
  artifactUrl?: string;
  /** Characters the markdown may take: the comment host's limit, less what it adds (the sticky marker). */
  limit: number;
  title?: string;
}

function table(inputs: EnvironmentPlan[], report?: PolicyReport): string[] {
  const counts = inputs.map(({ plan }) => countByKind(effectiveChanges(plan)));
  // The import column only when something is imported (adopting an existing org); most plans import nothing.
  const imports = counts.some((c) => c.import > 0);
  const lines = [
    `| Environment |${imports ? ' 📥 import |' : ''} ➕ create | ✏️ update | ♻️ replace | 🗑️ delete | Policies |`,
    `|---|${imports ? '---:|' : ''}---:|---:|---:|---:|---|`,
  ];
  inputs.forEach(({ environment }, i) => {
    const c = counts[i]!;
    const blocking = report?.blocking.filter((f) => f.environment === environment).length ?? 0;
    const notes = report?.findings.filter((f) => f.environment === environment).length ?? 0;
    const policy = blocking ? `⛔ ${blocking} blocking` : notes ? `⚠️ ${notes} note(s)` : '✅';
    lines.push(
      `| ${environment} |${imports ? ` ${c.import} |` : ''} ${c.create} | ${c.update} | ${c.replace} | ${c.delete} | ${policy} |`,
    );
  });
  return lines;
}

/**
 * Detail lines of one environment, appended to `out` until `budget` characters are used. Returns false when
 * the budget ran out: rendering stops there, so a huge plan costs no more than one comment's worth of work.
 */
function appendEnvironmentDetails(input: EnvironmentPlan, out: string[], budget: { left: number }): boolean {
  const push = (...lines: string[]) => {
    for (const line of lines) {
      budget.left -= line.length + 1;
      out.push(line);
    }
    return budget.left >= 0;
  };
  const changes = effectiveChanges(input.plan);
  if (changes.length === 0) return push(`### ${input.environment}`, '', 'No changes.', '');
  const names = planNames(input.plan);
  const destructive = new Set(changes.filter((rc) => ['delete', 'replace'].includes(changeKind(rc.change))));
  if (!push(`### ${input.environment}`, '')) return false;
  if (destructive.size) {
    if (!push('**Destructive:**')) return false;
    for (const rc of destructive) if (!push(`- ${describeChange(rc, names)}`)) return false;
    if (!push('')) return false;
  }
  const byType = new Map<string, typeof changes>();
  for (const rc of changes) {
    if (destructive.has(rc)) continue;
    const list = byType.get(rc.type) ?? [];
    list.push(rc);
    byType.set(rc.type, list);
  }
  for (const [type, list] of byType) {
    if (!push(`<details><summary>${noun(type)}s (${list.length})</summary>`, '')) return false;
    for (const rc of list) if (!push(`- ${describeChange(rc, names)}`)) return false;
    if (!push('', '</details>', '')) return false;
  }
  return true;
}

export function renderSummary(
  inputs: EnvironmentPlan[],
  report: PolicyReport | undefined,
  options: SummaryOptions,
): { markdown: string; truncated: boolean } {
  const { limit } = options;
  if (inputs.length === 0) {
    return {
      markdown: `## ${options.title ?? 'cxops plan'}\n\nNo environment is affected by this change: nothing to plan.`,
      truncated: false,
    };
  }
  const head = [
    `## ${options.title ?? 'cxops plan'} — ${inputs.length} environment(s)`,
    '',
    ...table(inputs, report),
    '',
  ];
  const policy = report ? ['#### Safety policies', '', policyMarkdown(report), ''] : [];
  const out = [...head, ...policy];
  const budget = { left: limit - out.join('\n').length };
  const fits = inputs.every((input) => appendEnvironmentDetails(input, out, budget));
  if (fits) return { markdown: out.join('\n'), truncated: false };

  const notice = `> The full summary is too long for one comment (more than ${limit.toLocaleString('en-US')} characters).${options.artifactUrl ? ` Read it and the plans here: ${options.artifactUrl}` : ' It is attached to the CI run as an artifact.'}`;
  // Keep what a reviewer must see (counts, findings, destructive changes), drop the per-type details.
  const essential = [
    ...head,
    notice,
    '',
    ...policy,
    ...inputs.flatMap((input) => {
      const destructive = effectiveChanges(input.plan).filter((rc) =>
        ['delete', 'replace'].includes(changeKind(rc.change)),
      );
      return destructive.length
        ? [
            `### ${input.environment} — destructive`,
            '',
            ...destructive.map((rc) => `- ${describeChange(rc, planNames(input.plan))}`),
            '',
          ]
        : [];
    }),
  ].join('\n');
  if (essential.length <= limit) return { markdown: essential, truncated: true };
  const cut = '\n\n> …cut here: the comment limit was reached. The rest is in the artifact.';
  return { markdown: essential.slice(0, limit - cut.length) + cut, truncated: true };
}
