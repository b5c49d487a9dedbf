// References between objects, as the API embeds them: {id, name, selfUri}.
import { badRequest } from './errors.ts';
import type { DivisionRef, EntityRef } from './model/common.ts';
import type { RoutingEntry, RoutingEntryRef } from './model/users.ts';
import { DIVISIONS } from './paths.ts';
import type { OrgState } from './state.ts';

export const ref = (id: string, selfUri: string, name?: string): EntityRef => ({
  id,
  ...(name !== undefined ? { name } : {}),
  selfUri,
});

/** The division an object is placed in: the one named by id (400 if it does not exist), else the home one. */
export function divisionRef(state: OrgState, id: string | undefined): DivisionRef {
  const divisionId = id ?? state.homeDivisionId;
  const division = state.divisions[divisionId];
  if (!division) throw badRequest(`Division ${divisionId} does not exist.`, 'division');
  return { id: divisionId, name: division.name, selfUri: `${DIVISIONS}/${divisionId}` };
}

/** A user's routing skill or language as answered (Userroutingskill, Userroutinglanguage). */
export function routingEntryRef(
  entry: RoutingEntry,
  base: string,
  catalogue: Record<string, { name: string }>,
): RoutingEntryRef {
  return {
    id: entry.id,
    name: catalogue[entry.id]?.name,
    proficiency: entry.proficiency,
    state: 'active',
    selfUri: `${base}/${entry.id}`,
  };
}
