// The rate-aware apply with the real provider against emulated orgs: two departments applied side by side under
// one governor never exceed the org's budget (the emulator's own counters say so); the predicted calls of
// every department are within 20 % of what its apply made; and a governed apply under seeded 5xx and 429
// bursts converges with nothing created twice and no 429 reaching the provider. Takes a few minutes (the
// budget is low on purpose, and the provider sleeps after queue and role changes).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loopbackGatewayEnv } from '@cxops/core';
import { applyCost, costModel } from '@cxops/costs';
import type { FaultRule, RateLimitOptions } from '@cxops/emulator';
import { defaultBudget, singleUpstream, startGovernor, type RateBudget } from '@cxops/governor';
import { changeKind, effectiveChanges } from '@cxops/plan';
import { resolveEngine } from '@cxops/terraform';
import { providerEnv, ScratchRoot } from '@cxops/test-support/emulated-runs';
import { requireToolchainBinary } from '@cxops/test-support/paths';
import {
  namesCreatedTwice,
  scratchWorkspace,
  startEmulatedOrg,
  type EmulatedOrg,
} from '@cxops/test-support/provider-harness';
import { runStages, stagesOf, type StageRunner } from '../src/index.ts';

const orgs: EmulatedOrg[] = [];
afterAll(async () => {
  await Promise.all(orgs.map((org) => org.stop()));
});

async function emulatedOrg(rateLimits: RateLimitOptions = { perToken: 1_000_000 }): Promise<EmulatedOrg> {
  const org = await startEmulatedOrg({ rateLimits: { tokenEndpoint: 100_000, ...rateLimits } });
  orgs.push(org);
  return org;
}

/** The repository's environments in a scratch workspace, initialised against `org`. */
async function environments(org: EmulatedOrg, names: string[]): Promise<Map<string, ScratchRoot>> {
  requireToolchainBinary('tofu');
  const engine = await resolveEngine();
  const workspace = await scratchWorkspace();
  const roots = new Map<string, ScratchRoot>();
  for (const name of names) {
    const root = new ScratchRoot(
      engine,
      path.join(workspace, 'environments', name),
      providerEnv(org.port, 2),
    );
    await root.init();
    roots.set(name, root);
  }
  return roots;
}

/** Runs the roots with plain tofu, and notes when each apply began and ended. */
function runnerFor(
  roots: Map<string, ScratchRoot>,
): StageRunner & { applying: Map<string, [number, number]> } {
  const applying = new Map<string, [number, number]>();
  return {
    applying,
    plan: async (name, overrides) => {
      await roots.get(name)!.plan(overrides);
    },
    planJson: async (name) => roots.get(name)!.lastPlan!,
    apply: async (name, overrides) => {
      const began = Date.now();
      const applied = await roots.get(name)!.apply(overrides);
      applying.set(name, [began, Date.now()]);
      if (applied.exitCode !== 0) throw new Error(`${name}: ${applied.errors.join(' | ')}`);
      return applied.stdout;
    },
  };
}

async function replanned(root: ScratchRoot): Promise<string[]> {
  const plan = await root.plan();
  return effectiveChanges(plan).map((rc) => `${changeKind(rc.change)} ${rc.address}`);
}

describe('two departments applied at once under one budget', () => {
  it('never exceed it: the emulator refuses nothing, and no window holds more than its limit', async () => {
    // A small budget, in 10 s windows so the test takes minutes: 10 requests per token, 40 for the whole
    // OAuth client, and 12 on the queue-member routes for the org.
    const limits = { perToken: 10, client: 40, queueMembers: 12, windowSeconds: 10 };
    const org = await emulatedOrg({
      perToken: limits.perToken,
      windowSeconds: limits.windowSeconds,
      families: [
        { name: 'client', pattern: '^/api/v2/', limit: limits.client },
        {
          name: 'queue-members',
          pattern: '^/api/v2/routing/queues/[^/]+/members',
          limit: limits.queueMembers,
        },
      ],
    });
    const budget: RateBudget = {
      perToken: { limit: limits.perToken, windowSeconds: limits.windowSeconds },
      maxTokens: 20,
      families: defaultBudget().families.map((f) => ({
        ...f,
        windowSeconds: limits.windowSeconds,
        limit: f.name === 'client' ? limits.client : f.name === 'queue-members' ? limits.queueMembers : null,
      })),
    };
    const roots = await environments(org, ['org', 'sales', 'billing']);
    const governor = await startGovernor({ upstream: singleUpstream(org.url), budget });
    const runner = runnerFor(roots);
    try {
      const outcomes = await runStages(stagesOf(['sales', 'billing', 'org']), runner, {
        budget,
        port: governor.port,
        plan: true,
        say: () => {},
      });
      // A failure's error is part of the compared text, so a report shows why.
      expect(outcomes.map((o) => `${o.environment} ${o.status}${o.error ? `: ${o.error}` : ''}`)).toEqual([
        'org applied',
        'billing applied',
        'sales applied',
      ]);
      // The two departments' applies ran at the same time (billing's began first: its plan was made first).
      const [billing, sales] = [runner.applying.get('billing')!, runner.applying.get('sales')!];
      expect(sales[0]).toBeLessThan(billing[1]);
      expect(billing[0]).toBeLessThan(sales[1]);
    } finally {
      await governor.close();
    }
    const usage = org.emulator.context.limits.usage();
    expect(org.emulator.context.metrics.snapshot().total.status429).toBe(0);
    expect(usage.perToken).toMatchObject({ rejected: 0 });
    expect(usage.perToken.peak).toBeLessThanOrEqual(limits.perToken);
    const family = (name: string) => usage.families.find((f) => f.name === name)!;
    expect(family('client')).toMatchObject({ rejected: 0 });
    expect(family('client').peak).toBeLessThanOrEqual(limits.client);
    // The budget was the bottleneck: windows were filled to (nearly) the limit.
    expect(family('client').peak).toBeGreaterThanOrEqual(limits.client - 2);
    expect(family('queue-members')).toMatchObject({ rejected: 0 });
    expect(family('queue-members').peak).toBeLessThanOrEqual(limits.queueMembers);
    expect(family('queue-members').requests).toBeGreaterThan(limits.queueMembers);
    expect(governor.stats()).toMatchObject({ passed429: 0, absorbed429: 0 });
    for (const name of ['sales', 'billing']) expect(await replanned(roots.get(name)!)).toEqual([]);
  }, 900_000);
});

