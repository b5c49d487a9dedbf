// Credential-shaped values for tests, made at run time: the repository never holds one, so its own secret scan
// stays clean and a test can plant them wherever it wants to prove they go nowhere.
import { randomBytes, randomUUID } from 'node:crypto';

const mixed = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);

function until(make: () => string, ok: (s: string) => boolean): string {
  for (;;) {
    const value = make();
    if (ok(value)) return value;
  }
}

/** A Genesys Cloud OAuth client secret's shape: 43 characters of base64url. */
export function fakeClientSecret(): string {
  return until(
    () => randomBytes(32).toString('base64url'),
    (s) => mixed(s) && /^[A-Za-z0-9]/.test(s) && /[A-Za-z0-9]$/.test(s),
  );
}

/** A client id: a UUID. */
export function fakeClientId(): string {
  return randomUUID();
}

/** An AWS secret access key's shape: 40 characters of base64. */
export function fakeAwsSecretKey(): string {
  return until(
    () => randomBytes(30).toString('base64'),
    (s) => mixed(s) && /^[A-Za-z0-9]/.test(s),
  );
}

/** An AWS access key id: AKIA and 16 of A-Z2-7. */
export function fakeAwsKeyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AKIA${Array.from(randomBytes(16), (b) => alphabet[b % 32]).join('')}`;
}
