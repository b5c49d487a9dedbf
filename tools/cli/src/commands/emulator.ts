import type { Command } from 'commander';
import { CxError, EXIT } from '@cxops/core';
import { EmulatorAdmin } from '@cxops/emulator';
import { ensureEmulator, stackStatus, stopEmulator } from '@cxops/stack';
import { emit, type OutputOptions } from '../output.ts';

async function runningAdmin(): Promise<EmulatorAdmin> {
  const [, emulator] = await stackStatus();
  if (!emulator?.running || !emulator.endpoint) {
    throw new CxError({
      action: 'reach the emulated org',
      reason: 'it is not running',
      fix: 'run `npx cxops emulator start` (or `npx cxops stack start`)',
      exitCode: EXIT.unavailable,
    });
  }
  return new EmulatorAdmin(emulator.endpoint);
}

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
    .option('--json', 'print the status as JSON')
    .action(async (opts: OutputOptions) => {
      const state = await ensureEmulator();
      emit(
        opts,
        state.emulator,
        () =>
          `✔ emulated org at ${state.emulator!.url} (gateway: protocol http, host 127.0.0.1, port ${state.emulator!.port})`,
      );
    });
  emulator
    .command('stop')
    .description('Stop the emulated org; its state stays on disk')
    .action(async () => {
      await stopEmulator();
      process.stdout.write('Emulated org stopped.\n');
    });
  emulator
    .command('status')
    .description('Is the emulated org running (exit 1 when not)?')
    .option('--json', 'print the status as JSON')
    .action(async (opts: OutputOptions) => {
      const [, service] = await stackStatus();
      emit(
        opts,
        service,
        () =>
          `${service!.running ? '✔ running at ' + service!.endpoint : '✖ stopped'} — ${service!.detail}`,
      );
      if (!service!.running) setExit(1);
    });
  emulator
    .command('reset')
    .description(
      'Forget every object of the emulated org (back to a fresh org with only the home division and default roles)',
    )
    .action(async () => {
      await (await runningAdmin()).reset();
      process.stdout.write('Emulated org reset.\n');
    });
  emulator
    .command('change')
    .description(
      'Change an object out of band, as a supervisor would in the admin UI (recorded in the audit log)',
    )
    .argument('<kind>', 'queues | skills | wrapupcodes | users | roles | divisions | flows')
    .argument('<name>', 'the object name (or id)')
    .argument('<changes...>', 'field.path=value, e.g. acwSettings.timeoutMs=60000')
    .option('--actor <who>', 'who made the change (audit log)', 'supervisor')
    .option('--json', 'print the result as JSON')
    .action(
      async (kind: string, name: string, changes: string[], opts: OutputOptions & { actor: string }) => {
        const admin = await runningAdmin();
        const matches = (await admin.objects(kind, name)).filter((o) => o.name === name || o.id === name);
        if (matches.length !== 1) {
          throw new CxError({
            action: `change ${kind} "${name}"`,
            reason: matches.length ? `${matches.length} objects match` : 'no object has that name or id',
            fix: `list them with \`npx cxops emulator objects ${kind}\``,
          });
        }
        const result = await admin.change(
          kind,
          String(matches[0]!.id),
          Object.fromEntries(changes.map(parseAssignment)),
          opts.actor,
        );
        emit(opts, result.audit, () =>
          Object.entries(result.audit.changes)
            .map(
              ([field, c]) =>
                `${kind} "${name}": ${field} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)} (by ${result.audit.actor})`,
            )
            .join('\n'),
        );
      },
    );
  emulator
    .command('objects')
    .description('List the objects of one kind in the emulated org')
    .argument('<kind>', 'queues | skills | wrapupcodes | users | roles | divisions | flows')
    .option('--json', 'print as JSON')
    .action(async (kind: string, opts: OutputOptions) => {
      const objects = await (await runningAdmin()).objects(kind);
      emit(
        opts,
        objects,
        () => objects.map((o) => `${String(o.id)}  ${String(o.name)}`).join('\n') || `(no ${kind})`,
      );
    });
  emulator
    .command('audit')
    .description('Out-of-band changes recorded by the emulated org (who, when, which fields)')
    .option('--kind <kind>', 'only this kind of object')
    .option('--json', 'print as JSON')
    .action(async (opts: OutputOptions & { kind?: string }) => {
      const entries = await (await runningAdmin()).audit({ kind: opts.kind });
      emit(
        opts,
        entries,
        () =>
          entries
            .map(
              (e) => `${e.at} ${e.actor} ${e.kind} "${e.name ?? e.id}": ${Object.keys(e.changes).join(', ')}`,
            )
            .join('\n') || '(no changes)',
      );
    });
  emulator
    .command('metrics')
    .description('Requests and 429s per route and per token, as JSON')
    .action(async () => {
      process.stdout.write(`${JSON.stringify(await (await runningAdmin()).metrics(), null, 2)}\n`);
    });
}
