// The fastest safe parallelism for one environment: enough operations at once that the provider's fixed sleeps
// never leave the budget idle (the run stays rate-bound, at its floor), no more than that — more would only
// lengthen the governor's queues — and never so many that a request waits longer than the SDK waits for an
// answer (16 s). Each operation holds one pooled token for its whole length, so the token pool is as large as
// the parallelism.
import type { RateBudget } from '@cxops/governor';
import type { CostModel } from './model.ts';
import { predictOperations, type Operation, type Prediction } from './predict.ts';

/** The provider's token pool takes 1..20 tokens in v1.82.0 (sdk_client_pool.go MaxClients; 50 in later releases). */
export const MAX_POOL = 20;
/**
 * Work per operation slot may be at most this share of the floor, plus a few slots more: the margin that keeps
 * the run rate-bound when sleeps of several operations line up. Extra slots cost only queue time in the governor.
 */
const HEADROOM = 2;
const EXTRA = 2;
/** The longest a request should wait in a family's queue: below the SDK's 16 s answer timeout. */
const MAX_QUEUE_SECONDS = 12;

export interface Choice {
  parallelism: number;
  tokens: number;
  prediction: Prediction;
  /** Why this number, in a sentence. */
  reason: string;
}

export function chooseParallelism(
  ops: Operation[],
  model: CostModel,
  budget: RateBudget,
  /** Tokens this environment may hold (its share of the run's maxTokens). */
  tokenShare: number,
): Choice {
  const rates = budget.families.filter((f) => f.limit).map((f) => f.limit! / f.windowSeconds);
  // The provider's shared client queues every operation of its types on one token.
  if (ops.some((op) => (model.sharedTokenTypes ?? []).includes(op.type)))
    rates.push(budget.perToken.limit / budget.perToken.windowSeconds);
  const queueCap = rates.reduce((cap, rate) => Math.min(cap, Math.floor(MAX_QUEUE_SECONDS * rate)), Infinity);
  const cap = Math.max(1, Math.min(MAX_POOL, tokenShare, queueCap, Math.max(1, ops.length)));
  let best: Choice | undefined;
  for (let p = 1; p <= cap; p++) {
    const prediction = predictOperations(ops, model, { budget, tokens: p, parallelism: p });
    const rateBound = prediction.workSeconds / p <= prediction.floorSeconds / HEADROOM;
    if (rateBound) {
      const chosen = Math.min(cap, p + EXTRA);
      return {
        parallelism: chosen,
        tokens: chosen,
        prediction: predictOperations(ops, model, { budget, tokens: chosen, parallelism: chosen }),
        reason: `${chosen} operations at once keep the budget busy through the provider's sleeps (rate-bound from ${p}: work ${Math.round(prediction.workSeconds)} s ÷ ${p} ≤ floor ${Math.round(prediction.floorSeconds)} s ÷ ${HEADROOM})`,
      };
    }
    if (!best || prediction.expectedSeconds < best.prediction.expectedSeconds - 0.5)
      best = { parallelism: p, tokens: p, prediction, reason: '' };
  }
  const chosen = best!;
  const limits: string[] = [];
  if (chosen.parallelism === tokenShare) limits.push(`its share of the run's tokens (${tokenShare})`);
  if (chosen.parallelism === queueCap)
    limits.push(`the ${MAX_QUEUE_SECONDS} s queue bound of the shared budgets`);
  if (chosen.parallelism === MAX_POOL) limits.push(`the provider's largest token pool (${MAX_POOL})`);
  if (chosen.parallelism === ops.length) limits.push('one operation per planned change');
  return {
    ...chosen,
    reason: `the provider's own time dominates; ${chosen.parallelism} is the fastest${limits.length ? `, bounded by ${limits.join(' and ')}` : ''}`,
  };
}
