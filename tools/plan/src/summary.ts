// The PR comment: every affected environment's plan in one markdown document, destructive changes and
// policy findings first, within GitHub's 65,536-character comment limit (the rest goes to an artifact).
import { changeKind } from './model.ts';
import type { PolicyReport } from './policies/evaluate.ts';
import { policyMarkdown } from './policies/render.ts';
import { noun } from './policies/contact-center.ts';
import { countByKind, effectiveChanges } from './select.ts';
import { describeChange } from './describe.ts';
import type { EnvironmentPlan } from './policies/types.ts';

export const GITHUB_COMMENT_LIMIT = 65_536;

export interface SummaryOptions {
  /** Where the full summary and plans are kept (a CI artifact); linked when the comment is cut. */
  artifactUrl?: string;
  /** Characters available (leave room for the sticky-comment marker). */
  limit?: number;
  title?: string;
}

function table(inputs: EnvironmentPlan[], report?: PolicyReport): string[] {
  const lines = [
    '| Environment | ➕ create | ✏️ update | ♻️ replace | 🗑️ delete | Policies |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const { environment, plan } of inputs) {
    const c = countByKind(effectiveChanges(plan));
    const blocking = report?.blocking.filter((f) => f.environment === environment).length ?? 0;
    const notes = report?.findings.filter((f) => f.environment === environment).length ?? 0;
    const policy = blocking ? `⛔ ${blocking} blocking` : notes ? `⚠️ ${notes} note(s)` : '✅';
    lines.push(`| ${environment} | ${c.create} | ${c.update} | ${c.replace} | ${c.delete} | ${policy} |`);
  }
  return lines;
}

function environmentDetails(input: EnvironmentPlan): string[] {
  const changes = effectiveChanges(input.plan);
  if (changes.length === 0) return [`### ${input.environment}`, '', 'No changes.', ''];
  const destructive = changes.filter((rc) => ['delete', 'replace'].includes(changeKind(rc.change)));
  const lines = [`### ${input.environment}`, ''];
  if (destructive.length)
    lines.push('**Destructive:**', ...destructive.map((rc) => `- ${describeChange(rc)}`), '');
  const byType = new Map<string, string[]>();
  for (const rc of changes) {
    if (destructive.includes(rc)) continue;
    byType.set(rc.type, [...(byType.get(rc.type) ?? []), `- ${describeChange(rc)}`]);
  }
  for (const [type, items] of byType) {
    lines.push(
      `<details><summary>${noun(type)}s (${items.length})</summary>`,
      '',
      ...items,
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

export function renderSummary(
  inputs: EnvironmentPlan[],
  report: PolicyReport | undefined,
  options: SummaryOptions = {},
): { markdown: string; truncated: boolean } {
  const limit = options.limit ?? GITHUB_COMMENT_LIMIT - 200;
  const head = [
    `## ${options.title ?? 'cxops plan'} — ${inputs.length} environment(s)`,
    '',
    ...table(inputs, report),
    '',
  ];
  const policy = report ? ['#### Safety policies', '', policyMarkdown(report), ''] : [];
  const full = [...head, ...policy, ...inputs.flatMap(environmentDetails)].join('\n');
  if (full.length <= limit) return { markdown: full, truncated: false };

  const notice = `> The full summary is too long for one comment (${full.length.toLocaleString('en-US')} characters).${options.artifactUrl ? ` Read it and the plans here: ${options.artifactUrl}` : ' It is attached to the CI run as an artifact.'}`;
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
            ...destructive.map((rc) => `- ${describeChange(rc)}`),
            '',
          ]
        : [];
    }),
  ].join('\n');
  if (essential.length <= limit) return { markdown: essential, truncated: true };
  const cut = '\n\n> …cut here: the comment limit was reached. The rest is in the artifact.';
  return { markdown: essential.slice(0, limit - cut.length) + cut, truncated: true };
}
