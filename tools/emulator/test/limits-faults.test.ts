import { describe, expect, it } from 'vitest';
import { call, useEmulator } from './harness.ts';

describe('rate limits per access token', () => {
  const h = useEmulator({
    rateLimits: { perToken: 3, windowSeconds: 30, perRoute: { 'POST /api/v2/routing/skills': 1 } },
  });

  it('sends inin-ratelimit-count/allowed/reset on normal responses', async () => {
    const response = await h.api('GET', '/api/v2/routing/skills', undefined, 'secret-a');
    expect(response.headers.get('inin-ratelimit-count')).toBe('1');
    expect(response.headers.get('inin-ratelimit-allowed')).toBe('3');
    expect(Number(response.headers.get('inin-ratelimit-reset'))).toBeGreaterThan(0);
  });

  it('answers 429 with Retry-After and the Genesys body past the budget, per token, and counts it', async () => {
    await h.api('GET', '/api/v2/routing/skills', undefined, 'secret-a');
    await h.api('GET', '/api/v2/routing/skills', undefined, 'secret-a');
    const limited = await h.api('GET', '/api/v2/routing/skills', undefined, 'secret-a');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(limited.body).toEqual({
      message: `Rate limit exceeded the maximum. Retry the request in [${retryAfter}] seconds`,
      code: 'too.many.requests.retry.after',
      status: 429,
      contextId: limited.headers.get('inin-correlation-id'),
      details: [],
      errors: [],
    });
    // Another token has its own bucket.
    expect((await h.api('GET', '/api/v2/routing/skills', undefined, 'secret-b')).status).toBe(200);
    const metrics = await h.admin.metrics();
    expect(metrics.routes['GET /api/v2/routing/skills']).toMatchObject({ requests: 5, status429: 1 });
    expect(
      Object.values(metrics.tokens)
        .map((t) => t.status429)
        .sort(),
    ).toEqual([0, 1]);
    expect(JSON.stringify(metrics)).not.toContain('secret-a');
  });

  it('applies a per-route budget on top of the token budget', async () => {
    expect((await h.api('POST', '/api/v2/routing/skills', { name: 'One' }, 'secret-c')).status).toBe(200);
    expect((await h.api('POST', '/api/v2/routing/skills', { name: 'Two' }, 'secret-c')).status).toBe(429);
    expect((await h.api('GET', '/api/v2/routing/skills', undefined, 'secret-c')).status).toBe(200);
  });
});

describe('fault injection', () => {
  const h = useEmulator();

  it('serves a burst of 429s with Retry-After, then recovers', async () => {
    await h.admin.setFaults([
      { route: '/api/v2/routing/wrapupcodes', status: 429, retryAfterSeconds: 2, times: 2 },
    ]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.api('GET', '/api/v2/routing/wrapupcodes')).status);
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('injects 5xx by method and route pattern, with Genesys bodies', async () => {
    await h.admin.setFaults([
      { method: 'POST', route: '/api/v2/routing/queues', status: 503, retryAfterSeconds: 1 },
    ]);
    const failed = await h.api('POST', '/api/v2/routing/queues', { name: 'X' });
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(failed.body).toMatchObject({ status: 503, code: 'service.unavailable' });
    expect((await h.api('GET', '/api/v2/routing/queues')).status).toBe(200);
  });

  it('drops connections without an answer', async () => {
    await h.admin.setFaults([{ route: '/api/v2/routing/skills', drop: true, times: 1 }]);
    await expect(call(h.base, 'GET', '/api/v2/routing/skills', undefined, 't')).rejects.toThrow();
    expect((await h.api('GET', '/api/v2/routing/skills')).status).toBe(200);
  });

  it('adds latency', async () => {
    await h.admin.setFaults([{ route: '/api/v2/organizations/me', latencyMs: 300 }]);
    const started = performance.now();
    expect((await h.api('GET', '/api/v2/organizations/me')).status).toBe(200);
    // Lower bound only: the fault must have delayed the answer (an upper bound would be a timing assertion).
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('is deterministic under a seed: the same seed hits the same requests', async () => {
    const pattern = async (seed: string) => {
      await h.admin.setFaults(
        [{ route: '/api/v2/authorization/products', status: 500, probability: 0.5 }],
        seed,
      );
      const statuses = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await h.api('GET', '/api/v2/authorization/products')).status);
      return statuses.join(',');
    };
    const first = await pattern('seed-1');
    expect(await pattern('seed-1')).toBe(first);
    expect(first).toContain('500');
    expect(first).toContain('200');
    await h.admin.setFaults([]);
  });
});
