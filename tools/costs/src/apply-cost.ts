// The prediction `cxops plan` shows: what applying this plan alone will cost, at the parallelism `cxops apply`
// would choose for it with the whole budget.
import { loadBudget, type RateBudget } from '@cxops/governor';
import type { PlanJson } from '@cxops/plan';
import { chooseParallelism, type Choice } from './choose.ts';
import { costModel, type CostModel } from './model.ts';
import { describePrediction, planOperations, type Prediction } from './predict.ts';

export interface ApplyCost extends Choice {
  text: string;
  markdown: string;
}

export function applyCost(
  plan: PlanJson,
  options: { budget?: RateBudget; model?: CostModel; tokens?: number } = {},
): ApplyCost {
  const budget = options.budget ?? loadBudget();
  const model = options.model ?? costModel();
  const choice = chooseParallelism(
    planOperations(plan, model, budget),
    model,
    budget,
    options.tokens ?? budget.maxTokens,
  );
  const text = describePrediction(choice.prediction);
  return { ...choice, text, markdown: costMarkdown(choice.prediction) };
}

function costMarkdown(p: Prediction): string {
  if (p.operations === 0) return '**API cost:** nothing to apply.';
  return (
    `**API cost (predicted):** about ${p.calls} calls for ${p.operations} operations · rate floor ` +
    `${Math.round(p.floorSeconds)} s · expected ${Math.round(p.expectedSeconds)} s at parallelism ${p.parallelism} ` +
    `(${p.tokens} tokens)`
  );
}
