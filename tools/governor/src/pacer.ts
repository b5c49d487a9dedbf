// One budget the governor paces: the requests of one token, or of one organization-wide route family. Requests
// wait their turn in a FIFO queue (rate-limiter-flexible's RateLimiterQueue) and leave evenly spaced — never in
// bursts, so no request waits much longer than one gap. The gap is (window + margin) / (limit - 1): requests that
// far apart can put at most `limit` into any stretch of window + margin, so a fixed upstream window — whatever its
// phase, with up to `margin` of jitter between leaving here and arriving there — never counts more than its limit.
// A 429 pauses the pacer for Retry-After; a limit learned from the API replaces the configured one.
import { RateLimiterMemory, RateLimiterQueue } from 'rate-limiter-flexible';

/** Jitter allowed between a request leaving the governor and reaching the API. */
const MARGIN_MS = 250;

export class Pacer {
  private readonly limiter: RateLimiterMemory;
  private readonly queue: RateLimiterQueue;
  private waiting = 0;
  /** When each of the last requests was served (not 429), for the window counts that teach a family its limit. */
  private served: number[] = [];
  peakWaiting = 0;

  constructor(
    readonly name: string,
    public limit: number | null,
    readonly windowSeconds: number,
  ) {
    const gap = this.gapMs;
    this.limiter = new RateLimiterMemory({ points: 1, duration: gap > 0 ? gap / 1000 : 0.001 });
    this.queue = new RateLimiterQueue(this.limiter);
  }

  /** Milliseconds between two requests; 0 when the limit is unknown (not paced). */
  get gapMs(): number {
    if (!this.limit) return 0;
    const span = this.windowSeconds * 1000 + MARGIN_MS;
    return this.limit > 1 ? span / (this.limit - 1) : span;
  }

  /** Waits until this budget lets one more request go. */
  async take(): Promise<void> {
    if (this.limit) {
      this.waiting += 1;
      this.peakWaiting = Math.max(this.peakWaiting, this.waiting);
      try {
        await this.queue.removeTokens(1);
      } finally {
        this.waiting -= 1;
      }
    }
  }

  /** One request of this budget was served. */
  servedOne(): void {
    const now = Date.now();
    this.served.push(now);
    const horizon = now - this.windowSeconds * 1000;
    while (this.served.length > 0 && this.served[0]! < horizon) this.served.shift();
  }

  /** Requests served in the last window. */
  servedInWindow(): number {
    const horizon = Date.now() - this.windowSeconds * 1000;
    return this.served.filter((t) => t >= horizon).length;
  }

  /** Nothing leaves for `seconds` (a 429's Retry-After). */
  async pause(seconds: number): Promise<void> {
    if (!this.limit) return;
    await this.limiter.block('limiter', seconds);
  }

  /** A limit the API told us (inin-ratelimit-allowed) or a 429 taught us. */
  learn(limit: number): boolean {
    if (!(limit > 0) || limit === this.limit) return false;
    this.limit = limit;
    // The same queue keeps its order; the next gap uses the new spacing.
    this.limiter.duration = this.gapMs / 1000;
    return true;
  }
}
