// A client for the emulator's /__admin routes, used by `cxops emulator …` and by tests. It takes ADMIN from
// paths.ts, as the server's routes do, so the two cannot drift apart.
import { ADMIN } from './paths.ts';
import type { FaultRule } from './faults.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import type { AuditEntry, Json } from './store.ts';

export class EmulatorAdmin {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${ADMIN}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok)
      throw new Error(
        `emulator ${method} ${ADMIN}${path} answered ${response.status}: ${(parsed as Json | undefined)?.message ?? text}`,
      );
    return parsed as T;
  }

  objects(kind: string, name?: string): Promise<Json[]> {
    return this.call('GET', `/objects/${kind}${name ? `?name=${encodeURIComponent(name)}` : ''}`);
  }

  /** Changes fields of one object as a supervisor would in the admin UI; recorded in the audit log. */
  change(
    kind: string,
    id: string,
    changes: Record<string, unknown>,
    actor?: string,
  ): Promise<{ object: Json; audit: AuditEntry }> {
    return this.call('PATCH', `/objects/${kind}/${id}`, { changes, actor });
  }

  audit(filter: { kind?: string; since?: string } = {}): Promise<AuditEntry[]> {
    const query = new URLSearchParams(
      Object.entries(filter).filter(([, v]) => v) as [string, string][],
    ).toString();
    return this.call('GET', `/audit${query ? `?${query}` : ''}`);
  }

  metrics(): Promise<{
    total: { requests: number; status429: number; errors: number };
    routes: Record<string, { requests: number; status429: number; errors: number }>;
    tokens: Record<string, { requests: number; status429: number }>;
  }> {
    return this.call('GET', '/metrics');
  }

  resetMetrics(): Promise<unknown> {
    return this.call('POST', '/metrics/reset');
  }

  setFaults(rules: FaultRule[], seed?: string): Promise<unknown> {
    return this.call('PUT', '/faults', { rules, seed });
  }

  setRateLimits(limits: RateLimitOptions): Promise<unknown> {
    return this.call('PUT', '/rate-limits', limits);
  }

  reset(): Promise<unknown> {
    return this.call('POST', '/reset');
  }
}
