// `cxops emulator …`: the emulated Genesys Cloud org of the local stack, on its own.
import type { Command } from 'commander';
import { CxError } from '@cxops/core';
import { emit } from '../output.ts';

/** "a.b=12" → ["a.b", 12]: values are JSON when they parse as JSON, else strings. */
function parseAssignment(text: string): [string, unknown] {
  const at = text.indexOf('=');
  if (at <= 0)
    throw new CxError({
      action: 'read the change',
      reason: `"${text}" is not field=value`,
      fix: 'write changes as field.path=value, e.g. mediaSettings.call.alertingTimeoutSeconds=12',
    });
  const raw = text.slice(at + 1);
  try {
    return [text.slice(0, at), JSON.parse(raw)];
  } catch {
    return [text.slice(0, at), raw];
  }
}

export function registerEmulator(program: Command, setExit: (code: number) => void): void {
  const emulator = program
    .command('emulator')
    .description('The emulated Genesys Cloud org (the embedded default), on 127.0.0.1');

  emulator
    .command('start')
    .description('Start the emulated org (idempotent); its state persists in .cxops/stack/org.json')
    .action(async (_opts: unknown, command: Command) => {
      const { ensureEmulator } = await import('@cxops/stack');
      const { emulator: service } = await ensureEmulator();
      emit(
        command,
        service,
        () =>
          `✔ emulated org at ${service!.url} (gateway: protocol http, host 127.0.0.1, port ${service!.port})`,
      );
    });

  emulator
    .command('stop')
    .description('Stop the emulated org; its state stays on disk')
    .action(async (_opts: unknown, command: Command) => {
      const { stopEmulator } = await import('@cxops/stack');
      await stopEmulator();
      emit(command, { stopped: true }, () => 'Emulated org stopped.');
    });

  emulator
    .command('status')
    .description('Is the emulated org running (exit 1 when not)?')
    .action(async (_opts: unknown, command: Command) => {
      const { stackStatus } = await import('@cxops/stack');
      const service = (await stackStatus()).find((s) => s.name === 'genesys emulator')!;
      emit(
        command,
        service,
        () => `${service.running ? `✔ running at ${service.endpoint}` : '✖ stopped'} — ${service.detail}`,
      );
      if (!service.running) setExit(1);
    });

  emulator
    .command('reset')
    .description(
      'Forget every object of the emulated org (back to a fresh org with only the home division and default roles)',
    )
    .action(async (_opts: unknown, command: Command) => {
      const { runningEmulatorAdmin } = await import('@cxops/stack');
      await (await runningEmulatorAdmin()).reset();
      emit(command, { reset: true }, () => 'Emulated org reset.');
    });

  emulator
    .command('change')
    .description(
      'Change an object out of band, as a supervisor would in the admin UI (audited under that person)',
    )
    .argument('<kind>', 'queues | skills | wrapupcodes | users | roles | divisions | flows')
    .argument('<name>', 'the object name (or id)')
    .argument('<changes...>', 'field.path=value, e.g. acwSettings.timeoutMs=60000')
    .option(
      '--actor <who>',
      "who makes the change: a name, or the email of one of the org's users",
      'supervisor',
    )
    .action(
      async (kind: string, name: string, changes: string[], opts: { actor: string }, command: Command) => {
        const { changeOutOfBand } = await import('@cxops/stack');
        const { audit } = await changeOutOfBand(
          kind,
          name,
          Object.fromEntries(changes.map(parseAssignment)),
          opts.actor,
        );
        emit(
          command,
          audit,
          () =>
            audit?.propertyChanges
              .map(
                (c) =>
                  `${kind} "${name}": ${c.property} ${c.oldValues.join(', ') || '∅'} → ${c.newValues.join(', ') || '∅'} (by ${audit.user?.name ?? opts.actor})`,
              )
              .join('\n') ?? `${kind} "${name}": nothing changed`,
        );
      },
    );

  emulator
    .command('objects')
    .description('List the objects of one kind in the emulated org')
    .argument('<kind>', 'queues | skills | wrapupcodes | users | roles | divisions | flows')
    .action(async (kind: string, _opts: unknown, command: Command) => {
      const { runningEmulatorAdmin } = await import('@cxops/stack');
      const objects = await (await runningEmulatorAdmin()).objects(kind);
      emit(
        command,
        objects,
        () => objects.map((o) => `${String(o.id)}  ${String(o.name)}`).join('\n') || `(no ${kind})`,
      );
    });

  emulator
    .command('audit')
    .description(
      "The emulated org's audit log (who, when, which properties), read through the Platform API's audit query",
    )
    .option('--kind <kind>', 'only this kind of object (queues, users, roles, …)')
    .option('--days <n>', 'how many days back', '30')
    .action(async (opts: { kind?: string; days: string }, command: Command) => {
      const { emulatorAuditLog } = await import('@cxops/stack');
      const messages = await emulatorAuditLog({ kind: opts.kind, days: Number(opts.days) });
      emit(
        command,
        messages,
        () =>
          messages
            .map(
              (m) =>
                `${m.eventDate} ${m.user?.name ?? `client ${m.client?.id || '?'}`} ${m.action} ${m.entityType} "${m.entity.name ?? m.entity.id}": ${m.propertyChanges.map((c) => c.property).join(', ')}`,
            )
            .join('\n') || '(no changes)',
      );
    });

  emulator
    .command('metrics')
    .description('Requests and 429s per route and per token')
    .action(async (_opts: unknown, command: Command) => {
      const { runningEmulatorAdmin } = await import('@cxops/stack');
      const metrics = await (await runningEmulatorAdmin()).metrics();
      emit(command, metrics, () =>
        [
          `${metrics.total.requests} requests, ${metrics.total.status429} answered 429, ${metrics.total.errors} other errors`,
          ...Object.entries(metrics.routes)
            .sort(([, a], [, b]) => b.requests - a.requests)
            .map(
              ([route, c]) =>
                `  ${String(c.requests).padStart(6)}  ${route}${c.status429 ? ` (${c.status429} × 429)` : ''}`,
            ),
        ].join('\n'),
      );
    });
}
