// The engine's answer when another run holds the state lock ("Error acquiring the state lock" and a Lock Info
// block), read into who holds it, for what and since when: the message a person needs instead of an S3 error.

export interface HeldLock {
  id: string;
  path?: string;
  operation?: string;
  who?: string;
  created?: string;
}

export function heldLock(output: string): HeldLock | undefined {
  if (!/Error acquiring the state lock/i.test(output)) return undefined;
  const block = /Lock Info:\s*\n((?:[ \t]+\w+:.*\n?)+)/.exec(output)?.[1] ?? '';
  const fields = Object.fromEntries(
    block
      .split('\n')
      .map((line) => /^\s*(\w+):\s*(.*?)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.toLowerCase(), m[2]!]),
  );
  return {
    id: fields.id || 'unknown',
    ...(fields.path ? { path: fields.path } : {}),
    ...(fields.operation ? { operation: fields.operation } : {}),
    ...(fields.who ? { who: fields.who } : {}),
    ...(fields.created ? { created: fields.created } : {}),
  };
}

export function describeHeldLock(lock: HeldLock): string {
  return `the state is locked by another run: ${lock.who ?? 'someone'}, ${lock.operation ?? 'an operation'}${lock.created ? ` since ${lock.created}` : ''} (lock ID ${lock.id})`;
}
