// Tokens are secrets: the governor keys its budgets by a short fingerprint and never keeps, logs or returns the
// credential itself. A bearer token's fingerprint is the one the emulator's metrics use (token-<sha256/12>), so
// the two can be compared; an OAuth client (HTTP Basic on /oauth/token) is fingerprinted the same way.
import { createHash } from 'node:crypto';

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

export function credentialFingerprint(authorization: string | undefined): string | undefined {
  const match = /^(Bearer|Basic)\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  return `${match[1]!.toLowerCase() === 'basic' ? 'client' : 'token'}-${hash(match[2]!)}`;
}
