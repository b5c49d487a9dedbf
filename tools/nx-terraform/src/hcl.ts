// The one place that knows which HCL parser is in use. Everything else sees plain JSON (the hcl2json shape:
// blocks as objects of arrays, expressions as "${…}" strings), so the parser can be swapped here alone.

/** A syntax error in an HCL file, located by file and line so people can go straight to it. */
export class HclSyntaxError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly reason: string;

  constructor(file: string, reason: string, line?: number, column?: number) {
    const where = line === undefined ? file : `${file}:${line}${column === undefined ? '' : `:${column}`}`;
    super(`Can't parse HCL: ${reason}\n  where: ${where}\n  fix:   correct the syntax, then run nx again`);
    this.name = 'HclSyntaxError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

type Hcl2Json = (filename: string, contents: string) => Promise<Record<string, unknown>>;
let parser: Promise<Hcl2Json> | undefined;

// Imported on first use: loading the parser instantiates a WebAssembly module, which a warm run (everything
// answered from the cache) should not pay for.
function loadParser(): Promise<Hcl2Json> {
  parser ??= import('@cdktf/hcl2json').then((m) => m.parse);
  return parser;
}

/** Parses one HCL file (`.tf`, `.tfvars`); `file` is the workspace-relative path used in error positions. */
export async function parseHcl(file: string, text: string): Promise<Record<string, unknown>> {
  const parse = await loadParser();
  try {
    return await parse(file, text);
  } catch (error) {
    throw toSyntaxError(file, error);
  }
}

// hcl2json reports diagnostics as "parse config: [main.tf:2,7-3,1: Summary; Detail.]".
const DIAGNOSTIC = /^(?:parse config: )?\[?(.+?):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: (.+?)\]?$/s;

function toSyntaxError(file: string, error: unknown): HclSyntaxError {
  const message = (error instanceof Error ? error.message : String(error)).trim();
  const match = DIAGNOSTIC.exec(message);
  if (!match) return new HclSyntaxError(file, message);
  const [, , line, column, reason] = match;
  return new HclSyntaxError(file, reason!.replace(/\s+/g, ' '), Number(line), Number(column));
}
