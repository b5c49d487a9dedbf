// How commands speak: a one-screen text summary for people, or one JSON document on stdout with --json (a
// global option every verb honours).
import type { Command } from 'commander';
import { CxError, EXIT } from '@cxops/core';

export function wantsJson(command: Command): boolean {
  return command.optsWithGlobals<{ json?: boolean }>().json === true;
}

export function emit(command: Command, data: unknown, text: () => string): void {
  process.stdout.write(wantsJson(command) ? `${JSON.stringify(data, jsonReplacer, 2)}\n` : `${text()}\n`);
}

/** Reports an error the way the command was asked to speak, and returns its exit code. */
export function reportError(json: boolean, error: unknown): number {
  const cx =
    error instanceof CxError
      ? error
      : new CxError({
          action: 'finish the command',
          reason: error instanceof Error ? error.message : String(error),
        });
  if (json) process.stdout.write(`${JSON.stringify(cx.toJSON(), null, 2)}\n`);
  else process.stderr.write(`${cx.format()}\n`);
  if (!(error instanceof CxError) && error instanceof Error && process.env.CXOPS_DEBUG) {
    process.stderr.write(`${error.stack}\n`);
  }
  return cx.exitCode ?? EXIT.failure;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return value instanceof CxError ? value.toJSON() : value;
}
