import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { silentProgress } from '../src/index.ts';

describe('progress heartbeats', () => {
  it('come from the innermost running step only, once per wait', async () => {
    const lines: string[] = [];
    const progress = silentProgress(lines);
    await progress.step(
      'toolchain',
      () => progress.step('build tofu', () => sleep(130), { heartbeatMs: 50 }),
      { heartbeatMs: 50 },
    );
    const beats = lines.filter((l) => l.includes('still working'));
    expect(beats.length).toBeGreaterThan(0);
    expect(beats.every((l) => l.startsWith('  … build tofu:'))).toBe(true);
  });

  it('come from every step running side by side', async () => {
    const lines: string[] = [];
    const progress = silentProgress(lines);
    await Promise.all(
      ['sales', 'support'].map((name) => progress.step(name, () => sleep(130), { heartbeatMs: 50 })),
    );
    const beats = lines.filter((l) => l.includes('still working'));
    expect(beats.some((l) => l.startsWith('  … sales:'))).toBe(true);
    expect(beats.some((l) => l.startsWith('  … support:'))).toBe(true);
  });
});
