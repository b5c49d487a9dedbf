import { describe, expect, it } from 'vitest';
import { useEmulator } from './harness.ts';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const token = (base: string, authorization?: string) =>
  fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: 'grant_type=client_credentials',
  });

describe('OAuth client credentials', () => {
  const h = useEmulator({ clients: { 'deploy-bot': 's3cret' } });

  it('issues a bearer token with a long expiry for a known client', async () => {
    const response = await token(h.base, basic('deploy-bot', 's3cret'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 86400 });
    expect(body.access_token.length).toBeGreaterThan(20);
  });

  it('rejects a wrong secret with the OAuth error shape the SDK parses', async () => {
    const response = await token(h.base, basic('deploy-bot', 'wrong'));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: 'invalid_client',
      error_description: 'client authentication failed',
    });
  });
});

describe('the token endpoint rate limit', () => {
  const h = useEmulator({ rateLimits: { tokenEndpoint: 2, windowSeconds: 60 } });

  it('answers past its budget with 400 invalid_request "rate limit exceeded;", not 429', async () => {
    const statuses: number[] = [];
    let last: unknown;
    for (let i = 0; i < 3; i++) {
      const response = await token(h.base, basic('any-client', 'any-secret'));
      statuses.push(response.status);
      last = await response.json();
    }
    expect(statuses).toEqual([200, 200, 400]);
    expect(last).toMatchObject({
      error: 'invalid_request',
      error_description: expect.stringMatching(/^rate limit exceeded;/),
    });
  });
});

describe('API authentication and the configure-time reads', () => {
  const h = useEmulator();

  it('answers 401 bad.credentials without a bearer token', async () => {
    const response = await h.api('GET', '/api/v2/organizations/me', undefined, '');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'bad.credentials', status: 401 });
    expect(response.headers.get('inin-correlation-id')).toBe(response.body.contextId);
  });

  it('serves organizations/me with defaultCountryCode (the provider dereferences it)', async () => {
    const response = await h.api('GET', '/api/v2/organizations/me');
    expect(response.body).toMatchObject({ defaultCountryCode: 'US', state: 'active', version: 1 });
  });

  it('serves authorization/products with both total and entities', async () => {
    const response = await h.api('GET', '/api/v2/authorization/products');
    expect(response.body.total).toBe(response.body.entities.length);
    expect(response.body.entities[0]).toHaveProperty('id');
  });

  it('answers an unknown route with a Genesys 404 body', async () => {
    const response = await h.api('GET', '/api/v2/telephony/providers/edges');
    expect(response.body).toMatchObject({ status: 404, code: 'not.found' });
  });
});
