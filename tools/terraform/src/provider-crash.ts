// The genesyscloud provider v1.82.0 can crash while it configures itself. Its client pool signs in its tokens
// from up to five goroutines at once (sdk_client_pool.go, preFill), and each reads the provider's `gateway` block;
// the plugin SDK's config reader records every set block it reads in one shared map (terraform-plugin-sdk v2.40.0,
// field_reader_config.go, readSet), so two reads at once stop the process with Go's "fatal error: concurrent map
// writes". Only a provider with a `gateway` or `proxy` block is exposed — which every run through the emulated
// org or the rate governor has. Measured here: 6 crashes in about 2,300 provider starts with a pool of 20 tokens.
//
// The engine then reports "Plugin did not respond" to the ConfigureProvider call. Until that call returns, the
// provider has read and changed nothing, so running the same command again is safe. One case stays: an apply of
// a saved plan on an environment's FIRST apply. The failed apply has recorded an empty state where there was
// none, so the engine now refuses the plan as stale (StalePlanAfterCrash): its owner plans again and applies
// the new plan only if it does exactly what the reviewed one did (environment-jobs.ts).
import { CxError, type RunResult } from '@cxops/core';
import pRetry from 'p-retry';

/** Calls a provider answers before it touches any object; a crash in one of them is a crash before any work. */
const CRASHED_BEFORE_WORK =
  /failed to respond to the\s+plugin\.\(\*GRPCProvider\)\.(?:GetProviderSchema|ValidateProviderConfig|ConfigureProvider)\s+call|plugin exited before we could connect/;

/** How many times a command whose provider crashed before any work is run again. */
export const PROVIDER_CRASH_RETRIES = 2;

export function providerCrashedBeforeWork(result: RunResult): boolean {
  return result.exitCode !== 0 && CRASHED_BEFORE_WORK.test(`${result.stdout}\n${result.stderr}`);
}

/** An engine run, and how many runs before it ended in a provider crash before any work. */
export interface EngineRunResult extends RunResult {
  providerCrashes: number;
}

/**
 * A saved plan the engine refused as stale only because a provider crash made it record an empty state (the
 * environment's first apply): nothing was changed, and a new plan of the same code does what it did.
 */
export class StalePlanAfterCrash extends CxError {}

/** The engine refused a saved plan as stale after a crash of ours: see StalePlanAfterCrash. */
export const staleAfterCrash = (result: EngineRunResult) =>
  result.exitCode !== 0 &&
  result.providerCrashes > 0 &&
  /Saved plan is stale/.test(`${result.stdout}\n${result.stderr}`);

class ProviderCrashed extends Error {
  constructor(readonly result: RunResult) {
    super('the provider crashed before it touched any object');
  }
}

/**
 * Runs `attempt` again (at once, up to PROVIDER_CRASH_RETRIES times) while its provider crashed before any
 * work; any other result, success or failure, is returned as it is. `onRetry` runs before each rerun.
 */
export async function retryProviderCrash(
  attempt: () => Promise<RunResult>,
  onRetry: (rerun: number) => void | Promise<void> = () => {},
): Promise<EngineRunResult> {
  let providerCrashes = 0;
  try {
    const result = await pRetry(
      async () => {
        const result = await attempt();
        if (providerCrashedBeforeWork(result)) throw new ProviderCrashed(result);
        return result;
      },
      {
        retries: PROVIDER_CRASH_RETRIES,
        minTimeout: 0,
        onFailedAttempt: async ({ attemptNumber, retriesLeft }) => {
          providerCrashes = attemptNumber;
          if (retriesLeft > 0) await onRetry(attemptNumber);
        },
      },
    );
    return { ...result, providerCrashes };
  } catch (error) {
    if (error instanceof ProviderCrashed) return { ...error.result, providerCrashes };
    throw error;
  }
}
