// `cxops apply` over several environments: one rate governor for the whole run, the org root first, then the
// departments side by side, each at the parallelism (tofu -parallelism and the provider's token pool) that its
// predicted cost and its share of the budget call for. It applies each environment's reviewed plan
// (dist/plans/<env>/tfplan), or — with `plan` — plans it first in the same run, through the same governor.
// It never narrows an apply with -target: a reviewed plan is applied whole or not at all.
import { loadPlan, planDoesSomething, type PlanJson } from '@cxops/plan';
import path from 'node:path';
import pLimit from 'p-limit';
import { CxError, loopbackGatewayEnv, workspaceRoot } from '@cxops/core';
import { chooseParallelism, costModel, planOperations, type CostModel } from '@cxops/costs';
import { loadBudget, startGovernor, upstreamOf, type GovernorStats, type RateBudget } from '@cxops/governor';
import {
  applyReviewedPlan,
  checkAgainstReview,
  findRoot,
  planEnvironment,
  readReviewedPull,
} from '@cxops/jobs';
import { ORG_ENVIRONMENT, planDir } from '@cxops/layout';
import { environmentTarget } from '@cxops/stack';
import { shareBudget, StageShares, stagesOf } from './schedule.ts';

export interface ApplyRunOptions {
  /** Environment names or root folders. */
  environments: string[];
  /** Plan each environment in the run (after the org root) instead of applying its reviewed plan. */
  plan?: boolean;
  /**
   * The reviewed digests (and reviewed-pull.json) of the merged pull request: each environment is planned in the
   * run and applied only if that plan is the reviewed one (`cxops review apply`'s gate, under one governor).
   */
  reviewedDir?: string;
  /** Characters a plan's summary.md may take (with `plan`). */
  summaryLimit: number;
  budget?: RateBudget;
  /** `local`: always the embedded default (the demo and tests). */
  target?: 'auto' | 'local';
  onProgress?: (line: string) => void;
}

export interface EnvironmentOutcome {
  environment: string;
  status: 'applied' | 'failed' | 'skipped' | 'unchanged';
  parallelism?: number;
  tokens?: number;
  reason?: string;
  predicted?: { calls: number; floorSeconds: number; expectedSeconds: number; binding: string };
  seconds?: number;
  /** The engine's closing line ("Apply complete! Resources: …"). */
  result?: string;
  error?: string;
}

export interface ApplyRunResult {
  outcomes: EnvironmentOutcome[];
  governor: GovernorStats;
  seconds: number;
  budget: RateBudget;
}

/** The run's governed settings for one engine run. */
export function engineSettings(
  port: number,
  choice: { tokens: number; parallelism: number },
): Record<string, string> {
  return {
    ...loopbackGatewayEnv(port),
    GENESYSCLOUD_TOKEN_POOL_SIZE: String(choice.tokens),
    TF_CLI_ARGS_plan: `-parallelism=${choice.parallelism}`,
    TF_CLI_ARGS_apply: `-parallelism=${choice.parallelism}`,
  };
}

/** A saved plan whose gateway address is fixed (or absent) cannot be sent through this run's governor. */
function governable(plan: PlanJson): boolean {
  const gateway = plan.variables?.gateway?.value as Record<string, unknown> | null | undefined;
  return typeof gateway === 'object' && gateway !== null && (gateway.port ?? null) === null;
}

async function environmentName(arg: string): Promise<string> {
  const { identity } = await findRoot(arg);
  if (!identity.environment)
    throw new CxError({
      action: `apply ${arg}`,
      reason: `it is a ${identity.kind}, not an environment`,
      fix: 'name environments: org, sales, support, … (or --all)',
    });
  return identity.environment.name;
}

