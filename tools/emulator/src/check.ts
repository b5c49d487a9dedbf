// Narrowing what a client sent, at the edge: each check takes an unknown JSON value and the field path it came
// from, and returns the value typed or throws a 400 naming the field. Routes read bodies only through checks,
// so nothing a client sent is cast. Absent (undefined or null) is `undefined`, as for the API's optional fields.
import { badRequest } from './errors.ts';
import type { JsonObject } from './model/common.ts';

export type Check<T> = (value: unknown, field: string) => T;

/** One check per field of T; objectOf builds a T from their results. */
export type Fields<T> = { [K in keyof T]-?: Check<T[K]> };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optional<T>(is: (value: unknown) => value is T, kind: string): Check<T | undefined> {
  return (value, field) => {
    if (value === undefined || value === null) return undefined;
    if (!is(value)) throw badRequest(`${field} must be ${kind}.`, field);
    return value;
  };
}

export const string = optional((v): v is string => typeof v === 'string', 'a string');
export const number = optional((v): v is number => typeof v === 'number' && Number.isFinite(v), 'a number');
export const boolean = optional((v): v is boolean => typeof v === 'boolean', 'a boolean');
/** A JSON object the emulator stores and echoes without reading its fields. */
export const jsonObject = optional(isJsonObject, 'an object');
/** A field read with the emulator's own rules (e.g. Number()), kept as sent until then. */
export const anything: Check<unknown> = (value) => value;

/** A non-empty string; anything else is "<field> is required." (the message the API gives for a name). */
export const requiredText: Check<string> = (value, field) => {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${field} is required.`, field);
  return value;
};

/** An array whose every element passes `item` (a null element is refused). */
export function arrayOf<T>(item: Check<T | undefined>): Check<T[] | undefined> {
  return (value, field) => {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw badRequest(`${field} must be an array.`, field);
    return value.map((element) => present(item(element, field), field));
  };
}

/** A JSON object used as a map (defaultScripts, utilization by media type): every value passes `item`. */
export function recordOf<T>(item: Check<T | undefined>): Check<Record<string, T> | undefined> {
  return (value, field) => {
    const object = jsonObject(value, field);
    if (!object) return undefined;
    return Object.fromEntries(
      Object.entries(object).map(([key, element]) => [
        key,
        present(item(element, `${field}.${key}`), `${field}.${key}`),
      ]),
    );
  };
}

/**
 * An object whose known fields pass their checks. Fields the emulator does not know are kept as sent (it has
 * always stored and echoed them); known fields that are absent are left out.
 */
export function objectOf<T extends object>(fields: Fields<T>): Check<T | undefined> {
  const checks: Record<string, Check<unknown>> = fields;
  return (value, field) => {
    const object = jsonObject(value, field);
    if (!object) return undefined;
    const narrowed: JsonObject = { ...object };
    for (const [key, check] of Object.entries(checks)) {
      const checked = check(object[key], field ? `${field}.${key}` : key);
      if (checked === undefined) delete narrowed[key];
      else narrowed[key] = checked;
    }
    // Every key of T was checked just above (Fields<T> has one check per key); TypeScript cannot follow a loop
    // over keys to see that the result is a T.
    return narrowed as T;
  };
}

/** The request body as an object, or 400 (an absent body too: every route reading one needs an object). */
export function body<T extends object>(fields: Fields<T>): (value: unknown) => T {
  const check = objectOf(fields);
  return (value) => {
    if (!isJsonObject(value)) throw badRequest('The request body must be a JSON object.');
    return present(check(value, ''), 'body');
  };
}

/** The request body as an array of at most `max` entries, each passing `item`. */
export function arrayBody<T>(value: unknown, item: Check<T | undefined>, max?: number): T[] {
  if (!Array.isArray(value)) throw badRequest('The request body must be a JSON array.');
  if (max !== undefined && value.length > max)
    throw badRequest(`At most ${max} entries are allowed per request; got ${value.length}.`);
  return value.map((element) => present(item(element, 'body'), 'body'));
}

function present<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw badRequest(`${field} must not hold null.`, field);
  return value;
}
