// The running emulated org of the local stack, as a supervisor or a test reaches it: through its admin API,
// and its audit log through the Platform API's audit query, as for a real org.
import { AuditClient, auditConnectionFromEnv } from '@cxops/audit';
import { CxError, EXIT, loopbackGatewayEnv } from '@cxops/core';
import { AUDITED_KINDS, EmulatorAdmin, type AuditLogMessage } from '@cxops/emulator';
import { stackStatus } from './stack.ts';

/** The OAuth client the tooling uses on the embedded default (the emulator accepts any credentials). */
export const LOCAL_CLIENT_ID = 'cxops-local';

async function runningEmulatorUrl(): Promise<string> {
  const emulator = (await stackStatus()).find((s) => s.name === 'genesys emulator');
  if (!emulator?.running || !emulator.endpoint)
    throw new CxError({
      action: 'reach the emulated org',
      reason: 'it is not running',
      fix: 'run `npx cxops emulator start` (or `npx cxops stack start`)',
      exitCode: EXIT.unavailable,
    });
  return emulator.endpoint;
}

export async function runningEmulatorAdmin(): Promise<EmulatorAdmin> {
  return new EmulatorAdmin(await runningEmulatorUrl());
}

/** The emulated org's gateway, as the provider's `gateway` block and the audit client read it. */
export function localGatewayEnv(url: string): Record<string, string> {
  return {
    ...loopbackGatewayEnv(new URL(url).port),
    GENESYSCLOUD_OAUTHCLIENT_ID: LOCAL_CLIENT_ID,
    GENESYSCLOUD_OAUTHCLIENT_SECRET: LOCAL_CLIENT_ID,
  };
}

/** The emulated org's audit log of the last days, oldest first, through the audit query (kind: queues, users…). */
export async function emulatorAuditLog(
  options: { kind?: string; days?: number } = {},
): Promise<AuditLogMessage[]> {
  const kind = options.kind === undefined ? undefined : AUDITED_KINDS[options.kind];
  if (options.kind !== undefined && !kind)
    throw new CxError({
      action: `list the changes to ${options.kind}`,
      reason: 'no such kind of object',
      fix: `use one of ${Object.keys(AUDITED_KINDS).join(', ')}`,
    });
  const client = new AuditClient(auditConnectionFromEnv(localGatewayEnv(await runningEmulatorUrl())));
  const now = Date.now();
  const days = options.days ?? 30;
  return client.query({
    interval: `${new Date(now - days * 86_400_000).toISOString()}/${new Date(now + 60_000).toISOString()}`,
    ...(kind
      ? { serviceName: kind.serviceName, filters: [{ property: 'EntityType', value: kind.entityType }] }
      : {}),
    sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
  });
}

/** Changes one object, found by exact name or id, as a supervisor would in the admin UI (audited). */
export async function changeOutOfBand(
  kind: string,
  nameOrId: string,
  changes: Record<string, unknown>,
  actor: string,
): ReturnType<EmulatorAdmin['change']> {
  const admin = await runningEmulatorAdmin();
  const matches = (await admin.objects(kind, nameOrId)).filter(
    (o) => o.name === nameOrId || o.id === nameOrId,
  );
  if (matches.length !== 1)
    throw new CxError({
      action: `change ${kind} "${nameOrId}"`,
      reason: matches.length ? `${matches.length} objects match` : 'no object has that name or id',
      fix: `list them with \`npx cxops emulator objects ${kind}\``,
    });
  return admin.change(kind, String(matches[0]!.id), changes, actor);
}
