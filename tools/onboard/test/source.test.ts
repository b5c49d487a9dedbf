import { describe, expect, it } from 'vitest';
import { openSource } from '../src/source.ts';

describe('where onboarding reads from', () => {
  it('reads a live org with the variables the provider reads, in the region it names', async () => {
    const source = await openSource({
      org: 'live',
      env: { GENESYSCLOUD_ACCESS_TOKEN: 'not-a-real-token', GENESYSCLOUD_REGION: 'eu-west-1' },
    });
    expect(source.description).toBe('eu-west-1 (api.mypurecloud.ie)');
    expect(source.description).not.toContain('not-a-real-token');
  });

  it('says which variables are missing, and which regions exist', async () => {
    await expect(openSource({ org: 'live', env: {} })).rejects.toThrow(
      /no credentials: neither GENESYSCLOUD_ACCESS_TOKEN nor GENESYSCLOUD_OAUTHCLIENT_ID/,
    );
    await expect(
      openSource({ org: 'live', env: { GENESYSCLOUD_ACCESS_TOKEN: 't', GENESYSCLOUD_REGION: 'mars-1' } }),
    ).rejects.toThrow(/unknown region 'mars-1'/);
  });
});
