// What the route files share: request typing, lookups that answer 404, and the order listings use.
import { notFound } from '../errors.ts';
import type { User } from '../model/users.ts';
import type { OrgState } from '../state.ts';

/** Query string values; a key sent twice would arrive as an array, which no client of the emulator sends. */
export type Query = Record<string, string | undefined>;

/**
 * The route generic for Fastify: path parameters named P (strings by construction of the route pattern) and the
 * query. Fastify checks neither at run time; the patterns in paths.ts guarantee the parameters.
 */
export interface On<P extends string = never> {
  Params: Record<P, string>;
  Querystring: Query;
}

export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(`${what} was not found.`);
  return value;
}

/** Objects in the order Genesys lists them: by name. */
export function byName<T extends { name: string }>(list: T[]): T[] {
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

/** Genesys names are unique per org, compared without case. */
export function nameTaken(
  objects: Record<string, { id: string; name: string }>,
  name: string,
  exceptId?: string,
) {
  const wanted = name.toLowerCase();
  return Object.values(objects).some((o) => o.id !== exceptId && o.name.toLowerCase() === wanted);
}

/** A user that is not deleted, unless the caller asks for deleted ones too; else 404. */
export function liveUser(state: OrgState, id: string, allowDeleted = false): User {
  const user = state.users[id];
  if (!user || (user.state === 'deleted' && !allowDeleted)) throw notFound(`User ${id} was not found.`);
  return user;
}
