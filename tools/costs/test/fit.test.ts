import { describe, expect, it } from 'vitest';
import { featureValues } from '../src/features.ts';
import { fit } from '../src/fit.ts';

describe('fitting calls to features', () => {
  it('finds a base and a per-feature weight that explain the samples exactly', () => {
    const samples = [0, 1, 2, 3, 5].map((n) => ({
      calls: 13 + n,
      features: { 'ringed members': n, members: 7 },
    }));
    expect(fit(samples, ['ringed members', 'members'])).toEqual({
      base: 13,
      per: { 'ringed members': 1 },
      rmse: 0,
    });
  });

  it('never gives a feature a negative weight', () => {
    const samples = [
      { calls: 10, features: { x: 0 } },
      { calls: 8, features: { x: 1 } },
      { calls: 6, features: { x: 2 } },
    ];
    const result = fit(samples, ['x']);
    expect(result.per).toEqual({});
    expect(result.base).toBe(8);
  });

  it('reads a queue change’s members, ring numbers and changed sets', () => {
    const change = {
      before: { members: [{ user_id: 'a', ring_num: 1 }], wrapup_codes: ['x'] },
      after: {
        members: [
          { user_id: 'a', ring_num: 1 },
          { user_id: 'b', ring_num: 2 },
        ],
        wrapup_codes: ['x'],
      },
    };
    expect(featureValues('genesyscloud_routing_queue', change)).toEqual({
      'ringed members': 1,
      members: 2,
      'members changed': 1,
      'wrap-up codes changed': 0,
    });
    expect(featureValues('genesyscloud_routing_skill', change)).toEqual({});
  });
});
