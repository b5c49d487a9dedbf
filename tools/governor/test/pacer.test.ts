import { describe, expect, it } from 'vitest';
import { Pacer, takeTurn } from '../src/pacer.ts';

async function sendTimes(requests: Pacer[][]): Promise<number[]> {
  const started = Date.now();
  return Promise.all(
    requests.map(async (pacers) => {
      await takeTurn(pacers);
      return Date.now() - started;
    }),
  );
}

describe('taking a turn in several budgets at once', () => {
  it('spaces the turns of each budget by its gap, so no window holds more than its limit', async () => {
    const family = new Pacer('family', 4, 1);
    const times = await sendTimes(Array.from({ length: 6 }, () => [family]));
    // The i-th request leaves i gaps after the first asked, or later — never sooner. (Later when the event loop
    // is busy: then two sends can be closer than a gap, which is what the margin in the gap is for. Date.now()
    // is whole milliseconds: 1 ms of rounding.)
    times.forEach((time, i) => expect(time).toBeGreaterThanOrEqual(i * family.gapMs - 1));
    // (1 s + margin) / 3 between requests: 4 in any second and a quarter, never 5.
    expect(family.gapMs).toBeCloseTo(1250 / 3, 0);
  });

  it('does not hold a request behind one that waits for another, busier budget', async () => {
    const busy = new Pacer('token', 1, 2);
    const shared = new Pacer('family', 100, 1);
    await takeTurn([busy, shared]);
    const [slow, fast] = await sendTimes([[busy, shared], [shared]]);
    // The second request needs only the free family: it goes at once, not after the busy token's turn.
    expect(fast!).toBeLessThan(100);
    expect(slow!).toBeGreaterThan(1900);
  });

  it('holds every budget of a paused pacer for Retry-After, and an unknown limit paces nothing', async () => {
    const paused = new Pacer('token', 100, 60);
    paused.pause(1);
    const unknown = new Pacer('family', null, 60);
    const [late, free] = await sendTimes([[paused, unknown], [unknown]]);
    expect(late!).toBeGreaterThanOrEqual(990);
    expect(free!).toBeLessThan(50);
  });
});
