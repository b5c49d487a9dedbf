// The rate budget of one org: the per-token limit (Genesys: 300 requests a minute per client-credentials token),
// how many tokens a run may hold at once (each provider pool slot is one token), and the organization-wide
// route families. Defaults are data (route-families.json); a workspace overrides them in cxops.rate-budget.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CxError, workspaceRoot } from '@cxops/core';

export interface RouteFamily {
  name: string;
  /** Regular expression over the URL path (no query): which requests the family's org-wide limit counts. */
  pattern: string;
  /** Requests per window for the whole org; null = unknown, learned from the first 429 on the family. */
  limit: number | null;
  windowSeconds: number;
}

export interface RateBudget {
  perToken: { limit: number; windowSeconds: number };
  /** Tokens a run may hold at once, summed over every environment applied side by side. */
  maxTokens: number;
  families: RouteFamily[];
}

export const BUDGET_FILE = 'cxops.rate-budget.json';

const DEFAULTS_FILE = fileURLToPath(new URL('./route-families.json', import.meta.url));

export function defaultBudget(): RateBudget {
  return checkBudget(JSON.parse(readFileSync(DEFAULTS_FILE, 'utf8')), DEFAULTS_FILE);
}

/** The workspace's budget: the defaults with cxops.rate-budget.json (if any) laid over them. */
export function loadBudget(file = path.join(workspaceRoot(), BUDGET_FILE)): RateBudget {
  const defaults = defaultBudget();
  if (!existsSync(file)) return defaults;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CxError({
      action: 'read the rate budget',
      reason: `it is not valid JSON (${(error as Error).message})`,
      where: file,
      fix: 'fix the JSON, or delete the file to use the defaults (300 requests/min per token, 10 tokens)',
    });
  }
  const override = isObject(raw) ? raw : {};
  return checkBudget(
    {
      perToken: { ...defaults.perToken, ...(isObject(override.perToken) ? override.perToken : {}) },
      maxTokens: override.maxTokens ?? defaults.maxTokens,
      families: override.families ?? defaults.families,
    },
    file,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positive(value: unknown, field: string, file: string, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max)
    throw new CxError({
      action: 'read the rate budget',
      reason: `${field} must be a number above 0${max < Infinity ? ` and at most ${max}` : ''}, got ${JSON.stringify(value)}`,
      where: file,
      fix: `set ${field} to e.g. ${field.endsWith('windowSeconds') ? 60 : field === 'maxTokens' ? 10 : 300}`,
    });
  return value;
}

/** Validates a budget read from JSON; every message names the file and the field. */
export function checkBudget(raw: unknown, file: string): RateBudget {
  if (!isObject(raw) || !isObject(raw.perToken) || !Array.isArray(raw.families))
    throw new CxError({
      action: 'read the rate budget',
      reason: 'it needs perToken {limit, windowSeconds}, maxTokens and families [...]',
      where: file,
    });
  const families = raw.families.map((entry: unknown, i: number): RouteFamily => {
    const field = `families[${i}]`;
    if (!isObject(entry) || typeof entry.name !== 'string' || typeof entry.pattern !== 'string')
      throw new CxError({
        action: 'read the rate budget',
        reason: `${field} needs a name and a pattern (a regular expression over the URL path)`,
        where: file,
      });
    try {
      new RegExp(entry.pattern);
    } catch (error) {
      throw new CxError({
        action: 'read the rate budget',
        reason: `${field}.pattern is not a regular expression (${(error as Error).message})`,
        where: file,
      });
    }
    return {
      name: entry.name,
      pattern: entry.pattern,
      limit:
        entry.limit === null || entry.limit === undefined
          ? null
          : positive(entry.limit, `${field}.limit`, file),
      windowSeconds: positive(entry.windowSeconds ?? 60, `${field}.windowSeconds`, file),
    };
  });
  return {
    perToken: {
      limit: positive(raw.perToken.limit, 'perToken.limit', file),
      windowSeconds: positive(raw.perToken.windowSeconds, 'perToken.windowSeconds', file),
    },
    // Each provider pool holds 1..20 tokens (v1.82.0); side by side environments add their pools up.
    maxTokens: Math.floor(positive(raw.maxTokens, 'maxTokens', file, 500)),
    families,
  };
}

/** Requests per second the budget allows `tokens` tokens, before any family limit. */
export function tokenRate(budget: RateBudget, tokens: number): number {
  return (tokens * budget.perToken.limit) / budget.perToken.windowSeconds;
}
