// The parallelism the scheduler gives an environment, on synthetic operations whose figures are easy to follow:
// 100 operations of 5 calls each, under a 600-a-minute client budget (10 calls/s, so a floor of 50 s).
import { describe, expect, it } from 'vitest';
import type { RateBudget } from '@cxops/governor';
import { chooseParallelism } from '../src/choose.ts';
import type { CostModel } from '../src/model.ts';
import type { Operation } from '../src/predict.ts';

const model: CostModel = {
  provider: 'test',
  measuredAt: 'never',
  overhead: { perProcess: 0, tokenCallsPerToken: 0 },
  sharedTokenTypes: [],
  types: {},
};

const budget: RateBudget = {
  perToken: { limit: 300, windowSeconds: 60 },
  maxTokens: 50,
  families: [{ name: 'client', pattern: '^/api/v2/', limit: 600, windowSeconds: 60 }],
};

/** 100 operations that each take `seconds` alone (the provider's sleeps) and make 5 calls. */
const operations = (seconds: number): Operation[] =>
  Array.from({ length: 100 }, (_, i) => ({
    address: `genesyscloud_routing_queue.q[${i}]`,
    type: 'genesyscloud_routing_queue',
    action: 'create',
    calls: 5,
    seconds,
    families: {},
    measured: true,
  }));

describe('chooseParallelism', () => {
  it('stops where the budget stays busy through the sleeps, with two slots to spare', () => {
    // 100 s of work: from 6 at once, work ÷ 6 ≈ 16.7 s ≤ a third of the 50 s floor.
    const choice = chooseParallelism(operations(1), model, budget, 20);
    expect(choice.parallelism).toBe(8);
    expect(choice.tokens).toBe(8);
    expect(choice.prediction.floorSeconds).toBe(50);
    expect(choice.reason).toContain('rate-bound from 6');
  });

  it('keeps spare slots past the point where the model first reaches the floor', () => {
    // 300 s of work: the model reaches the 50 s floor at 6 at once, but the headroom only at 18, past the cap.
    const choice = chooseParallelism(operations(3), model, budget, 10);
    expect(choice.parallelism).toBe(8);
    expect(choice.reason).toContain('fastest from 6');
  });

  it('never goes past its share of the run’s tokens, and says so', () => {
    const choice = chooseParallelism(operations(20), model, budget, 5);
    expect(choice.parallelism).toBe(5);
    expect(choice.reason).toContain("its share of the run's tokens (5)");
  });
});
