// Genesys rate limits: a budget per access token per window (default 300 requests a minute), optional lower
// budgets per route, organization-wide budgets per route family (Genesys added them in 2026-08 for queue, queue
// member, agent and conversation routes: every token of the org counts against one budget), and the token
// endpoint's own limit. Windows are fixed, as the inin-ratelimit-reset
// header implies; the window length is configurable so tests can force 429s in seconds.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Requests per token per window (Genesys: client.credentials.token.rate.per.minute = 300). */
  perToken?: number;
  windowSeconds?: number;
  /** Extra budgets for single routes, keyed "METHOD /api/v2/path/:param" (e.g. Architect IVR PUT = 100). */
  perRoute?: Record<string, number>;
  /** Token requests per client per window on /oauth/token. */
  tokenEndpoint?: number;
  /** Organization-wide budgets: requests per window, whatever the token, on paths matching `pattern` (a regex). */
  families?: { name: string; pattern: string; limit: number }[];
}

/** How close each budget came to its limit: the most requests one window held, and the 429s it answered. */
export interface LimitUsage {
  perToken: { limit: number; peak: number; rejected: number };
  families: { name: string; limit: number; peak: number; requests: number; rejected: number }[];
}

export type LimitVerdict =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; retryAfterSeconds: number };

export class RateLimits {
  private readonly perToken: RateLimiterMemory;
  private readonly perRoute = new Map<string, RateLimiterMemory>();
  private readonly tokenEndpoint: RateLimiterMemory;
  private readonly families: { name: string; pattern: RegExp; limit: number; limiter: RateLimiterMemory }[];
  private readonly seen: LimitUsage;
  readonly settings: Required<Omit<RateLimitOptions, 'perRoute' | 'families'>> & {
    perRoute: Record<string, number>;
    families: { name: string; pattern: string; limit: number }[];
  };

  constructor(options: RateLimitOptions = {}) {
    this.settings = {
      perToken: options.perToken ?? 300,
      windowSeconds: options.windowSeconds ?? 60,
      perRoute: options.perRoute ?? {},
      tokenEndpoint: options.tokenEndpoint ?? 600,
      families: options.families ?? [],
    };
    const duration = this.settings.windowSeconds;
    this.perToken = new RateLimiterMemory({ points: this.settings.perToken, duration });
    this.tokenEndpoint = new RateLimiterMemory({ points: this.settings.tokenEndpoint, duration });
    for (const [route, points] of Object.entries(this.settings.perRoute)) {
      this.perRoute.set(route, new RateLimiterMemory({ points, duration }));
    }
    this.families = this.settings.families.map((family) => ({
      ...family,
      pattern: new RegExp(family.pattern),
      limiter: new RateLimiterMemory({ points: family.limit, duration }),
    }));
    this.seen = {
      perToken: { limit: this.settings.perToken, peak: 0, rejected: 0 },
      families: this.settings.families.map((f) => ({
        name: f.name,
        limit: f.limit,
        peak: 0,
        requests: 0,
        rejected: 0,
      })),
    };
  }

  usage(): LimitUsage {
    return structuredClone(this.seen);
  }

  /**
   * Charges one request of `token` on `route` (at URL path `path`); the tightest of the token, route and
   * family budgets decides.
   */
  async charge(token: string, route: string, path = ''): Promise<LimitVerdict> {
    let budget: { rejected: number } = this.seen.perToken;
    try {
      const used = await this.perToken.consume(token);
      this.seen.perToken.peak = Math.max(this.seen.perToken.peak, used.consumedPoints);
      const routeLimiter = this.perRoute.get(route);
      if (routeLimiter) await routeLimiter.consume(`${token} ${route}`);
      for (const [i, family] of this.families.entries()) {
        if (!family.pattern.test(path)) continue;
        const seen = this.seen.families[i]!;
        budget = seen;
        seen.requests += 1;
        const charged = await family.limiter.consume(family.name);
        seen.peak = Math.max(seen.peak, charged.consumedPoints);
      }
      return {
        allowed: true,
        headers: {
          'inin-ratelimit-count': String(used.consumedPoints),
          'inin-ratelimit-allowed': String(this.settings.perToken),
          'inin-ratelimit-reset': String(Math.ceil(used.msBeforeNext / 1000)),
        },
      };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      budget.rejected += 1;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }

  async chargeTokenEndpoint(clientId: string): Promise<boolean> {
    try {
      await this.tokenEndpoint.consume(clientId);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return false;
    }
  }
}

export function tooManyRequestsBody(retryAfter: number, contextId: string) {
  return {
    message: `Rate limit exceeded the maximum. Retry the request in [${retryAfter}] seconds`,
    code: 'too.many.requests.retry.after',
    status: 429,
    contextId,
    details: [],
    errors: [],
  };
}
