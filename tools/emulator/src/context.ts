// What every route is given: the org's store, the rate limits, the fault rules, the counters and the options
// the emulator started with. Routes import it from here; server.ts builds one and imports every route.
import { Faults, type FaultRule } from './faults.ts';
import { Metrics } from './metrics.ts';
import { RateLimits, type RateLimitOptions } from './rate-limit.ts';
import { Store } from './store.ts';

export interface EmulatorOptions {
  /** JSON file the org is persisted to; omitted = in memory. */
  stateFile?: string;
  rateLimits?: RateLimitOptions;
  faults?: FaultRule[];
  seed?: string;
  /** OAuth clients (id → secret); omitted = any non-empty client id and secret is accepted. */
  clients?: Record<string, string>;
  /** Log requests (pino) to stdout. */
  logger?: boolean;
}

export interface EmulatorContext {
  store: Store;
  /** Replaced as a whole when the admin routes change the settings. */
  limits: RateLimits;
  faults: Faults;
  metrics: Metrics;
  /** Token fingerprint → the OAuth client it was issued to: API changes are audited under that client. */
  tokenClients: Map<string, string>;
  options: EmulatorOptions;
  /** Base URL the server is reachable at (for presigned upload URLs). */
  baseUrl: () => string;
}

export function createContext(options: EmulatorOptions, baseUrl: () => string): EmulatorContext {
  const context: EmulatorContext = {
    store: new Store(options.stateFile),
    limits: new RateLimits(options.rateLimits),
    faults: new Faults(options.seed),
    metrics: new Metrics(),
    tokenClients: new Map(),
    options,
    baseUrl,
  };
  if (options.faults) context.faults.set(options.faults, options.seed);
  return context;
}
