// The genesyscloud provider v1.82.0 can crash while it configures itself. Its client pool signs in its tokens
// from up to five goroutines at once (sdk_client_pool.go, preFill), and each reads the provider's `gateway` block;
// the plugin SDK's config reader records every set block it reads in one shared map (terraform-plugin-sdk v2.40.0,
// field_reader_config.go, readSet), so two reads at once stop the process with Go's "fatal error: concurrent map
// writes". Only a provider with a `gateway` or `proxy` block is exposed — which every run through the emulated
// org or the rate governor has. Measured here: 6 crashes in about 2,300 provider starts with a pool of 20 tokens.
//
// The engine then reports "Plugin did not respond" to the ConfigureProvider call. Until that call returns, the
// provider has read and changed nothing, so running the same command again is safe — an apply of a saved plan
// too: had anything been written, the engine would refuse the plan as stale.
import type { RunResult } from '@cxops/core';
import pRetry from 'p-retry';

/** Calls a provider answers before it touches any object; a crash in one of them is a crash before any work. */
const CRASHED_BEFORE_WORK =
  /failed to respond to the\s+plugin\.\(\*GRPCProvider\)\.(?:GetProviderSchema|ValidateProviderConfig|ConfigureProvider)\s+call|plugin exited before we could connect/;

/** How many times a command whose provider crashed before any work is run again. */
export const PROVIDER_CRASH_RETRIES = 2;

export function providerCrashedBeforeWork(result: RunResult): boolean {
  return result.exitCode !== 0 && CRASHED_BEFORE_WORK.test(`${result.stdout}\n${result.stderr}`);
}

class ProviderCrashed extends Error {
  constructor(readonly result: RunResult) {
    super('the provider crashed before it touched any object');
  }
}

/**
 * Runs `attempt` again (at once, up to PROVIDER_CRASH_RETRIES times) while its provider crashed before any
 * work; any other result, success or failure, is returned as it is. `onRetry` hears of each rerun.
 */
export async function retryProviderCrash(
  attempt: () => Promise<RunResult>,
  onRetry: (rerun: number) => void = () => {},
): Promise<RunResult> {
  try {
    return await pRetry(
      async () => {
        const result = await attempt();
        if (providerCrashedBeforeWork(result)) throw new ProviderCrashed(result);
        return result;
      },
      {
        retries: PROVIDER_CRASH_RETRIES,
        minTimeout: 0,
        onFailedAttempt: ({ attemptNumber, retriesLeft }) => {
          if (retriesLeft > 0) onRetry(attemptNumber);
        },
      },
    );
  } catch (error) {
    if (error instanceof ProviderCrashed) return error.result;
    throw error;
  }
}
