// What a plan will cost before it is applied: the calls of every planned operation (the measured model), the
// rate floor — the least time the budget allows those calls — and the expected time at a parallelism, which
// also counts what the provider does besides calling the API (its fixed sleeps, measured with the calls).
import type { RateBudget } from '@cxops/governor';
import type { PlanJson, ResourceChange } from '@cxops/plan';
import { featureValues } from './features.ts';
import { costModel, type ActionCost, type CostModel } from './model.ts';

/** Calls an operation the model never measured is assumed to cost (and the prediction says so). */
const UNMEASURED: Record<string, number> = { create: 4, update: 4, delete: 3, read: 1 };
/** A tofu apply's own start: init is done, the provider configures itself and reads the org. */
const STARTUP_SECONDS = 3;

export interface Operation {
  address: string;
  type: string;
  action: 'create' | 'update' | 'delete' | 'read';
  calls: number;
  /** Seconds the operation takes alone, the provider's sleeps included. */
  seconds: number;
  /** Calls per organization-wide family. */
  families: Record<string, number>;
  measured: boolean;
}

export interface Prediction {
  operations: number;
  calls: number;
  /** Per type and action: operations and calls. */
  byType: { type: string; action: string; operations: number; calls: number }[];
  unmeasured: string[];
  /** Seconds of operation time if the operations ran one after another. */
  workSeconds: number;
  /** The least time the budget allows the calls, and which budget sets it. */
  floorSeconds: number;
  binding: string;
  expectedSeconds: number;
  parallelism: number;
  tokens: number;
}

function operationsOf(rc: ResourceChange): Operation['action'][] {
  const actions = rc.change.actions;
  if (rc.mode === 'data') return actions.includes('read') ? ['read'] : [];
  if (actions.includes('delete') && actions.includes('create')) return ['delete', 'create'];
  if (actions.includes('create')) return ['create'];
  if (actions.includes('delete')) return ['delete'];
  if (actions.includes('update')) return ['update'];
  // An import reads the object once, as a refresh does.
  if (rc.change.importing) return ['read'];
  return [];
}

/** An API route as the model stores it ("GET /api/v2/routing/queues/:id") as a path a family can match. */
const routePath = (route: string) => (route.split(' ')[1] ?? '').replace(/:[A-Za-z]+/g, 'x');

export function planOperations(plan: PlanJson, model: CostModel, budget: RateBudget): Operation[] {
  const families = budget.families.map((f) => ({ name: f.name, pattern: new RegExp(f.pattern) }));
  const operations: Operation[] = [];
  for (const rc of plan.resource_changes ?? []) {
    for (const action of operationsOf(rc)) {
      const type = rc.mode === 'data' ? `data.${rc.type}` : rc.type;
      const cost: ActionCost | undefined = model.types[type]?.[action];
      const features = featureValues(
        rc.type,
        action === 'delete' ? { before: null, after: null } : rc.change,
      );
      const calls = cost
        ? cost.base + Object.entries(cost.per).reduce((sum, [name, w]) => sum + w * (features[name] ?? 0), 0)
        : (UNMEASURED[action] ?? 2);
      const share: Record<string, number> = {};
      if (cost && cost.meanCalls > 0)
        for (const [route, n] of Object.entries(cost.routes))
          for (const family of families)
            if (family.pattern.test(routePath(route)))
              share[family.name] = (share[family.name] ?? 0) + (n * calls) / cost.meanCalls;
      operations.push({
        address: rc.address,
        type,
        action,
        calls,
        seconds: cost?.seconds ?? 1,
        families: share,
        measured: cost !== undefined,
      });
    }
  }
  return operations;
}

export interface PredictOptions {
  budget: RateBudget;
  /** Tokens the apply's provider pool holds (each its own per-token budget). */
  tokens: number;
  /** The engine's -parallelism. */
  parallelism: number;
  model?: CostModel;
}

