// The order and the shares of a multi-environment apply: the org root runs alone and first (every department
// reads its divisions, roles and shared skills by name), then the departments side by side — they share no
// state and no objects. Side by side environments split the run's tokens in proportion to their predicted
// calls, and each is given that share of the organization-wide budgets to choose its parallelism by.
import { ORG_ENVIRONMENT } from '@cxops/layout';
import type { RateBudget } from '@cxops/governor';

/** Stages run one after another; the environments of a stage run side by side. */
export function stagesOf(environments: string[]): string[][] {
  const unique = [...new Set(environments)];
  const rest = unique.filter((e) => e !== ORG_ENVIRONMENT).sort();
  return [...(unique.includes(ORG_ENVIRONMENT) ? [[ORG_ENVIRONMENT]] : []), ...(rest.length ? [rest] : [])];
}

/** The part of the org-wide budgets an environment may use while others run beside it. */
export function shareBudget(budget: RateBudget, fraction: number): RateBudget {
  return {
    ...budget,
    families: budget.families.map((f) => ({ ...f, limit: f.limit === null ? null : f.limit * fraction })),
  };
}

/**
 * A stage's tokens and budget shares, handed out as each environment's plan is ready — its apply starts then,
 * not when the stage's last plan is done. Environments not planned yet are counted at the mean of the planned
 * ones; each keeps at least one token in reserve until it is allotted. Tokens come back when a run ends.
 */
export class StageShares {
  private readonly calls = new Map<string, number>();
  private free: number;
  private waiting: number;

  constructor(
    size: number,
    private readonly maxTokens: number,
  ) {
    this.free = maxTokens;
    this.waiting = size;
  }

  /** The share of the budget `environment` may count on, and the most tokens it may take now. */
  allot(environment: string, predictedCalls: number): { fraction: number; tokens: number } {
    this.calls.set(environment, Math.max(1, predictedCalls));
    this.waiting -= 1;
    const known = [...this.calls.values()].reduce((sum, c) => sum + c, 0);
    const estimate = known + (known / this.calls.size) * this.waiting;
    const fraction = this.calls.get(environment)! / estimate;
    const tokens = Math.max(1, Math.min(Math.floor(this.maxTokens * fraction), this.free - this.waiting));
    return { fraction, tokens };
  }

  /** An environment that will not be allotted (its plan failed): its reserved token is free. */
  drop(): void {
    this.waiting -= 1;
  }

  /** Takes up to `wanted` tokens (at least one) for a run; give them back with `release`. */
  take(wanted: number): number {
    const tokens = Math.max(1, Math.min(wanted, this.free - this.waiting));
    this.free -= tokens;
    return tokens;
  }

  release(tokens: number): void {
    this.free += tokens;
  }
}
