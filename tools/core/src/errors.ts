/** Exit codes that mean the same thing in every cxops command. */
export const EXIT = {
  ok: 0,
  failure: 1,
  /** Changes or drift found, for the commands where that is the convention (plan, drift). */
  changes: 2,
  /** Something this machine cannot provide (a missing tool or source); the message says how to fix it. */
  unavailable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CxErrorDetails {
  /** What was being attempted, as "Can't <action>". */
  action: string;
  /** Why it failed, in one sentence. */
  reason: string;
  /** Where: a file (with line), a command or a URL. */
  where?: string;
  /** What the user should do about it. */
  fix?: string;
  /** The most relevant lines of a tool's output (trimmed to the last 20 when shown). */
  output?: string;
  exitCode?: ExitCode;
}

/** The one error type of the tooling; `format()` renders it for people, `toJSON()` for machines. */
export class CxError extends Error {
  readonly details: CxErrorDetails;

  constructor(details: CxErrorDetails) {
    super(`Can't ${details.action}: ${details.reason}`);
    this.name = 'CxError';
    this.details = details;
  }

  get exitCode(): ExitCode {
    return this.details.exitCode ?? EXIT.failure;
  }

  format(): string {
    const { where, fix, output } = this.details;
    const lines = [this.message];
    if (where) lines.push(`  where: ${where}`);
    if (fix) lines.push(`  fix:   ${fix}`);
    lines.push(`  exit:  ${this.exitCode} (${describeExit(this.exitCode)})`);
    const tail = lastLines(output, 20);
    if (tail) lines.push('  output:', ...tail.split('\n').map((l) => `    ${l}`));
    return lines.join('\n');
  }

  toJSON() {
    return { error: this.message, ...this.details, exitCode: this.exitCode };
  }
}

export function describeExit(code: number): string {
  switch (code) {
    case EXIT.ok:
      return 'success';
    case EXIT.changes:
      return 'changes found';
    case EXIT.unavailable:
      return 'something this machine lacks';
    default:
      return 'failure';
  }
}

export function lastLines(text: string | undefined, count: number): string {
  if (!text) return '';
  const lines = text.trimEnd().split('\n');
  return lines.slice(-count).join('\n');
}
