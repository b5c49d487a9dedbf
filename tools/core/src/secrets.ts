// Secrets never leave cxops: whatever a command prints, writes for upload or posts on a pull request passes
// through here first. Two nets: the values of the secret variables this process holds (exact match), and the
// shapes of the credentials this project deals with (a value pasted into department data is in no variable).
// Pre-commit (gitleaks) stops secrets at the door; this is the net behind it.

/** What a hidden secret becomes in text. */
export const SECRET_MARKER = '[hidden: looks like a secret]';

/** Variables whose values are secrets by name (GENESYSCLOUD_OAUTHCLIENT_SECRET, AWS_SESSION_TOKEN, …). */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|CREDENTIAL/i;
/** Shorter values are too likely to be ordinary words ("true", a pool size) to replace everywhere. */
const MIN_KNOWN_LENGTH = 8;

interface Shape {
  id: string;
  pattern: RegExp;
  /** Extra test on the match (character mix), so identifiers and hex digests are left alone. */
  accept?: (match: string) => boolean;
}

/** Upper case, lower case and a digit: random keys have all three, names and hex digests do not. */
const mixed = (s: string) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);

const SHAPES: readonly Shape[] = [
  { id: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { id: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g },
  // AWS secret access keys: exactly 40 characters of standard base64.
  {
    id: 'aws-secret-access-key',
    pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    accept: mixed,
  },
  // Genesys Cloud OAuth client secrets are 43 characters of base64url; any unbroken run of 32 or more such
  // characters mixing cases and digits is taken for a key of some kind.
  {
    id: 'base64url-key',
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g,
    accept: mixed,
  },
];

/** The values of the secret variables in `env` (long enough to be replaced safely), longest first. */
export function secretValuesOf(env: NodeJS.ProcessEnv = process.env): string[] {
  const values = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value && value.trim().length >= MIN_KNOWN_LENGTH)
    .map(([, value]) => value!.trim());
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

/** Whether a whole value has the shape of a credential (used on single attribute values). */
export function looksLikeSecret(value: string, known: readonly string[] = []): boolean {
  if (known.some((secret) => value.includes(secret))) return true;
  return SHAPES.some((shape) => {
    shape.pattern.lastIndex = 0;
    const matches = value.match(shape.pattern) ?? [];
    return matches.some((m) => !shape.accept || shape.accept(m));
  });
}

export interface RedactOptions {
  /** Exact values to hide (default: the secret variables of this process). */
  known?: readonly string[];
}

/** `text` with every known secret value and every credential-shaped run replaced by SECRET_MARKER. */
export function redactSecrets(text: string, options: RedactOptions = {}): string {
  let result = text;
  for (const secret of options.known ?? secretValuesOf()) result = result.split(secret).join(SECRET_MARKER);
  for (const shape of SHAPES)
    result = result.replace(shape.pattern, (match) =>
      !shape.accept || shape.accept(match) ? SECRET_MARKER : match,
    );
  return result;
}
