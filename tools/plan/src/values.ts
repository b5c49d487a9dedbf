// Reading attribute values out of a change without lying: a value known only after apply is UNKNOWN (it is
// absent from `after` and flagged in `after_unknown`), never "absent"; a sensitive value is never shown.
import type { Change, Mask } from './model.ts';

export type Path = (string | number)[];

export type Lookup = { state: 'known'; value: unknown } | { state: 'unknown' } | { state: 'absent' };

export const REDACTED = '(sensitive)';

/** "media_settings_call.0.alerting_timeout_sec" or ["media_settings_call", 0, "alerting_timeout_sec"]. */
export function toPath(path: string | Path): Path {
  if (Array.isArray(path)) return path;
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function step(value: unknown, key: string | number): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as Record<string | number, unknown>)[key];
}

/** Whether the mask marks `path` (or any value containing it) as true. */
export function maskCovers(mask: Mask | undefined, path: Path): boolean {
  let cursor: unknown = mask;
  if (cursor === true) return true;
  for (const key of path) {
    cursor = step(cursor, key);
    if (cursor === true) return true;
    if (cursor === undefined || cursor === false) return false;
  }
  return false;
}

function lookup(value: unknown, path: Path): Lookup {
  let cursor: unknown = value;
  for (const key of path) {
    cursor = step(cursor, key);
    if (cursor === undefined) return { state: 'absent' };
  }
  return { state: 'known', value: cursor };
}

export function afterAt(change: Change, path: string | Path): Lookup {
  const p = toPath(path);
  if (maskCovers(change.after_unknown, p)) return { state: 'unknown' };
  return lookup(change.after, p);
}

export function beforeAt(change: Change, path: string | Path): Lookup {
  return lookup(change.before, toPath(path));
}

export function isSensitiveAfter(change: Change, path: string | Path): boolean {
  return maskCovers(change.after_sensitive, toPath(path));
}

export function isSensitiveBefore(change: Change, path: string | Path): boolean {
  return maskCovers(change.before_sensitive, toPath(path));
}

/** A copy of `value` with every part the mask marks sensitive replaced by REDACTED. */
export function redact(value: unknown, mask: Mask | undefined): unknown {
  if (mask === true) return value === undefined || value === null ? value : REDACTED;
  if (!mask || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => redact(item, (mask as Mask[])[i]));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redact(item, (mask as Record<string, Mask>)[key])]),
  );
}

/** `before` and `after` with sensitive parts redacted and unknown parts shown as "(known after apply)". */
export function displayChange(change: Change): { before: unknown; after: unknown } {
  return {
    before: redact(change.before, change.before_sensitive),
    after: markUnknown(redact(change.after, change.after_sensitive), change.after_unknown),
  };
}

export const UNKNOWN = '(known after apply)';

function markUnknown(value: unknown, mask: Mask | undefined): unknown {
  if (mask === true) return UNKNOWN;
  if (!mask || typeof mask !== 'object') return value;
  if (Array.isArray(mask)) {
    const list = Array.isArray(value) ? [...value] : [];
    mask.forEach((m, i) => (list[i] = markUnknown(list[i], m)));
    return list;
  }
  const object =
    value && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  for (const [key, m] of Object.entries(mask)) object[key] = markUnknown(object[key], m);
  return object;
}
