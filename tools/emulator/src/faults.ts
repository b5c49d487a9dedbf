// Fault injection per route, deterministic under a seed: error statuses (5xx, bursts of 429), added latency
// and dropped connections. The same seed and the same request order give the same faults.
import seedrandom from 'seedrandom';

export interface FaultRule {
  /** HTTP method, or omitted for any. */
  method?: string;
  /** Route pattern as registered ("/api/v2/routing/queues/:queueId") or a prefix of the URL path. */
  route: string;
  /** Respond with this status instead of serving the request. */
  status?: number;
  /** Retry-After seconds sent with a 429 or 503 fault. */
  retryAfterSeconds?: number;
  /** Added latency before serving (or before the fault). */
  latencyMs?: number;
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /** Chance (0..1) that a matching request is hit; default 1. */
  probability?: number;
  /** Hit at most this many requests (a burst), then stop; default unlimited. */
  times?: number;
}

export type FaultDecision =
  | { latencyMs: number; status?: number; retryAfterSeconds?: number; drop?: boolean }
  | undefined;

export class Faults {
  private rules: (FaultRule & { hits: number })[] = [];
  private random: seedrandom.PRNG;

  constructor(private seed = 'cxops') {
    this.random = seedrandom(seed);
  }

  set(rules: FaultRule[], seed = this.seed): void {
    this.seed = seed;
    this.random = seedrandom(seed);
    this.rules = rules.map((rule) => ({ ...rule, hits: 0 }));
  }

  list(): (FaultRule & { hits: number })[] {
    return this.rules;
  }

  decide(method: string, routePattern: string, urlPath: string): FaultDecision {
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.route !== routePattern && !urlPath.startsWith(rule.route)) continue;
      if (rule.times !== undefined && rule.hits >= rule.times) continue;
      if (this.random() >= (rule.probability ?? 1)) continue;
      rule.hits += 1;
      return {
        latencyMs: rule.latencyMs ?? 0,
        status: rule.status,
        retryAfterSeconds: rule.retryAfterSeconds,
        drop: rule.drop,
      };
    }
    return undefined;
  }
}
