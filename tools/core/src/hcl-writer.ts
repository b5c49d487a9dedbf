// HCL values written the way `tofu fmt` lays them out, so generated files are fmt-clean as written: two-space
// indent, a value on one line when it fits in 100 columns, else one entry a line with trailing commas in lists,
// and `=` aligned within runs of single-line attributes (a multi-line value ends a run and is never padded).
// Values only — strings, numbers, booleans, lists and objects; callers write blocks and references.

export type Hcl = string | number | boolean | Hcl[] | { [key: string]: Hcl };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Longest value kept on one line. */
const WIDTH = 100;

/** A string literal: JSON escapes, with template sequences escaped so names are never interpolated. */
export function hclQuote(text: string): string {
  return JSON.stringify(text).replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`);
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : hclQuote(name);
}

function inline(value: Hcl): string | undefined {
  if (typeof value === 'string') return hclQuote(value);
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
export function hclValue(value: Hcl, indent: number): string {
  const single = inline(value);
  if (single !== undefined) return single;
  const inner = '  '.repeat(indent + 1);
  const close = '  '.repeat(indent);
  if (Array.isArray(value))
    return `[\n${value.map((item) => `${inner}${hclValue(item, indent + 1)},\n`).join('')}${close}]`;
  if (typeof value !== 'object') return String(value);
  return `{\n${hclAttributes(value, indent + 1)}${close}}`;
}

/** Attribute lines of an object body at `indent`, `=` aligned the way tofu fmt aligns them. */
export function hclAttributes(object: { [key: string]: Hcl }, indent: number): string {
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
