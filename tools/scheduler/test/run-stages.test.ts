// runStages with a runner that records what it is asked to do: which plans are applied, in which order, and
// what a failed org root does to the departments. No engine: the plans are JSON written here.
import { describe, expect, it } from 'vitest';
import { defaultBudget } from '@cxops/governor';
import type { PlanJson, ResourceChange } from '@cxops/plan';
import { runStages, stagesOf, type StageRunner } from '../src/index.ts';

const queue = (name: string, change: ResourceChange['change']): ResourceChange => ({
  address: `genesyscloud_routing_queue.this["${name}"]`,
  mode: 'managed',
  type: 'genesyscloud_routing_queue',
  name: 'this',
  index: name,
  change,
});

const plans: Record<string, PlanJson> = {
  org: {
    format_version: '1.2',
    resource_changes: [queue('Org', { actions: ['create'], before: null, after: {} })],
  },
  // Onboarding's first plan: imports only, which change nothing but must still be applied.
  sales: {
    format_version: '1.2',
    resource_changes: [
      queue('Sales', { actions: ['no-op'], before: {}, after: {}, importing: { id: 'q-1' } }),
    ],
  },
  billing: {
    format_version: '1.2',
    resource_changes: [queue('Billing', { actions: ['no-op'], before: {}, after: {} })],
  },
};

function recordingRunner(failing: string[] = []): StageRunner & { applied: string[] } {
  const applied: string[] = [];
  return {
    applied,
    plan: async () => {},
    planJson: async (environment) => plans[environment]!,
    apply: async (environment) => {
      if (failing.includes(environment)) throw new Error(`${environment} broke`);
      applied.push(environment);
      return 'Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed.';
    },
  };
}

const context = { budget: defaultBudget(), port: 1, plan: false, say: () => {} };

describe('runStages', () => {
  it('applies org first, applies an import-only plan, and leaves a plan without changes alone', async () => {
    const runner = recordingRunner();
    const outcomes = await runStages(stagesOf(['sales', 'billing', 'org']), runner, context);
    expect(runner.applied).toEqual(['org', 'sales']);
    expect(outcomes.map((o) => `${o.environment} ${o.status}`)).toEqual([
      'org applied',
      'billing unchanged',
      'sales applied',
    ]);
    expect(outcomes.find((o) => o.environment === 'sales')!.predicted!.calls).toBeGreaterThan(0);
  });

  it('skips the departments when the org root fails: they read its objects', async () => {
    const runner = recordingRunner(['org']);
    const outcomes = await runStages(stagesOf(['org', 'sales']), runner, context);
    expect(runner.applied).toEqual([]);
    expect(outcomes.map((o) => `${o.environment} ${o.status}`)).toEqual(['org failed', 'sales skipped']);
  });

  it('applies a department as soon as its plan is ready, while another is still planning', async () => {
    const events: string[] = [];
    let billingApplied: () => void = () => {};
    const applied = new Promise<void>((resolve) => (billingApplied = resolve));
    const runner: StageRunner = {
      plan: async (environment) => {
        events.push(`${environment} plan`);
        // sales's plan ends when billing has been applied, or after 2 s if the stage waited for every plan.
        if (environment === 'sales')
          await Promise.race([applied, new Promise((resolve) => setTimeout(resolve, 2000))]);
        events.push(`${environment} planned`);
      },
      planJson: async () => plans.org!,
      apply: async (environment) => {
        events.push(`${environment} applied`);
        if (environment === 'billing') billingApplied();
      },
    };
    const outcomes = await runStages([['billing', 'sales']], runner, { ...context, plan: true });
    expect(events.indexOf('billing applied')).toBeLessThan(events.indexOf('sales planned'));
    expect(outcomes.map((o) => `${o.environment} ${o.status}`)).toEqual(['billing applied', 'sales applied']);
  });
});
