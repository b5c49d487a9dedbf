import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CxError } from '@cxops/core';
import { defaultBudget, loadBudget, regionUpstream, upstreamOf } from '../src/index.ts';

async function budgetFile(content: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'cxops-budget-')), 'cxops.rate-budget.json');
  await writeFile(file, content);
  return file;
}

describe('the rate budget', () => {
  it('defaults to Genesys’ published limits with the org-wide families unknown', () => {
    const budget = defaultBudget();
    expect(budget.perToken).toEqual({ limit: 300, windowSeconds: 60 });
    expect(budget.families.map((f) => f.name)).toEqual([
      'client',
      'queue-members',
      'queues',
      'agents',
      'conversations',
    ]);
    expect(budget.families.find((f) => f.name === 'queue-members')?.limit).toBeNull();
  });

  it('lays a workspace file over the defaults', async () => {
    const file = await budgetFile(JSON.stringify({ perToken: { limit: 120 }, maxTokens: 20 }));
    const budget = loadBudget(file);
    expect(budget.perToken).toEqual({ limit: 120, windowSeconds: 60 });
    expect(budget.maxTokens).toBe(20);
    expect(budget.families).toEqual(defaultBudget().families);
  });

  it('names the file and the field of a bad value, and how to fix it', async () => {
    const file = await budgetFile(JSON.stringify({ perToken: { limit: -1 } }));
    expect(() => loadBudget(file)).toThrow(CxError);
    expect(() => loadBudget(file)).toThrow(/perToken.limit must be a number above 0, got -1/);
    const pattern = await budgetFile(JSON.stringify({ families: [{ name: 'x', pattern: '(' }] }));
    expect(() => loadBudget(pattern)).toThrow(/families\[0\].pattern is not a regular expression/);
    const broken = await budgetFile('{ nope');
    expect(() => loadBudget(broken)).toThrow(/not valid JSON/);
  });
});

describe('where the governor sends calls', () => {
  it('sends API calls to api.<domain> and the token call to login.<domain>', () => {
    expect(regionUpstream('eu-west-1')).toEqual({
      api: 'https://api.mypurecloud.ie',
      login: 'https://login.mypurecloud.ie',
    });
    expect(() => regionUpstream('mars-1')).toThrow(/not a Genesys Cloud region/);
  });

  it('follows a gateway whose address comes from the environment (the embedded default)', () => {
    expect(
      upstreamOf({
        TF_VAR_gateway: '{}',
        GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
        GENESYSCLOUD_GATEWAY_HOST: '127.0.0.1',
        GENESYSCLOUD_GATEWAY_PORT: '8089',
      }),
    ).toEqual({ api: 'http://127.0.0.1:8089', login: 'http://127.0.0.1:8089' });
    expect(upstreamOf({ GENESYSCLOUD_REGION: 'us-east-1' }).login).toBe('https://login.mypurecloud.com');
  });
});
