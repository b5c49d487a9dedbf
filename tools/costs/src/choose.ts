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
 * the run rate-bound when sleeps of several operations line up, and when operations take longer side by side
 * than the model measured them alone (the scale benchmark: about 1.5× at 24 to 54 at once). With 2 the
 * benchmark's applies ran 1.10× their floor; extra slots cost only queue time in the governor.
 */
const HEADROOM = 3;
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
  let best: Pick<Choice, 'parallelism' | 'prediction'> | undefined;
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
      best = { parallelism: p, prediction };
  }
  // The model reaches its fastest here, but not with the headroom above: a run at the model's break-even goes
  // idle whenever sleeps line up or operations take longer than measured alone (the scale benchmark: 35 %
  // longer at 24 operations at once). The same spare slots as above, within the caps.
  const fastest = best!.parallelism;
  const parallelism = Math.min(cap, fastest + EXTRA);
  const limits: string[] = [];
  if (parallelism === tokenShare) limits.push(`its share of the run's tokens (${tokenShare})`);
  if (parallelism === queueCap) limits.push(`the ${MAX_QUEUE_SECONDS} s queue bound of the shared budgets`);
  if (parallelism === MAX_POOL) limits.push(`the provider's largest token pool (${MAX_POOL})`);
  if (parallelism === ops.length) limits.push('one operation per planned change');
  return {
    parallelism,
    tokens: parallelism,
    prediction: predictOperations(ops, model, { budget, tokens: parallelism, parallelism }),
    reason: `the provider's own time dominates: the model is fastest from ${fastest}, and ${parallelism} leaves room for slower operations${limits.length ? `, bounded by ${limits.join(' and ')}` : ''}`,
  };
}
