// `cxops state history|restore|doctor <env>`: the environment's state in the versioned bucket.
import type { Command } from 'commander';
import { EXIT } from '@cxops/core';
import { emit } from '../output.ts';

type SetExit = (code: number) => void;

const ICON = { ok: '✔', warn: '!', fail: '✖' } as const;

export function registerState(program: Command, setExit: SetExit): void {
  const state = program.command('state').description("An environment's state in the versioned state bucket");

  state
    .command('history')
    .description('The versions of the state, newest first, with time and serial')
    .argument('<environment>', 'org or a department (or its folder)')
    .option('--limit <n>', 'how many versions to read for their serial', '20')
    .action(async (arg: string, opts: { limit: string }, command: Command) => {
      const { environmentState, stateHistory } = await import('@cxops/state');
      const { environment, store } = await environmentState(arg);
      try {
        const versions = await stateHistory(store, environment, { limit: Number(opts.limit) });
        emit(command, { environment, versions }, () =>
          [
            `State of ${environment} (${store.where}), newest first:`,
            ...versions.map(
              (v) =>
                `  ${v.latest ? '*' : ' '} ${v.lastModified}  ${v.versionId}  ${
                  v.deleted
                    ? '(deleted)'
                    : v.state
                      ? `serial ${v.state.serial}, ${v.state.resources} resources`
                      : `${v.size} bytes`
                }`,
            ),
            versions.length
              ? '  (* current; restore one with `cxops state restore <env> <version>`)'
              : '  (no versions)',
          ].join('\n'),
        );
      } finally {
        store.close();
      }
    });

  state
    .command('restore')
    .description(
      'Make a chosen version the current state again (written as a new version: the replaced one stays in the history, so this can be undone); refused while the state is locked',
    )
    .argument('<environment>')
    .argument('<version>', 'a version id from `cxops state history`')
    .action(async (arg: string, versionId: string, _opts: unknown, command: Command) => {
      const { environmentState, restoreState } = await import('@cxops/state');
      const { environment, store } = await environmentState(arg);
      try {
        const result = await restoreState(store, environment, versionId);
        emit(command, result, () =>
          [
            `Restored the state of ${environment} from version ${result.restoredFrom.versionId} (serial ${result.restoredFrom.serial}) as serial ${result.current.serial}.`,
            `The replaced state (serial ${result.replaced.serial}) is kept; undo with: cxops state restore ${environment} ${result.replaced.versionId}`,
            `Next: \`cxops plan ${environment}\` shows what the org and this state disagree on.`,
          ].join('\n'),
        );
      } finally {
        store.close();
      }
    });

  state
    .command('doctor')
    .description(
      'Checks versioning, the state, a stale lock (who, since when) and that state and org agree; exit 1 on a problem',
    )
    .argument('<environment>')
    .option('--stale-after <minutes>', 'a lock older than this is stale', '120')
    .action(async (arg: string, opts: { staleAfter: string }, command: Command) => {
      const { environmentState, stateDoctor } = await import('@cxops/state');
      const { environment, store } = await environmentState(arg);
      try {
        const report = await stateDoctor(store, environment, {
          staleAfterMinutes: Number(opts.staleAfter),
          root: arg,
        });
        emit(command, report, () =>
          [
            `State doctor for ${environment}:`,
            ...report.checks.map(
              (c) => `  ${ICON[c.status]} ${c.name}: ${c.detail}${c.fix ? `\n      fix: ${c.fix}` : ''}`,
            ),
          ].join('\n'),
        );
        setExit(report.ok ? EXIT.ok : EXIT.failure);
      } finally {
        store.close();
      }
    });
}
