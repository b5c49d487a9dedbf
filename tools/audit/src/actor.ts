// Who made an audited change: a person, the service account cxops applies with, another OAuth client (an
// integration), or Genesys itself. A person's message carries `user` (its `client.id` may be empty or name
// the app they used); a client-credentials call carries only `client`; `level` SYSTEM is the platform.
import { createHash } from 'node:crypto';
import type { AuditLogMessage } from '@cxops/emulator';

export type ActorKind = 'person' | 'service-account' | 'oauth-client' | 'system' | 'unknown';

export interface Actor {
  kind: ActorKind;
  /** For people: their name (or id); for clients: "OAuth client <fingerprint>". */
  name: string;
  /** A person's user id, or a client's fingerprint (client ids are kept as secrets in CI, so never shown). */
  id?: string;
}

/** A short, stable fingerprint of an OAuth client id. */
export function clientFingerprint(clientId: string): string {
  return createHash('sha256').update(clientId).digest('hex').slice(0, 12);
}

/**
 * `serviceClientIds`: the OAuth clients cxops changes the org with (the apply pipeline's, and the one of
 * this run); their changes are the code's own, not drift.
 */
export function actorOf(message: AuditLogMessage, serviceClientIds: readonly string[]): Actor {
  if (message.level === 'SYSTEM') return { kind: 'system', name: 'Genesys Cloud (system)' };
  const userId = message.user?.id;
  if (userId) return { kind: 'person', name: message.user?.name || userId, id: userId };
  const clientId = message.client?.id;
  if (clientId) {
    const id = clientFingerprint(clientId);
    return serviceClientIds.includes(clientId)
      ? { kind: 'service-account', name: `the cxops service account (OAuth client ${id})`, id }
      : { kind: 'oauth-client', name: `OAuth client ${id}`, id };
  }
  return { kind: 'unknown', name: 'an unknown actor' };
}
