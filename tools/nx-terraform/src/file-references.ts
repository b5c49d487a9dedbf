// What a file uses, looked up by the SHA-1 of its text before it is parsed: in the cache of earlier runs, or
// among the files this run is already parsing (the same text in many folders is parsed once).
import { createHash } from 'node:crypto';
import type { ProjectCache } from './cache.ts';
import { parseReferences, type ReferenceReader } from './read-project.ts';
import type { HclReferences } from './references.ts';

export function cachedReferenceReader(cache: ProjectCache): ReferenceReader {
  const parsing = new Map<string, Promise<HclReferences>>();
  return (file, text) => {
    // The same text means the same references, except that .tfvars.json is JSON and the rest is HCL.
    const key = `${file.endsWith('.json') ? 'json' : 'hcl'}:${createHash('sha1').update(text).digest('hex')}`;
    const known = cache.fileReferences(key);
    if (known) return Promise.resolve(known);
    const pending = parsing.get(key);
    // A file whose twin failed to parse is parsed itself, so its error names it.
    if (pending) return pending.catch(() => parseReferences(file, text));
    const parse = parseReferences(file, text).then((references) => {
      cache.setFileReferences(key, references);
      return references;
    });
    parsing.set(key, parse);
    return parse;
  };
}
