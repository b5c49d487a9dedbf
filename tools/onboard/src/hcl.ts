// The blocks onboarding writes — comments, module calls, import blocks — around values written by @cxops/core's
// HCL writer, so the files are fmt-clean as written.
import { hclAttributes, hclQuote, hclValue, type Hcl } from '@cxops/core';

export type { Hcl };

/** `# text` lines, wrapped at 110 columns, at `indent`. */
export function comment(text: string, indent = 0): string {
  const prefix = `${'  '.repeat(indent)}# `;
  const lines: string[] = [];
  let line = '';
  // `inline code` stays on one line: its spaces are held while the words are wrapped.
  const held = text.replace(/`[^`]*`/g, (code) => code.replace(/ /g, '\u00a0'));
  for (const word of held
    .split(/[ \t\n]+/)
    .filter(Boolean)
    .map((w) => w.replace(/\u00a0/g, ' '))) {
    if (line && prefix.length + line.length + 1 + word.length > 110) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${prefix}${l}\n`).join('');
}

export interface ModuleArgument {
  name: string;
  value: Hcl;
  /** Comment lines above the argument. */
  note?: string;
}

/** A module block: `source`, then each argument after a blank line (so none is aligned with another). */
export function moduleBlock(name: string, source: string, args: ModuleArgument[]): string {
  const body = args.map(
    (arg) => `${arg.note ? comment(arg.note, 1) : ''}${hclAttributes({ [arg.name]: arg.value }, 1)}`,
  );
  return `module "${name}" {\n  source = ${hclQuote(source)}\n\n${body.join('\n')}}\n`;
}

/** An import block over a map of instance key => id (OpenTofu ≥ 1.7, Terraform ≥ 1.7). */
export function importBlock(to: string, ids: Record<string, string>): string {
  const map = hclValue(ids, 1);
  // A one-line map joins `to` and `id` in one aligned run; a multi-line one ends the run.
  const pad = map.includes('\n') ? '' : '      ';
  return `import {\n  for_each = ${map}\n  to ${pad}= ${to}[each.key]\n  id ${pad}= each.value\n}\n`;
}

/** { name, description } with the description left out when there is none. */
export function named(name: string, description?: string): Hcl {
  return description ? { name, description } : { name };
}
