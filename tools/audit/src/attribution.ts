// Who changed a drifted object, and when: the object's audit messages of the last days, the ones after the
// service account's last change to it (every apply puts an object back to the code, so drift is younger than
// that). Each change names its actor; the service account's own changes are told apart from a person's.
import { CxError } from '@cxops/core';
import type { AuditLogMessage } from '@cxops/emulator';
import type { DriftedObject } from '@cxops/plan';
import { actorOf, type Actor } from './actor.ts';
import type { AuditClient } from './client.ts';

/** How each resource type's object is audited. `grantsOf`: its role grants are filed under the roles. */
interface AuditedType {
  serviceName: string;
  entityType: string;
  grantsOf?: true;
}

/**
 * Queue, User, Role and Flow are the real service's pairs; WrapupCode, RoutingSkill and Division are its
 * entity lists' best match (check GET /api/v2/audits/query/servicemapping on your org).
 */
export const AUDITED_TYPES: Record<string, AuditedType> = {
  genesyscloud_routing_queue: { serviceName: 'ContactCenter', entityType: 'Queue' },
  genesyscloud_user: { serviceName: 'Directory', entityType: 'User' },
  genesyscloud_auth_role: { serviceName: 'PeoplePermissions', entityType: 'Role' },
  genesyscloud_user_roles: { serviceName: 'PeoplePermissions', entityType: 'Role', grantsOf: true },
  genesyscloud_flow: { serviceName: 'Architect', entityType: 'Flow' },
  genesyscloud_routing_wrapupcode: { serviceName: 'ContactCenter', entityType: 'WrapupCode' },
  genesyscloud_routing_skill: { serviceName: 'Routing', entityType: 'RoutingSkill' },
  genesyscloud_auth_division: { serviceName: 'PeoplePermissions', entityType: 'Division' },
};

export interface AuditedChange {
  /** UTC, as the audit log has it. */
  at: string;
  actor: Actor;
  action: string;
  /** The API's names of what changed (opaque strings, e.g. "acwSettings.timeoutMs"). */
  properties: string[];
}

export interface Attribution {
  address: string;
  /**
   * found: the changes since the service account's last one; none: no audit message in the window;
   * unsupported: a type the audit query cannot look up; unavailable: the query failed (see `note`).
   */
  status: 'found' | 'none' | 'unsupported' | 'unavailable';
  changes: AuditedChange[];
  note?: string;
}

export interface AttributionOptions {
  /** OAuth clients whose changes are cxops's own (the apply pipeline's, this run's). */
  serviceClientIds: readonly string[];
  /** Days back to search (the asynchronous query allows 30). */
  days?: number;
  now?: Date;
}

function changeOf(message: AuditLogMessage, serviceClientIds: readonly string[]): AuditedChange {
  return {
    at: message.eventDate,
    actor: actorOf(message, serviceClientIds),
    action: message.action,
    properties: (message.propertyChanges ?? []).map((p) => p.property),
  };
}

/** The changes after the service account's last one (all of them when it made none in the window). */
export function changesSinceLastApply(
  messages: AuditLogMessage[],
  serviceClientIds: readonly string[],
): AuditedChange[] {
  const changes = [...messages]
    .sort((a, b) => a.eventDate.localeCompare(b.eventDate))
    .map((m) => changeOf(m, serviceClientIds));
  const lastOwn = changes.findLastIndex((c) => c.actor.kind === 'service-account');
  const since = changes.slice(lastOwn + 1);
  // Nothing after it: the service account itself made the last change (e.g. an apply of older code).
  return since.length ? since : changes.slice(lastOwn);
}

export async function attributeDrift(
  client: AuditClient,
  objects: DriftedObject[],
  options: AttributionOptions,
): Promise<Attribution[]> {
  const now = options.now ?? new Date();
  const days = options.days ?? 30;
  // The end is exclusive: a minute ahead, so a change made the same millisecond is inside.
  const interval = `${new Date(now.getTime() - days * 86_400_000).toISOString()}/${new Date(now.getTime() + 60_000).toISOString()}`;
  const results: Attribution[] = [];
  // One object at a time: drift is rare, and the audit service has its own rate limits.
  for (const object of objects) {
    const type = AUDITED_TYPES[object.type];
    if (!type || !object.id) {
      results.push({
        address: object.address,
        status: 'unsupported',
        changes: [],
        note: type ? 'the object has no id in state' : `${object.type} is not looked up in the audit log`,
      });
      continue;
    }
    try {
      const messages = (
        await client.query({
          interval,
          serviceName: type.serviceName,
          filters: [
            { property: 'EntityType', value: type.entityType },
            ...(type.grantsOf ? [] : [{ property: 'EntityId', value: object.id }]),
          ],
          sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
        })
      ).filter((m) => !type.grantsOf || (m.entity?.name ?? '').startsWith(`${object.id}--`));
      const changes = changesSinceLastApply(messages, options.serviceClientIds);
      results.push(
        changes.length
          ? { address: object.address, status: 'found', changes }
          : {
              address: object.address,
              status: 'none',
              changes,
              note: `no audit message in the last ${days} days`,
            },
      );
    } catch (error) {
      results.push({
        address: object.address,
        status: 'unavailable',
        changes: [],
        note: error instanceof CxError ? error.message : String(error),
      });
    }
  }
  return results;
}
