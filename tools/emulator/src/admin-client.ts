// A client for the emulator's /__admin routes, used by `cxops emulator …` and by tests. It builds its URLs from
// the route patterns the server registers (paths.ts), so the two cannot drift apart.
import { isJsonObject } from './check.ts';
import type { FaultRule } from './faults.ts';
import type { Metrics } from './metrics.ts';
import type { AuditLogMessage } from './model/audit.ts';
import type { JsonObject } from './model/common.ts';
import {
  ADMIN_FAULTS,
  ADMIN_METRICS,
  ADMIN_METRICS_RESET,
  ADMIN_OBJECT,
  ADMIN_OBJECTS,
  ADMIN_RATE_LIMITS,
  ADMIN_RESET,
  pathTo,
} from './paths.ts';
import type { RateLimitOptions } from './rate-limit.ts';

export class EmulatorAdmin {
  constructor(readonly baseUrl: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const message = isJsonObject(parsed) && parsed.message !== undefined ? String(parsed.message) : text;
      throw new Error(`emulator ${method} ${path} answered ${response.status}: ${message}`);
    }
    // The answer of the admin route at `path`, which this class pairs with the type that route returns.
    return parsed as T;
  }

  objects(kind: string, name?: string): Promise<JsonObject[]> {
    const query = name ? `?${new URLSearchParams({ name }).toString()}` : '';
    return this.call('GET', `${pathTo(ADMIN_OBJECTS, { kind })}${query}`);
  }

  /**
   * Changes fields of one object as a person would in the admin UI. The org audits it under that person; the
   * message is returned (null when nothing changed).
   */
  change(
    kind: string,
    id: string,
    changes: Record<string, unknown>,
    actor?: string,
  ): Promise<{ object: JsonObject; audit: AuditLogMessage | null }> {
    return this.call('PATCH', pathTo(ADMIN_OBJECT, { kind, id }), { changes, actor });
  }

  metrics(): Promise<ReturnType<Metrics['snapshot']>> {
    return this.call('GET', ADMIN_METRICS);
  }

  resetMetrics(): Promise<unknown> {
    return this.call('POST', ADMIN_METRICS_RESET);
  }

  setFaults(rules: FaultRule[], seed?: string): Promise<unknown> {
    return this.call('PUT', ADMIN_FAULTS, { rules, seed });
  }

  setRateLimits(limits: RateLimitOptions): Promise<unknown> {
    return this.call('PUT', ADMIN_RATE_LIMITS, limits);
  }

  reset(): Promise<unknown> {
    return this.call('POST', ADMIN_RESET);
  }
}