/** Requests per second each budget allows, and the calls of `ops` it counts. */
export function budgetsFor(
  ops: Operation[],
  budget: RateBudget,
  tokens: number,
  overheadCalls: number,
  sharedTokenTypes: string[] = [],
): { name: string; rate: number; calls: number }[] {
  const calls = ops.reduce((sum, op) => sum + op.calls, 0) + overheadCalls;
  const rates = [
    {
      name: `${tokens} token(s) × ${budget.perToken.limit}/${budget.perToken.windowSeconds} s`,
      rate: (tokens * budget.perToken.limit) / budget.perToken.windowSeconds,
      calls,
    },
  ];
  // Types the provider serves from one API client: their calls share one token, whatever the pool.
  const shared = ops.filter((op) => sharedTokenTypes.includes(op.type));
  if (shared.length)
    rates.push({
      name: `one token for ${[...new Set(shared.map((op) => op.type.replace('genesyscloud_', '')))].join(', ')} (the provider's shared client)`,
      rate: budget.perToken.limit / budget.perToken.windowSeconds,
      calls: shared.reduce((sum, op) => sum + op.calls, 0),
    });
  for (const family of budget.families) {
    if (!family.limit) continue;
    const familyCalls =
      family.pattern === '^/api/v2/'
        ? calls
        : ops.reduce((sum, op) => sum + (op.families[family.name] ?? 0), 0);
    rates.push({
      name: `family ${family.name} (${family.limit}/${family.windowSeconds} s)`,
      rate: family.limit / family.windowSeconds,
      calls: familyCalls,
    });
  }
  return rates;
}

export function predict(plan: PlanJson, options: PredictOptions): Prediction {
  const model = options.model ?? costModel();
  const ops = planOperations(plan, model, options.budget);
  return predictOperations(ops, model, options);
}

export function predictOperations(ops: Operation[], model: CostModel, options: PredictOptions): Prediction {
  const { budget, tokens } = options;
  const overhead = ops.length
    ? model.overhead.perProcess + model.overhead.tokenCallsPerToken * (tokens + 1)
    : 0;
  const calls = ops.reduce((sum, op) => sum + op.calls, 0) + overhead;
  const budgets = budgetsFor(ops, budget, tokens, overhead, model.sharedTokenTypes ?? []);
  const floor = budgets.reduce(
    (worst, b) => (b.calls / b.rate > worst.seconds ? { seconds: b.calls / b.rate, name: b.name } : worst),
    { seconds: 0, name: 'none' },
  );
  // Within one operation calls follow each other on one token: no faster than its pacing allows.
  const tokenGap = budget.perToken.windowSeconds / budget.perToken.limit;
  const durations = ops.map((op) => Math.max(op.seconds, op.calls * tokenGap));
  const work = durations.reduce((sum, d) => sum + d, 0);
  const concurrent = Math.max(1, Math.min(options.parallelism, tokens));
  // The longest chain: department roots order types (skills → users → queues → flows); one of each in a row.
  const longest = new Map<string, number>();
  ops.forEach((op, i) => longest.set(op.type, Math.max(longest.get(op.type) ?? 0, durations[i]!)));
  const span = [...longest.values()].reduce((sum, d) => sum + d, 0);
  const byType = new Map<string, { type: string; action: string; operations: number; calls: number }>();
  for (const op of ops) {
    const key = `${op.type} ${op.action}`;
    const entry = byType.get(key) ?? { type: op.type, action: op.action, operations: 0, calls: 0 };
    entry.operations += 1;
    entry.calls += op.calls;
    byType.set(key, entry);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    operations: ops.length,
    calls: Math.round(calls),
    byType: [...byType.values()].map((e) => ({ ...e, calls: Math.round(e.calls) })),
    unmeasured: [...new Set(ops.filter((op) => !op.measured).map((op) => `${op.type} ${op.action}`))],
    workSeconds: round(work),
    floorSeconds: round(floor.seconds),
    binding: floor.name,
    expectedSeconds: ops.length
      ? round(STARTUP_SECONDS + Math.max(floor.seconds, work / concurrent, span))
      : 0,
    parallelism: options.parallelism,
    tokens,
  };
}

/** The fastest safe parallelism for `ops` under `budget` with at most `tokens` tokens: see scheduler. */
export function describePrediction(p: Prediction): string {
  if (p.operations === 0) return 'API cost: nothing to apply.';
  const minutes = (s: number) => (s >= 90 ? `${Math.round(s / 6) / 10} min` : `${Math.round(s)} s`);
  return [
    `API cost: about ${p.calls} calls for ${p.operations} operations; rate floor ${minutes(p.floorSeconds)} (${p.binding}); ` +
      `expected ${minutes(p.expectedSeconds)} at parallelism ${p.parallelism} with ${p.tokens} token(s).`,
    ...(p.unmeasured.length ? [`  not measured (estimated): ${p.unmeasured.join(', ')}`] : []),
  ].join('\n');
}
