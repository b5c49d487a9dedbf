import { describe, expect, it } from 'vitest';
import { defaultBudget } from '@cxops/governor';
import { shareBudget, shareTokens, stagesOf } from '../src/index.ts';

describe('the order of a multi-environment apply', () => {
  it('runs the org root alone and first, then every department side by side', () => {
    expect(stagesOf(['support', 'org', 'billing', 'sales'])).toEqual([
      ['org'],
      ['billing', 'sales', 'support'],
    ]);
  });

  it('has no org stage when org is not applied, and names an environment once', () => {
    expect(stagesOf(['sales', 'sales'])).toEqual([['sales']]);
    expect(stagesOf(['org'])).toEqual([['org']]);
  });
});

describe('sharing the budget between departments applied side by side', () => {
  it('splits the tokens in proportion to predicted calls, at least one each, never more than the budget', () => {
    const shares = shareTokens({ sales: 280, support: 700, billing: 20 }, 50);
    expect(shares).toEqual({ sales: 14, support: 35, billing: 1 });
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(50);
  });

  it('gives each its fraction of the organization-wide limits and leaves unknown ones unknown', () => {
    const shared = shareBudget(defaultBudget(), 0.25);
    expect(shared.families.find((f) => f.name === 'client')?.limit).toBe(750);
    expect(shared.families.find((f) => f.name === 'queues')?.limit).toBeNull();
    expect(shared.perToken).toEqual(defaultBudget().perToken);
  });
});