export async function applyEnvironments(options: ApplyRunOptions): Promise<ApplyRunResult> {
  const started = Date.now();
  const say = options.onProgress ?? (() => {});
  const budget = options.budget ?? loadBudget();
  const names = await Promise.all(options.environments.map(environmentName));
  if (names.length === 0)
    throw new CxError({
      action: 'apply',
      reason: 'no environment was named',
      fix: 'name them, or pass --all',
    });
  const stages = stagesOf(names);
  const target = await environmentTarget(stages[0]![0]!, { target: options.target });
  const upstream = upstreamOf({ ...process.env, ...target.env });
  const governor = await startGovernor({ upstream, budget, onNote: (note) => say(`  governor: ${note}`) });
  say(`Rate governor on 127.0.0.1:${governor.port} → ${new URL(upstream.api).host}`);
  try {
    const outcomes = await runStages(stages, jobsRunner(options), {
      budget,
      port: governor.port,
      plan: Boolean(options.plan || options.reviewedDir),
      say,
    });
    return { outcomes, governor: governor.stats(), seconds: (Date.now() - started) / 1000, budget };
  } finally {
    await governor.close();
  }
}

/** The repository's environments, through the jobs `cxops plan` and `cxops apply <env>` always ran. */
function jobsRunner(options: ApplyRunOptions): StageRunner {
  const reviewedDir = options.reviewedDir;
  const pull = reviewedDir ? readReviewedPull(reviewedDir) : undefined;
  return {
    plan: async (environment, overrides) => {
      if (reviewedDir) {
        // Throws when the plan made now is not the reviewed one: the environment fails, nothing is applied.
        await checkAgainstReview(environment, {
          reviewedDir,
          pull: await pull,
          summaryLimit: options.summaryLimit,
          target: options.target,
          envOverrides: overrides,
        });
        return;
      }
      await planEnvironment(environment, {
        summaryLimit: options.summaryLimit,
        target: options.target,
        envOverrides: overrides,
      });
    },
    planJson: async (environment) => {
      const file = path.join(workspaceRoot(), planDir(environment), 'plan.json');
      const { plan } = await loadPlan(file).catch(() => {
        throw new CxError({
          action: `apply ${environment}`,
          reason: 'there is no reviewed plan',
          fix: `run \`npx cxops plan ${environment}\` and review it first, or pass --plan`,
        });
      });
      if (!governable(plan))
        throw new CxError({
          action: `apply ${environment} through the rate governor`,
          reason:
            'its saved plan fixes the provider’s address (a plan made without gateway = {}), so the apply would bypass the governor',
          where: file,
          fix: 'plan it in the run: cxops apply --plan …',
        });
      return plan;
    },
    apply: async (environment, overrides) => {
      const applied = await applyReviewedPlan(environment, {
        target: options.target,
        envOverrides: overrides,
      });
      return applied.output;
    },
  };
}

/** How a stage plans and applies one environment; the bench runs generated roots with plain tofu instead. */
export interface StageRunner {
  /** Plan the environment (only when the run plans). */
  plan: (environment: string, overrides: Record<string, string>) => Promise<void>;
  /** The plan that will be applied. */
  planJson: (environment: string) => Promise<PlanJson>;
  /** Applies it; returns the engine's output. */
  apply: (environment: string, overrides: Record<string, string>) => Promise<string | void>;
}

export interface StageContext {
  budget: RateBudget;
  /** The governor every engine run goes through. */
  port: number;
  plan: boolean;
  say: (line: string) => void;
  model?: CostModel;
}

/** Runs the stages one after another; a failed org root skips the departments (they read its objects). */
export async function runStages(
  stages: string[][],
  runner: StageRunner,
  context: StageContext,
): Promise<EnvironmentOutcome[]> {
  const outcomes: EnvironmentOutcome[] = [];
  for (const [index, stage] of stages.entries()) {
    if (outcomes.some((o) => o.environment === ORG_ENVIRONMENT && o.status === 'failed')) {
      outcomes.push(
        ...stage.map((environment) => ({
          environment,
          status: 'skipped' as const,
          reason: 'the org root failed',
        })),
      );
      continue;
    }
    outcomes.push(...(await runStage(stage, index, runner, context)));
  }
  return outcomes;
}

