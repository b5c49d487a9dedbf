// What one parsed .tf or .tfvars file uses: local module calls and the files it names.
// Pure: JSON in, references out.
import {
  isAnchoredPath,
  isDataFilePath,
  scanTemplate,
  toPathTemplate,
  type PathBase,
} from './expressions.ts';

export interface ModuleCall {
  /** The module block's label. */
  name: string;
  /** The `source` as written, e.g. `../../modules/queues`. */
  source: string;
}

export interface FileRead {
  base: PathBase;
  /** A glob below the base folder; `*` where the path is computed. */
  glob: string;
}

export interface HclReferences {
  modules: ModuleCall[];
  reads: FileRead[];
}

/** Local module sources start with ./ or ../ (Terraform's rule); anything else comes from a registry or VCS. */
function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../');
}

/** The module calls and file reads of a parsed .tf file; a .tfvars file has no calls, only data paths. */
export function findReferences(parsed: Record<string, unknown>): HclReferences {
  const reads = new Map<string, FileRead>();
  const add = (read: FileRead | undefined) => {
    if (read) reads.set(`${read.base}:${read.glob}`, read);
  };
  for (const text of strings(parsed)) {
    const { calls, literals } = scanTemplate(text);
    const callArguments = new Set(calls.flatMap((c) => c.args));
    for (const call of calls) {
      const [path, pattern] = call.args;
      if (path === undefined) continue; // computed (file(var.x)): nothing to follow
      if (call.fn === 'fileset') add(filesetRead(path, pattern));
      else add(toPathTemplate(path));
    }
    // A path literal that is not a file() argument is still read by someone: genesyscloud_flow's filepath.
    for (const literal of literals) {
      if (callArguments.has(literal)) continue;
      if (isAnchoredPath(literal)) add(toPathTemplate(literal));
      // A data file named by a plain relative path is read relative to the root, by whichever module gets it.
      else if (isDataFilePath(literal)) add({ base: 'root', glob: literal.replace(/^\.\//, '') });
    }
  }
  return { modules: moduleCalls(parsed), reads: [...reads.values()].filter((r) => r.glob !== '') };
}

function moduleCalls(parsed: Record<string, unknown>): ModuleCall[] {
  const calls: ModuleCall[] = [];
  const blocks = (parsed.module ?? {}) as Record<string, Array<{ source?: unknown }>>;
  for (const [name, bodies] of Object.entries(blocks)) {
    for (const body of bodies) {
      if (typeof body.source === 'string' && isLocalSource(body.source))
        calls.push({ name, source: body.source });
    }
  }
  return calls;
}

function filesetRead(path: string, pattern: string | undefined): FileRead | undefined {
  const dir = toPathTemplate(path);
  if (!dir) return undefined;
  const glob = pattern === undefined ? '**' : (toPathTemplate(pattern)?.glob ?? '**');
  return { base: dir.base, glob: dir.glob ? `${dir.glob.replace(/\/$/, '')}/${glob}` : glob };
}

/** Every string value in the document, at any depth. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}
