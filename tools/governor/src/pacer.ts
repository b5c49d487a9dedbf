// The budgets the governor paces — the requests of one token, or of one organization-wide route family — and how a
// request takes its turn in all of its budgets at once. Each budget keeps a calendar of the instants it has given
// out; a request reserves the earliest instant that is at least one gap away from every reservation in every
// budget it counts against, so its send is exactly where each budget counted it, and a request that needs only
// free budgets is not held behind one that waits for a busy one. Queueing each budget on its own
// (rate-limiter-flexible's RateLimiterQueue, Bottleneck's chains) would use up a slot in one budget while the
// request still waits for the next: sends then drift from their slots and a window can take more than its limit.
//
// Requests leave evenly spaced, never in bursts, so no request waits much longer than the gaps ahead of it. The
// gap is (window + margin) / (limit - 1): requests that far apart put at most `limit` into any stretch of
// window + margin, so a fixed upstream window — whatever its phase, with up to `margin` of jitter between
// leaving here and arriving there — never counts more than its limit. A 429 pauses a budget for Retry-After; a
// limit learned from the API replaces the configured one.
import { setTimeout as sleep } from 'node:timers/promises';

/** Jitter allowed between a request leaving the governor and reaching the API. */
const MARGIN_MS = 250;

export class Pacer {
  /** The instants given out (ms since the epoch), in order; those older than one gap are forgotten. */
  private calendar: number[] = [];
  /** Nothing leaves before this (a 429's Retry-After). */
  private pausedUntil = 0;
  /** When each of the last requests was served (not 429), for the window counts that teach a family its limit. */
  private served: number[] = [];
  /** Requests holding a turn that has not come yet. */
  waiting = 0;
  peakWaiting = 0;

  constructor(
    readonly name: string,
    public limit: number | null,
    readonly windowSeconds: number,
  ) {}

  /** Milliseconds between two requests; 0 when the limit is unknown (not paced). */
  get gapMs(): number {
    if (!this.limit) return 0;
    const span = this.windowSeconds * 1000 + MARGIN_MS;
    return this.limit > 1 ? span / (this.limit - 1) : span;
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
  pause(seconds: number): void {
    if (this.limit) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + seconds * 1000);
  }

  /** A limit the API told us (inin-ratelimit-allowed) or a 429 taught us. */
  learn(limit: number): boolean {
    if (!(limit > 0) || limit === this.limit) return false;
    this.limit = limit;
    return true;
  }

  /** The earliest instant from `t` on that keeps one gap from every reservation (and is not paused). */
  earliestFrom(t: number): number {
    if (!this.limit) return t;
    const gap = this.gapMs;
    let at = Math.max(t, this.pausedUntil);
    for (const reserved of this.calendar) {
      if (reserved <= at - gap) continue;
      if (reserved >= at + gap) break;
      at = reserved + gap;
    }
    return at;
  }

  reserve(at: number): void {
    if (!this.limit) return;
    const horizon = Date.now() - this.gapMs;
    while (this.calendar.length > 0 && this.calendar[0]! < horizon) this.calendar.shift();
    const index = this.calendar.findIndex((r) => r > at);
    this.calendar.splice(index === -1 ? this.calendar.length : index, 0, at);
    this.waiting += 1;
    this.peakWaiting = Math.max(this.peakWaiting, this.waiting);
  }

  release(): void {
    if (this.limit) this.waiting -= 1;
  }
}

/** The earliest instant every one of `pacers` can give: moved forward until no budget objects. */
function commonInstant(pacers: Pacer[], from: number): number {
  let at = from;
  for (;;) {
    const next = pacers.reduce((t, pacer) => pacer.earliestFrom(t), at);
    if (next === at) return at;
    at = next;
  }
}

/** Waits for the first instant every one of `pacers` lets a request go, having reserved it in all of them. */
export async function takeTurn(pacers: Pacer[]): Promise<void> {
  const now = Date.now();
  const at = commonInstant(pacers, now);
  for (const pacer of pacers) pacer.reserve(at);
  try {
    if (at > now) await sleep(at - now);
  } finally {
    for (const pacer of pacers) pacer.release();
  }
}
