// Genesys rate limits: a budget per access token per window (default 300 requests a minute), optional lower
// budgets per route, and the token endpoint's own limit. Windows are fixed, as the inin-ratelimit-reset
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
}

export type LimitVerdict =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; retryAfterSeconds: number };

export class RateLimits {
  private readonly perToken: RateLimiterMemory;
  private readonly perRoute = new Map<string, RateLimiterMemory>();
  private readonly tokenEndpoint: RateLimiterMemory;
  readonly settings: Required<Omit<RateLimitOptions, 'perRoute'>> & { perRoute: Record<string, number> };

  constructor(options: RateLimitOptions = {}) {
    this.settings = {
      perToken: options.perToken ?? 300,
      windowSeconds: options.windowSeconds ?? 60,
      perRoute: options.perRoute ?? {},
      tokenEndpoint: options.tokenEndpoint ?? 600,
    };
    const duration = this.settings.windowSeconds;
    this.perToken = new RateLimiterMemory({ points: this.settings.perToken, duration });
    this.tokenEndpoint = new RateLimiterMemory({ points: this.settings.tokenEndpoint, duration });
    for (const [route, points] of Object.entries(this.settings.perRoute)) {
      this.perRoute.set(route, new RateLimiterMemory({ points, duration }));
    }
  }

  /** Charges one request of `token` on `route`; the tighter of the token and route budgets decides. */
  async charge(token: string, route: string): Promise<LimitVerdict> {
    try {
      const used = await this.perToken.consume(token);
      const routeLimiter = this.perRoute.get(route);
      if (routeLimiter) await routeLimiter.consume(`${token} ${route}`);
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
