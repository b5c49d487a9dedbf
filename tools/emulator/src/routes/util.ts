import { badRequest, notFound } from '../errors.ts';
import type { Json } from '../store.ts';

export type Params = Record<string, string>;
export type Query = Record<string, string | undefined>;

export function jsonBody(body: unknown): Json {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('The request body must be a JSON object.');
  return body as Json;
}

export function arrayBody(body: unknown, max?: number): unknown[] {
  if (!Array.isArray(body)) throw badRequest('The request body must be a JSON array.');
  if (max !== undefined && body.length > max)
    throw badRequest(`At most ${max} entries are allowed per request; got ${body.length}.`);
  return body;
}

export function requiredString(body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${field} is required.`, field);
  return value;
}

export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(`${what} was not found.`);
  return value;
}

/** Keeps only the keys that were sent (no undefined), so responses echo requests exactly. */
export function defined(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

export const ref = (id: string, selfUri: string, name?: string) => ({
  id,
  ...(name !== undefined ? { name } : {}),
  selfUri,
});

/** Objects in the order Genesys lists them: by name. */
export function byName<T extends Json>(list: T[]): T[] {
  return list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
}
