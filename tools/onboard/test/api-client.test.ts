import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, listen, type Emulator } from '@cxops/emulator';
import { fingerprint, PlatformClient, routeOf } from '../src/api-client.ts';

let emulator: Emulator;
let url: string;

beforeAll(async () => {
  // Two requests a second per token: the client must wait out the 429s, as it does against Genesys Cloud.
  emulator = createEmulator({ rateLimits: { perToken: 2, windowSeconds: 1 } });
  url = await listen(emulator);
});
afterAll(async () => {
  await emulator.app.close();
});

describe('the Platform API client', () => {
  it('logs in with client credentials, reads every page, and waits out 429s (Retry-After)', async () => {
    for (let i = 0; i < 5; i++)
      emulator.context.store.state.skills[`s${i}`] = {
        id: `s${i}`,
        name: `Skill ${i}`,
        state: 'active',
        version: '1',
        dateModified: '',
        selfUri: '',
      };
    const client = new PlatformClient({
      baseUrl: url,
      credentials: { kind: 'client', clientId: 'c', clientSecret: 's', tokenUrl: `${url}/oauth/token` },
    });
    const [skills] = await Promise.all([
      client.all<{ name: string }>('/api/v2/routing/skills', {}, 2),
      client.all<{ name: string }>('/api/v2/routing/languages'),
    ]);
    expect(client.calls.get('POST /oauth/token'), 'one login for requests started together').toBe(1);
    expect(skills.map((s) => s.name)).toEqual(['Skill 0', 'Skill 1', 'Skill 2', 'Skill 3', 'Skill 4']);
    expect(client.rateLimited).toBeGreaterThan(0);
    const listings =
      client.calls.get('GET /api/v2/routing/skills')! + client.calls.get('GET /api/v2/routing/languages')!;
    expect(listings).toBe(4 + client.rateLimited);
    expect(client.tokenFingerprint).toMatch(/^sha256:[0-9a-f]{12}$/);
  }, 20_000);

  it('fails naming the route, the status and what the API said', async () => {
    const client = new PlatformClient({
      baseUrl: url,
      credentials: { kind: 'token', token: 't' },
      maxRetries: 0,
    });
    await expect(client.get('/api/v2/routing/queues/nope')).rejects.toThrow(
      /GET \/api\/v2\/routing\/queues\/nope answered 404: Queue nope was not found/,
    );
  });

  it('counts calls per route with ids folded, and names tokens by fingerprint only', () => {
    expect(
      routeOf(
        'GET',
        'http://x/api/v2/routing/queues/0f8fad5b-d9cb-469f-a165-70867728950e/members?pageSize=1',
      ),
    ).toBe('GET /api/v2/routing/queues/{id}/members');
    expect(fingerprint('secret-token')).not.toContain('secret');
  });
});
