// How commands speak: a one-screen text summary for people, or one JSON document on stdout with --json (a
// global option every verb honours).
import type { Command } from 'commander';
import { CxError, EXIT, redactSecrets } from '@cxops/core';

export function wantsJson(command: Command): boolean {
  return command.optsWithGlobals<{ json?: boolean }>().json === true;
}

/** Everything cxops prints passes through here: no secret value or credential-shaped text reaches a log. */
export function emit(command: Command, data: unknown, text: () => string): void {
  const out = wantsJson(command) ? JSON.stringify(data, jsonReplacer, 2) : text();
  process.stdout.write(`${redactSecrets(out)}\n`);
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
  // Engine output in an error can quote a variable's value: redacted like everything else.
  if (json) process.stdout.write(`${redactSecrets(JSON.stringify(cx.toJSON(), null, 2))}\n`);
  else process.stderr.write(`${redactSecrets(cx.format())}\n`);
  if (!(error instanceof CxError) && error instanceof Error && process.env.CXOPS_DEBUG) {
    process.stderr.write(`${redactSecrets(error.stack ?? '')}\n`);
  }
  return cx.exitCode ?? EXIT.failure;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  return value instanceof CxError ? value.toJSON() : value;
}
