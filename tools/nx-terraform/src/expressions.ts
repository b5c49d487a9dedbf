// A small scanner over HCL expression text, enough to find the files an expression reads: the string
// arguments of file()/templatefile()/… and literals that start with a path.module-style prefix. hcl2json
// hands expressions over as "${…}" strings, so this works on text; it never evaluates anything.

/** Functions whose first argument is a path Terraform reads (fileset also takes a glob as second argument). */
const FILE_FUNCTIONS = new Set([
  'file',
  'templatefile',
  'fileexists',
  'fileset',
  'filebase64',
  'filemd5',
  'filesha1',
  'filesha256',
  'filesha512',
  'filebase64sha256',
  'filebase64sha512',
]);

export interface FileCall {
  fn: string;
  /** The string arguments as raw template text (with any `${…}` kept), only those written as literals. */
  args: string[];
}

export interface ScanResult {
  calls: FileCall[];
  /** Every string literal met, as raw template text. */
  literals: string[];
}

/** Scans a value from hcl2json: a template (`"${path.module}/a.yaml"`, `"${file(\"x\")}"`, plain text). */
export function scanTemplate(text: string): ScanResult {
  const out: ScanResult = { calls: [], literals: [] };
  const end = scanLiteral(text, 0, out, false);
  out.literals.push(text.slice(0, end));
  return out;
}

/**
 * Scans template text from `i` until the closing quote (or the end when `quoted` is false), descending into
 * `${…}`/`%{…}`; returns the index of the closing quote (or the length).
 */
function scanLiteral(src: string, i: number, out: ScanResult, quoted = true): number {
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      i += 2;
    } else if (quoted && c === '"') {
      return i;
    } else if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
      i += 3; // $${ and %%{ are escapes for literal text
    } else if ((c === '$' || c === '%') && src[i + 1] === '{') {
      i = scanExpression(src, i + 2, out);
    } else {
      i += 1;
    }
  }
  return i;
}

const IDENTIFIER = /[A-Za-z_][\w-]*/y;

/** Scans expression code from `i` up to and including the `}` that closes it; returns the index after it. */
function scanExpression(src: string, i: number, out: ScanResult): number {
  let depth = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"') {
      const end = scanLiteral(src, i + 1, out);
      out.literals.push(src.slice(i + 1, end));
      i = end + 1;
    } else if (c === '{' || c === '(' || c === '[') {
      depth += 1;
      i += 1;
    } else if (c === ')' || c === ']') {
      depth -= 1;
      i += 1;
    } else if (c === '}') {
      if (depth === 0) return i + 1;
      depth -= 1;
      i += 1;
    } else if (/[A-Za-z_]/.test(c) && !/[\w.]/.test(src[i - 1] ?? '')) {
      IDENTIFIER.lastIndex = i;
      const name = IDENTIFIER.exec(src)![0];
      i += name.length;
      if (FILE_FUNCTIONS.has(name)) {
        const open = skipSpace(src, i);
        if (src[open] === '(') out.calls.push({ fn: name, args: literalArguments(src, open + 1) });
      }
    } else {
      i += 1;
    }
  }
  return i;
}

/** The leading arguments of a call that are plain string literals, stopping at the first that is not. */
function literalArguments(src: string, i: number): string[] {
  const args: string[] = [];
  const sink: ScanResult = { calls: [], literals: [] };
  for (;;) {
    i = skipSpace(src, i);
    BARE_PATH.lastIndex = i;
    const bare = BARE_PATH.exec(src);
    if (bare) {
      // fileset(path.module, "flows/*.yaml"): the bare reference stands for its template form.
      args.push(`\${path.${bare[1]}}`);
      i += bare[0].length;
    } else if (src[i] === '"') {
      const end = scanLiteral(src, i + 1, sink);
      args.push(src.slice(i + 1, end));
      i = end + 1;
    } else {
      return args;
    }
    i = skipSpace(src, i);
    if (src[i] !== ',') return args;
    i += 1;
  }
}

const BARE_PATH = /path\.(module|root|cwd)\b(?!\s*[.[])/y;

function skipSpace(src: string, i: number): number {
  while (i < src.length && /\s/.test(src[i]!)) i += 1;
  return i;
}

/** How a path template is anchored. `module`: the .tf file's folder; `root`: where Terraform runs. */
export type PathBase = 'module' | 'root';

export interface PathTemplate {
  base: PathBase;
  /** The path below its base as a glob: every interpolation becomes `*`. */
  glob: string;
}

const PATH_PREFIX = /^\$\{\s*path\.(module|root|cwd)\s*\}(?:\/|$)/;

/** Whether a literal starts with `${path.module}/`, `${path.root}/` or `${path.cwd}/`. */
export function isAnchoredPath(text: string): boolean {
  return PATH_PREFIX.test(text);
}

/**
 * Turns a path template into a glob below its base, e.g. `${path.module}/flows/${each.key}.yaml` →
 * module `flows/*.yaml`. Relative paths are anchored where Terraform runs (its working directory).
 * Returns undefined for paths outside any base (absolute, `~`) and for fully dynamic ones (`${var.x}`).
 */
export function toPathTemplate(text: string): PathTemplate | undefined {
  const prefix = PATH_PREFIX.exec(text);
  const base: PathBase = prefix?.[1] === 'module' ? 'module' : 'root';
  const rest = prefix ? text.slice(prefix[0].length) : text;
  if (!prefix && (rest.startsWith('/') || rest.startsWith('~') || /^[A-Za-z]:[\\/]/.test(rest)))
    return undefined;
  if (!prefix && /^[$%]\{/.test(rest) && !/^[$%][$%]\{/.test(rest)) return undefined;
  const glob = globOf(rest);
  if (glob === '' && !prefix) return undefined;
  return { base, glob };
}

/** Replaces interpolations with `*` and unescapes the rest. */
function globOf(text: string): string {
  let glob = '';
  let i = 0;
  const sink: ScanResult = { calls: [], literals: [] };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      glob += text[i + 1] ?? '';
      i += 2;
    } else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      glob += `${c}{`;
      i += 3;
    } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      i = scanExpression(text, i + 2, sink);
      if (!glob.endsWith('*')) glob += '*';
    } else {
      glob += c;
      i += 1;
    }
  }
  return glob;
}

/** Extensions of the data files a configuration points at by relative path (flow YAML, templates, …). */
const DATA_EXTENSIONS = new Set(['yaml', 'yml', 'json', 'tftpl', 'tpl', 'txt', 'csv', 'xml', 'html', 'sql']);
const RELATIVE_FILE = /^(?:\.{1,2}\/)*(?:[\w@+-][\w.@+-]*\/)*[\w@+-][\w.@+-]*\.([A-Za-z0-9]+)$/;

/**
 * Whether a plain string (no interpolation) is a relative path to a data file, such as a department's
 * `filepath = "flows/support-inbound-call.yaml"`: such a value is read by whatever module receives it,
 * relative to where Terraform runs.
 */
export function isDataFilePath(text: string): boolean {
  const extension = RELATIVE_FILE.exec(text)?.[1];
  return extension !== undefined && DATA_EXTENSIONS.has(extension.toLowerCase());
}
