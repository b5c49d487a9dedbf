// The running emulated org of the local stack, as a supervisor or a test reaches it: through its admin API.
import { CxError, EXIT } from '@cxops/core';
import { EmulatorAdmin } from '@cxops/emulator';
import { stackStatus } from './stack.ts';

export async function runningEmulatorAdmin(): Promise<EmulatorAdmin> {
  const emulator = (await stackStatus()).find((s) => s.name === 'genesys emulator');
  if (!emulator?.running || !emulator.endpoint)
    throw new CxError({
      action: 'reach the emulated org',
      reason: 'it is not running',
      fix: 'run `npx cxops emulator start` (or `npx cxops stack start`)',
      exitCode: EXIT.unavailable,
    });
  return new EmulatorAdmin(emulator.endpoint);
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
