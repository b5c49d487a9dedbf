import type { Command } from 'commander';
import { emit } from '../output.ts';

export function registerStack(program: Command, setExit: (code: number) => void): void {
  const stack = program
    .command('stack')
    .description(
      'The local stack behind the embedded default: S3 server (versitygw) with a versioned state bucket, and the emulated org',
    );

  const printStatus = async (command: Command) => {
    const { stackStatus } = await import('@cxops/stack');
    const services = await stackStatus();
    emit(command, { services }, () =>
      services
        .map(
          (s) =>
            `${s.running ? '✔' : '✖'} ${s.name.padEnd(16)} ${s.running ? s.endpoint : 'stopped'}  ${s.detail ?? ''}`,
        )
        .join('\n'),
    );
    return services;
  };

  stack
    .command('start')
    .description('Start the local services (idempotent: running services are reused)')
    .action(async (_opts: unknown, command: Command) => {
      const { startStack } = await import('@cxops/stack');
      await startStack();
      await printStatus(command);
    });
  stack
    .command('stop')
    .description('Stop the local services; their data stays on disk')
    .action(async (_opts: unknown, command: Command) => {
      const { stopStack } = await import('@cxops/stack');
      await stopStack();
      await printStatus(command);
    });
  stack
    .command('status')
    .description('Show which local services run (exit 1 when one is down)')
    .action(async (_opts: unknown, command: Command) => {
      const services = await printStatus(command);
      if (services.some((s) => !s.running)) setExit(1);
    });
  stack
    .command('reset')
    .description('Stop the local services and delete their data (all local state is lost)')
    .action(async (_opts: unknown, command: Command) => {
      const { resetStack } = await import('@cxops/stack');
      await resetStack();
      emit(command, { reset: true }, () => 'Local stack stopped and its data deleted.');
    });
}