describe('the predicted calls of a plan (what cxops plan prints)', () => {
  it('are within 20 % of the calls its apply makes, for the org root and every department', async () => {
    const org = await emulatedOrg();
    const names = ['org', 'sales', 'support', 'billing'];
    const roots = await environments(org, names);
    const figures: Record<
      string,
      { predicted: number; measured: number; expectedSeconds: number; seconds: number }
    > = {};
    for (const name of names) {
      const root = roots.get(name)!;
      const cost = applyCost(await root.plan(), { model: costModel() });
      const before = org.emulator.context.metrics.snapshot().total.requests;
      const started = performance.now();
      const applied = await root.apply(
        { GENESYSCLOUD_TOKEN_POOL_SIZE: String(cost.tokens) },
        cost.parallelism,
      );
      expect(applied.exitCode, applied.errors.join('\n')).toBe(0);
      const measured = org.emulator.context.metrics.snapshot().total.requests - before;
      figures[name] = {
        predicted: cost.prediction.calls,
        measured,
        expectedSeconds: cost.prediction.expectedSeconds,
        seconds: Math.round((performance.now() - started) / 100) / 10,
      };
      expect(cost.prediction.expectedSeconds).toBeGreaterThan(0);
    }
    // The figures the issue asks for, in the test log: calls predicted and made, time expected and taken.
    console.log(
      Object.entries(figures)
        .map(
          ([name, f]) =>
            `${name}: ${f.predicted} calls predicted, ${f.measured} made; ${f.expectedSeconds} s expected, ${f.seconds} s taken`,
        )
        .join('\n'),
    );
    for (const [name, { predicted, measured }] of Object.entries(figures))
      expect(
        Math.abs(predicted - measured) / measured,
        `${name}: ${predicted} predicted, ${measured} made`,
      ).toBeLessThanOrEqual(0.2);
  }, 900_000);
});

describe('a governed apply under seeded 5xx and 429 bursts', () => {
  it('converges, creates nothing twice, and no 429 reaches the provider', async () => {
    const org = await emulatedOrg();
    const roots = await environments(org, ['org', 'sales']);
    const orgRoot = roots.get('org')!;
    await orgRoot.plan();
    expect((await orgRoot.apply()).exitCode).toBe(0);
    const faults: FaultRule[] = [
      // Bursts of rate limiting on every route, as when another job shares the OAuth client.
      { route: '/api/v2/', status: 429, retryAfterSeconds: 1, times: 8 },
      { route: '/api/v2/routing/queues', status: 429, retryAfterSeconds: 2, times: 6 },
      // The routing and user services failing now and then: creates, reads and membership calls.
      { route: '/api/v2/routing/queues', status: 503, probability: 0.15 },
      { route: '/api/v2/routing/wrapupcodes', status: 502, probability: 0.15 },
      { route: '/api/v2/users', method: 'GET', status: 500, probability: 0.1 },
      { route: '/api/v2/authorization/subjects', status: 504, probability: 0.1 },
    ];
    org.emulator.context.faults.set(faults, 'governed-apply');
    const governor = await startGovernor({ upstream: singleUpstream(org.url), budget: defaultBudget() });
    const sales = roots.get('sales')!;
    const governed = { ...loopbackGatewayEnv(governor.port), GENESYSCLOUD_TOKEN_POOL_SIZE: '10' };
    try {
      await sales.plan(governed);
      let applied = await sales.apply(governed, 20);
      if (applied.exitCode !== 0) {
        // A fault the provider does not retry may fail the first apply with the API's error; the next plan and
        // apply must converge from what state recorded.
        await sales.plan(governed);
        applied = await sales.apply(governed, 20);
      }
      expect(applied.exitCode, applied.errors.join('\n')).toBe(0);
    } finally {
      await governor.close();
    }
    const hits = org.emulator.context.faults.list();
    org.emulator.context.faults.set([]);
    expect(hits.slice(0, 2).map((rule) => rule.hits)).toEqual([8, 6]);
    expect(hits.slice(2).reduce((sum, rule) => sum + rule.hits, 0)).toBeGreaterThan(5);
    // Every injected 429 was held and sent again by the governor; none reached the provider.
    expect(governor.stats()).toMatchObject({ absorbed429: 14, passed429: 0 });

    expect(await replanned(sales)).toEqual([]);
    expect(namesCreatedTwice(org), 'objects created twice').toEqual({});
  }, 900_000);
});
