import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { looksLikeSecret, redactSecrets, SECRET_MARKER, secretValuesOf } from '../src/secrets.ts';

// Made at run time, so the repository holds no credential-shaped literal (its own secret scan stays clean).
// (@cxops/test-support/secrets has the same helpers; core cannot depend on it.)
const mixed = (s: string) =>
  /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s) && /^\w/.test(s) && /\w$/.test(s);
const shaped = (make: () => string): string => {
  for (;;) {
    const value = make();
    if (mixed(value)) return value;
  }
};
const fakeClientSecret = () => shaped(() => randomBytes(32).toString('base64url'));
const fakeAwsSecretKey = () => shaped(() => randomBytes(30).toString('base64'));
const fakeAwsKeyId = () => `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;

describe('redactSecrets', () => {
  it('hides a Genesys client secret, AWS keys and GitHub tokens by their shape, wherever they sit', () => {
    const secret = fakeClientSecret();
    const awsId = fakeAwsKeyId();
    const awsKey = fakeAwsSecretKey();
    const text = `description = "temp ${secret}"\nkey ${awsId} / "${awsKey}"\ntoken ghs_${'a1B2'.repeat(6)}`;
    const out = redactSecrets(text, { known: [] });
    for (const value of [secret, awsId, awsKey, 'ghs_']) expect(out).not.toContain(value);
    expect(out.split(SECRET_MARKER)).toHaveLength(5);
  });

  it("hides the exact values of this process's secret variables, and only long enough ones", () => {
    const env = {
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'plain words secret',
      GENESYSCLOUD_TOKEN_POOL_SIZE: '2',
      AWS_SESSION_TOKEN: 'session-token-value',
      PATH: '/usr/bin',
    };
    expect(secretValuesOf(env)).toEqual(['session-token-value', 'plain words secret']);
    expect(redactSecrets('a plain words secret here, pool 2', { known: secretValuesOf(env) })).toBe(
      `a ${SECRET_MARKER} here, pool 2`,
    );
  });

  it('leaves what plans and logs are made of alone: hex digests, UUIDs, addresses, paths, names', () => {
    const text = [
      'sha256 3f7a9c0e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a',
      'id 6c1b2f3e-9d8a-4b7c-8e2f-1a3b5c7d9e0f',
      'module.department.module.queues.genesyscloud_routing_queue.this["Sales - Phone New Customers"]',
      '/tmp/cxops-test-AbC123/environments/sales/dist/plans/sales/summary.md',
      "Queue 'Sales - Phone Renewals': ACW timeout 30 s → 60 s",
      'genesyscloud_routing_wrapupcode_default_thing',
    ].join('\n');
    expect(redactSecrets(text, { known: [] })).toBe(text);
  });
});

describe('looksLikeSecret', () => {
  it('says whether a single value is credential-shaped', () => {
    expect(looksLikeSecret(fakeClientSecret())).toBe(true);
    expect(looksLikeSecret('Thanks for holding. Your call is important to us.')).toBe(false);
    expect(looksLikeSecret('contains a known value', ['known value'])).toBe(true);
  });
});
