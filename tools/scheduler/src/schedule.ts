// The order and the shares of a multi-environment apply, as pure functions: the org root runs alone and first
// (every department reads its divisions, roles and shared skills by name), then the departments side by side —
// they share no state and no objects. Side by side environments split the run's tokens in proportion to their
// predicted calls, and each is given that share of the organization-wide budgets to choose its parallelism by.
import { ORG_ENVIRONMENT } from '@cxops/layout';
import type { RateBudget } from '@cxops/governor';

/** Stages run one after another; the environments of a stage run side by side. */
export function stagesOf(environments: string[]): string[][] {
  const unique = [...new Set(environments)];
  const rest = unique.filter((e) => e !== ORG_ENVIRONMENT).sort();
  return [...(unique.includes(ORG_ENVIRONMENT) ? [[ORG_ENVIRONMENT]] : []), ...(rest.length ? [rest] : [])];
}

/** Tokens per environment, in proportion to its calls: at least one each, no more than `maxTokens` in all. */
export function shareTokens(calls: Record<string, number>, maxTokens: number): Record<string, number> {
  const names = Object.keys(calls);
  const total = names.reduce((sum, n) => sum + Math.max(1, calls[n]!), 0);
  const shares: Record<string, number> = {};
  for (const name of names)
    shares[name] = Math.max(1, Math.floor((maxTokens * Math.max(1, calls[name]!)) / total));
  return shares;
}

/** The part of the org-wide budgets an environment may use while others run beside it. */
export function shareBudget(budget: RateBudget, fraction: number): RateBudget {
  return {
    ...budget,
    families: budget.families.map((f) => ({ ...f, limit: f.limit === null ? null : f.limit * fraction })),
  };
}