/**
 * Plans take turns. A plan is mostly tofu's own CPU time (it evaluates every resource, on several cores), so side
 * by side they would all end together, late, with the budget idle until then; one at a time, the first
 * department is applying — and can keep the budget busy by itself — while the next is planned. The scale
 * benchmark: 753 s one at a time, 774 s two at a time, 803 s all six together (the budget's floor: 693 s).
 */
const PLAN_SLOTS = 1;

async function runStage(
  stage: string[],
  index: number,
  runner: StageRunner,
  context: StageContext,
): Promise<EnvironmentOutcome[]> {
  const { budget, port, say } = context;
  const model = context.model ?? costModel();
  const shares = new StageShares(stage.length, budget.maxTokens);
  const planSlot = pLimit(PLAN_SLOTS);
  const planTokens = Math.max(1, Math.min(10, Math.floor(budget.maxTokens / stage.length)));

  // The plan to apply: made now through the governor, or the reviewed one.
  const planOf = (environment: string) =>
    planSlot(async () => {
      if (context.plan) {
        say(`▶ ${environment}: plan`);
        const tokens = shares.take(planTokens);
        try {
          await runner.plan(environment, engineSettings(port, { tokens, parallelism: tokens }));
        } finally {
          shares.release(tokens);
        }
      }
      return runner.planJson(environment);
    });

  // Each environment is applied as soon as its plan is ready, beside the others; one failing does not stop the
  // others (they share nothing).
  const outcomes = await Promise.all(
    stage.map(async (environment): Promise<EnvironmentOutcome> => {
      let plan: PlanJson;
      try {
        plan = await planOf(environment);
      } catch (error) {
        shares.drop();
        say(`✘ ${environment}: no plan to apply\n${describe(error)}`);
        return { environment, status: 'failed', error: describe(error) };
      }
      const ops = planOperations(plan, model, budget);
      const share = shares.allot(
        environment,
        ops.reduce((sum, op) => sum + op.calls, 0),
      );
      const choice = chooseParallelism(ops, model, shareBudget(budget, share.fraction), share.tokens);
      const p = choice.prediction;
      const outcome: EnvironmentOutcome = {
        environment,
        status: 'unchanged',
        parallelism: choice.parallelism,
        tokens: choice.tokens,
        reason: choice.reason,
        predicted: {
          calls: p.calls,
          floorSeconds: p.floorSeconds,
          expectedSeconds: p.expectedSeconds,
          binding: p.binding,
        },
      };
      if (!planDoesSomething(plan)) return outcome;
      say(
        `▶ ${environment}: apply ${p.operations} operations, ~${p.calls} calls, parallelism ${choice.parallelism} with ${choice.tokens} token(s) (stage ${index + 1}: ${choice.reason})`,
      );
      const tokens = shares.take(choice.tokens);
      const began = Date.now();
      try {
        const output = await runner.apply(environment, engineSettings(port, choice));
        outcome.result = (output ?? '')
          .split('\n')
          .find((line) => /^Apply complete!/.test(line.trim()))
          ?.trim();
        outcome.status = 'applied';
        say(
          `✔ ${environment}: applied in ${((Date.now() - began) / 1000).toFixed(1)} s (expected ${Math.round(p.expectedSeconds)} s)`,
        );
      } catch (error) {
        outcome.status = 'failed';
        outcome.error = describe(error);
        say(`✘ ${environment}: apply failed\n${outcome.error}`);
      } finally {
        shares.release(tokens);
      }
      outcome.seconds = (Date.now() - began) / 1000;
      return outcome;
    }),
  );
  // In the stage's order (names sorted), not the order the plans or applies finished: reports read the same.
  return outcomes;
}

const describe = (error: unknown) => (error instanceof CxError ? error.format() : String(error));
