import type { Command } from 'commander';
import { resetStack, stackStatus, startStack, stopStack } from '@cxops/stack';
import { emit, type OutputOptions } from '../output.ts';

export function registerStack(program: Command, setExit: (code: number) => void): void {
  const stack = program
    .command('stack')
    .description(
      'The local stack behind the embedded default: S3 server (versitygw) with a versioned state bucket',
    );

  const printStatus = async (opts: OutputOptions) => {
    const services = await stackStatus();
    emit(opts, { services }, () =>
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
    .option('--json', 'print the status as JSON')
    .action(async (opts: OutputOptions) => {
      await startStack();
      await printStatus(opts);
    });
  stack
    .command('stop')
    .description('Stop the local services; their data stays on disk')
    .option('--json', 'print the status as JSON')
    .action(async (opts: OutputOptions) => {
      await stopStack();
      await printStatus(opts);
    });
  stack
    .command('status')
    .description('Show which local services run (exit 1 when one is down)')
    .option('--json', 'print the status as JSON')
    .action(async (opts: OutputOptions) => {
      const services = await printStatus(opts);
      if (services.some((s) => !s.running)) setExit(1);
    });
  stack
    .command('reset')
    .description('Stop the local services and delete their data (all local state is lost)')
    .action(async () => {
      await resetStack();
      process.stdout.write('Local stack stopped and its data deleted.\n');
    });
}
