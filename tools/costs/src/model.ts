// The cost model as stored (data/cost-model.json): per resource type ("data.<type>" for data sources) and
// action (create, update, delete, read), the calls one operation makes — a base plus weights on the change's
// features — the median seconds it took with nothing else running (the provider's own sleeps included), and
// the mean calls per API route (which organization-wide families it charges).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CxError } from '@cxops/core';

export interface ActionCost {
  samples: number;
  base: number;
  per: Record<string, number>;
  rmse: number;
  meanCalls: number;
  seconds: number;
  routes: Record<string, number>;
}

export interface CostModel {
  $comment?: string;
  provider: string;
  measuredAt: string;
  /** Calls of a provider process before any resource: org reads, and token calls per pool token. */
  overhead: { perProcess: number; tokenCallsPerToken: number };
  /**
   * Types whose every operation in one provider process uses one token (the provider keeps one API client for
   * them): their calls in one apply go no faster than one token's limit, whatever the parallelism.
   */
  sharedTokenTypes: string[];
  types: Record<string, Record<string, ActionCost>>;
}

export interface MeasuredSample {
  scenario: string;
  address: string;
  type: string;
  action: string;
  calls: number;
  seconds: number;
  features: Record<string, number>;
  routes: Record<string, number>;
  /** Fingerprints of the tokens its calls used. */
  tokens: string[];
  /** The token most of its calls used (an operation may make a stray call on another client). */
  mainToken?: string;
}

const MODEL_FILE = fileURLToPath(new URL('../data/cost-model.json', import.meta.url));

let cached: CostModel | undefined;

/** The measured model shipped with the tooling. */
export function costModel(file = MODEL_FILE): CostModel {
  if (cached && file === MODEL_FILE) return cached;
  let model: CostModel;
  try {
    model = JSON.parse(readFileSync(file, 'utf8')) as CostModel;
  } catch (error) {
    throw new CxError({
      action: 'read the API cost model',
      reason: (error as Error).message,
      where: file,
      fix: 'measure it again: npx tsx tools/costs/measure/measure-costs.ts',
    });
  }
  if (typeof model.types !== 'object' || typeof model.overhead?.perProcess !== 'number')
    throw new CxError({
      action: 'read the API cost model',
      reason: 'it has no types or overhead',
      where: file,
      fix: 'measure it again: npx tsx tools/costs/measure/measure-costs.ts',
    });
  if (file === MODEL_FILE) cached = model;
  return model;
}
