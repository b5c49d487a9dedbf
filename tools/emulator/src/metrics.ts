import { createHash } from 'node:crypto';
// Request and 429 counts per route and per token, for tests and for the rate-aware tooling's benchmarks.

interface Counter {
  requests: number;
  status429: number;
  errors: number;
}

const empty = (): Counter => ({ requests: 0, status429: 0, errors: 0 });

/** One served request, without its query string or headers (they may carry names, never tokens). */
export interface RecentRequest {
  at: string;
  method: string;
  path: string;
  status: number;
}

/** How many of the last requests are kept: enough to say what a hung apply was waiting on. */
const RECENT_LIMIT = 50;

export class Metrics {
  private routes = new Map<string, Counter>();
  private tokens = new Map<string, Counter>();
  private started = Date.now();
  private recentRequests: RecentRequest[] = [];

  record(route: string, tokenLabel: string | undefined, status: number, path?: string): void {
    if (path !== undefined) {
      this.recentRequests.push({ at: new Date().toISOString(), method: route.split(' ')[0]!, path, status });
      if (this.recentRequests.length > RECENT_LIMIT) this.recentRequests.shift();
    }
    for (const [map, key] of [
      [this.routes, route],
      [this.tokens, tokenLabel],
    ] as const) {
      if (!key) continue;
      const counter = map.get(key) ?? empty();
      counter.requests += 1;
      if (status === 429) counter.status429 += 1;
      else if (status >= 400) counter.errors += 1;
      map.set(key, counter);
    }
  }

  snapshot() {
    const total = empty();
    for (const c of this.routes.values()) {
      total.requests += c.requests;
      total.status429 += c.status429;
      total.errors += c.errors;
    }
    return {
      since: new Date(this.started).toISOString(),
      total,
      routes: Object.fromEntries(this.routes),
      tokens: Object.fromEntries(this.tokens),
    };
  }

  /** The last requests served, oldest first. */
  recent(): RecentRequest[] {
    return [...this.recentRequests];
  }

  reset(): void {
    this.recentRequests = [];
    this.routes.clear();
    this.tokens.clear();
    this.started = Date.now();
  }
}

/** Tokens are secrets: metrics name them by a short, stable fingerprint only. */
export function tokenLabel(token: string): string {
  return `token-${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}
