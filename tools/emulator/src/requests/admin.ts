// Checks for the admin routes' bodies: a supervisor's change, fault rules, rate limits.
import {
  anything,
  arrayOf,
  boolean,
  body,
  number,
  objectOf,
  recordOf,
  requiredText,
  string,
} from '../check.ts';
import { badRequest } from '../errors.ts';
import type { FaultRule } from '../faults.ts';
import type { RateLimitOptions } from '../rate-limit.ts';

/**
 * {"actor": "jane.supervisor", "changes": {"mediaSettings.call.alertingTimeoutSeconds": 12}}. The route reads
 * both with its own rules: changes must be a non-empty object, and any actor but a string is "admin-ui".
 */
export const changeRequest = body<{ actor?: unknown; changes?: unknown }>({
  actor: anything,
  changes: anything,
});

const faultRule = objectOf<FaultRule>({
  method: string,
  route: requiredText,
  status: number,
  retryAfterSeconds: number,
  latencyMs: number,
  drop: boolean,
  probability: number,
  times: number,
});

export const faultsRequest = body<{ rules: FaultRule[]; seed?: string }>({
  rules: (value, field) => {
    if (!Array.isArray(value)) throw badRequest('rules must be an array of fault rules.', field);
    return arrayOf(faultRule)(value, field) ?? [];
  },
  // A seed that is not a string keeps the current one, as it always did.
  seed: (value) => (typeof value === 'string' ? value : undefined),
});

const family = objectOf<{ name: string; pattern: string; limit: number }>({
  name: requiredText,
  pattern: requiredText,
  limit: (value, field) => {
    if (typeof value !== 'number' || !(value > 0)) throw badRequest('limit must be a number above 0.', field);
    return value;
  },
});

export const rateLimitsRequest = body<RateLimitOptions>({
  perToken: number,
  windowSeconds: number,
  perRoute: recordOf(number),
  tokenEndpoint: number,
  families: arrayOf(family),
});
