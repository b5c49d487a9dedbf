import { describe, expect, it } from 'vitest';
import { defaultBudget } from '@cxops/governor';
import { shareBudget, StageShares, stagesOf } from '../src/index.ts';

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
  it('hands out tokens as plans become ready: unplanned environments count at the mean of the planned ones', () => {
    const shares = new StageShares(3, 50);
    const sales = shares.allot('sales', 280);
    expect(sales.fraction).toBeCloseTo(1 / 3);
    expect(shares.take(sales.tokens)).toBe(16);
    const support = shares.allot('support', 700);
    expect(support.fraction).toBeCloseTo(700 / 1470);
    expect(shares.take(support.tokens)).toBe(23);
    const billing = shares.allot('billing', 20);
    expect(billing.fraction).toBeCloseTo(20 / 1000);
    expect(shares.take(billing.tokens)).toBe(1);
  });

  it('keeps a token for every environment still to be allotted, and takes back what a run releases', () => {
    const shares = new StageShares(3, 10);
    expect(shares.take(20)).toBe(7);
    const first = shares.allot('sales', 900);
    expect(first.tokens).toBe(1);
    shares.drop();
    shares.release(7);
    const last = shares.allot('support', 100);
    expect(last.fraction).toBeCloseTo(0.1);
    expect(last.tokens).toBe(1);
    expect(shares.take(30)).toBe(10);
  });

  it('gives each its fraction of the organization-wide limits and leaves unknown ones unknown', () => {
    const shared = shareBudget(defaultBudget(), 0.25);
    expect(shared.families.find((f) => f.name === 'client')?.limit).toBe(750);
    expect(shared.families.find((f) => f.name === 'queues')?.limit).toBeNull();
    expect(shared.perToken).toEqual(defaultBudget().perToken);
  });
});
