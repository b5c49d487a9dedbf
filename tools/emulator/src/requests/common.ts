// Checks for the shapes every request shares.
import { objectOf, string } from '../check.ts';
import type { DomainEntityRef } from '../model/common.ts';

export const domainEntityRef = objectOf<DomainEntityRef>({ id: string, name: string, selfUri: string });

/** One entry of a bulk call that names objects by id (queue members, queue wrap-up codes, default roles). */
export const idEntry = objectOf<{ id?: string }>({ id: string });
