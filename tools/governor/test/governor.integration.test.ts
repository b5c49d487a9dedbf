// The governor as a proxy between real HTTP servers (an emulated org), waiting out real rate windows of a few
// seconds: an integration test by its clock (about 16 s), though it needs no toolchain.
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, listen, type Emulator, type RateLimitOptions } from '@cxops/emulator';
import {
  defaultBudget,
  singleUpstream,
  startGovernor,
  type Governor,
  type RateBudget,
} from '../src/index.ts';

const running: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function org(rateLimits: RateLimitOptions): Promise<{ emulator: Emulator; url: string }> {
  const emulator = createEmulator({ rateLimits });
  const url = await listen(emulator);
  running.push({ close: () => emulator.app.close() });
  return { emulator, url };
}

async function governor(url: string, budget: Partial<RateBudget>, notes: string[] = []): Promise<Governor> {
  const started = await startGovernor({
    upstream: singleUpstream(url),
    budget: { ...defaultBudget(), ...budget },
    onNote: (n) => notes.push(n),
  });
  running.push(started);
  return started;
}

const call = (base: string, path: string, token: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });

describe('the governor in front of the emulated org', () => {
  it('queues a burst instead of letting it fail: no 429 reaches the caller or is even sent', async () => {
    const { emulator, url } = await org({ perToken: 5, windowSeconds: 2 });
    const gov = await governor(url, { perToken: { limit: 5, windowSeconds: 2 } });
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => call(gov.url, '/api/v2/routing/skills', 'secret-token-a')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(emulator.context.metrics.snapshot().total.status429).toBe(0);
    expect(emulator.context.limits.usage().perToken.peak).toBeLessThanOrEqual(5);
    // 12 requests at 5 per 2 s, evenly spaced, take a little over 4 s.
    expect(Date.now() - started).toBeGreaterThan(4000);
    expect(gov.stats()).toMatchObject({ requests: 12, passed429: 0, absorbed429: 0 });
  });

  it('gives each token its own budget', async () => {
    const { emulator, url } = await org({ perToken: 3, windowSeconds: 2 });
    const gov = await governor(url, { perToken: { limit: 3, windowSeconds: 2 } });
    const started = Date.now();
    await Promise.all(
      ['one', 'two', 'three'].flatMap((token) =>
        Array.from({ length: 3 }, () => call(gov.url, '/api/v2/routing/skills', token)),
      ),
    );
    // Three tokens, three requests each: about one window, not three.
    expect(Date.now() - started).toBeLessThan(3500);
    expect(emulator.context.metrics.snapshot().total.status429).toBe(0);
    expect(gov.stats().tokens).toBe(3);
  });

  it('holds a burst of 429s and sends the requests again, so the caller sees only answers', async () => {
    const { emulator, url } = await org({ perToken: 1000 });
    emulator.context.faults.set([{ route: '/api/v2/', status: 429, retryAfterSeconds: 1, times: 3 }]);
    const gov = await governor(url, {});
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => call(gov.url, '/api/v2/routing/skills', 'token-b')),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(gov.stats()).toMatchObject({ absorbed429: 3, passed429: 0 });
  });

  it('hands a 429 over when its Retry-After is longer than the caller would wait', async () => {
    const { emulator, url } = await org({ perToken: 1000 });
    emulator.context.faults.set([{ route: '/api/v2/', status: 429, retryAfterSeconds: 30, times: 1 }]);
    const gov = await governor(url, {});
    const answer = await call(gov.url, '/api/v2/routing/skills', 'token-c');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(gov.stats().passed429).toBe(1);
  });

  it('learns an organization-wide family limit from its first 429, then keeps under it', async () => {
    const { emulator, url } = await org({
      perToken: 1000,
      windowSeconds: 2,
      families: [{ name: 'queues', pattern: '^/api/v2/routing/queues', limit: 4 }],
    });
    const notes: string[] = [];
    const families = defaultBudget().families.map((f) => ({ ...f, windowSeconds: 2 }));
    const gov = await governor(url, { families }, notes);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => call(gov.url, '/api/v2/routing/queues', `token-${i}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(gov.stats().passed429).toBe(0);
    expect(notes.some((n) => n.startsWith('learned: family queues'))).toBe(true);
    const family = gov.stats().budgets.find((b) => b.name === 'family queues')!;
    expect(family.limit).toBeLessThanOrEqual(4);
    // Only the first burst, sent before the limit was known, was refused; after it the governor kept under it.
    expect(emulator.context.limits.usage().families[0]!.rejected).toBeLessThanOrEqual(6);
  });

  it('passes bodies and the OAuth token call through unchanged and never names a token', async () => {
    const { url } = await org({ perToken: 1000 });
    const notes: string[] = [];
    const gov = await governor(url, {}, notes);
    const login = await fetch(`${gov.url}/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('client:secret').toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const created = await call(gov.url, '/api/v2/routing/skills', token, {
      method: 'POST',
      body: JSON.stringify({ name: 'Governed – ünïcode' }),
    });
    const viaGovernor = await created.text();
    const { id } = JSON.parse(viaGovernor) as { id: string };
    const direct = await (await call(url, `/api/v2/routing/skills/${id}`, token)).text();
    const governed = await (await call(gov.url, `/api/v2/routing/skills/${id}`, token)).text();
    expect(governed).toBe(direct);
    expect(JSON.parse(governed)).toMatchObject({ name: 'Governed – ünïcode' });
    expect(JSON.stringify(gov.stats())).not.toContain(token);
    expect(notes.join('\n')).not.toContain(token);
  });
});
