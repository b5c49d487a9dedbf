// The HCL onboarding writes, laid out as `tofu fmt` lays it out (two-space indent, `=` aligned within runs of
// single-line attributes, a multi-line value ending a run, trailing commas in multi-line lists), so the files are
// fmt-clean as written. Values only: strings, numbers, booleans, lists and objects; references are written by the
// callers that need them (import blocks).

export type Hcl = string | number | boolean | Hcl[] | { [key: string]: Hcl };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Longest value kept on one line. */
const WIDTH = 100;

/** A string literal: JSON escapes, with template sequences escaped so names are never interpolated. */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`);
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

function inline(value: Hcl): string | undefined {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = inline(item);
      if (text === undefined) return undefined;
      parts.push(text);
    }
    const text = `[${parts.join(', ')}]`;
    return text.length <= WIDTH ? text : undefined;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  for (const [k, v] of entries) {
    const text = inline(v);
    if (text === undefined) return undefined;
    parts.push(`${key(k)} = ${text}`);
  }
  const text = `{ ${parts.join(', ')} }`;
  return text.length <= WIDTH ? text : undefined;
}

/** The value at `indent`, on one line when it fits, else one entry a line. */
function hclValue(value: Hcl, indent: number): string {
  const single = inline(value);
  if (single !== undefined) return single;
  const inner = '  '.repeat(indent + 1);
  const close = '  '.repeat(indent);
  if (Array.isArray(value))
    return `[\n${value.map((item) => `${inner}${hclValue(item, indent + 1)},\n`).join('')}${close}]`;
  if (typeof value !== 'object') return String(value);
  return `{\n${attributes(value, indent + 1)}${close}}`;
}

/** Attribute lines of an object body at `indent`, `=` aligned the way tofu fmt aligns them. */
function attributes(object: { [key: string]: Hcl }, indent: number): string {
  const prefix = '  '.repeat(indent);
  const lines = Object.entries(object).map(([k, v]) => {
    const value = hclValue(v, indent);
    return { key: key(k), value, multiline: value.includes('\n') };
  });
  let out = '';
  let run: typeof lines = [];
  const flush = () => {
    const widest = Math.max(0, ...run.map((l) => l.key.length));
    for (const l of run) out += `${prefix}${l.key.padEnd(widest)} = ${l.value}\n`;
    run = [];
  };
  for (const line of lines) {
    if (line.multiline) {
      flush();
      out += `${prefix}${line.key} = ${line.value}\n`;
    } else run.push(line);
  }
  flush();
  return out;
}

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
    (arg) => `${arg.note ? comment(arg.note, 1) : ''}${attributes({ [arg.name]: arg.value }, 1)}`,
  );
  return `module "${name}" {\n  source = ${quote(source)}\n\n${body.join('\n')}}\n`;
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
