// vitest matchers for plans. Import once in a test file (`import '@cxops/plan/matchers'`), then:
//   expect(plan).toCreate('genesyscloud_routing_queue')
//   expect(plan).toChangeAttribute({ name: 'Billing' }, 'acw_timeout_ms', 30000, 60000)
// Unknown-aware: a value known only after apply never counts as absent, and only `unknownAfterApply` matches it.
import { expect } from 'vitest';
import { changeKind, type ChangeKind, type PlanJson, type ResourceChange } from './model.ts';
import { describeSelector, effectiveChanges, selectChanges, type Selector } from './select.ts';
import {
  afterAt,
  beforeAt,
  isSensitiveAfter,
  isSensitiveBefore,
  REDACTED,
  type Lookup,
  type Path,
} from './values.ts';
import type { LoadedPlan } from './load.ts';

/** Use as the expected value of toChangeAttribute to assert "known only after apply". */
export const unknownAfterApply = Symbol.for('cxops.unknownAfterApply');
/** Use as `from` to assert the attribute did not exist before (a create). */
export const absent = Symbol.for('cxops.absent');

interface MatcherContext {
  isNot: boolean;
  equals: (a: unknown, b: unknown) => boolean;
  utils: { printReceived: (v: unknown) => string; printExpected: (v: unknown) => string };
}

function asPlan(received: unknown, matcher: string): PlanJson {
  const value =
    received && typeof received === 'object' && 'plan' in received ? (received as LoadedPlan).plan : received;
  if (!value || typeof value !== 'object' || typeof (value as PlanJson).format_version !== 'string') {
    throw new TypeError(
      `${matcher}: expected a plan (loadPlan() result or plan JSON object), got ${typeof received}`,
    );
  }
  return value as PlanJson;
}

function summarize(changes: ResourceChange[]): string {
  if (changes.length === 0) return 'no matching resource in the plan';
  return changes.map((rc) => `${rc.address}: ${changeKind(rc.change)}`).join('\n');
}

function kindMatcher(kind: ChangeKind, name: string) {
  return function (this: MatcherContext, received: unknown, selector: Selector) {
    const plan = asPlan(received, name);
    const matching = selectChanges(plan, selector);
    const pass = matching.some((rc) => changeKind(rc.change) === kind);
    return {
      pass,
      message: () =>
        pass
          ? `expected the plan not to ${kind} ${describeSelector(selector)}, but it does:\n${summarize(matching.filter((rc) => changeKind(rc.change) === kind))}`
          : `expected the plan to ${kind} ${describeSelector(selector)}; what it does instead:\n${summarize(matching)}`,
      actual: matching.map((rc) => `${rc.address}: ${changeKind(rc.change)}`),
      expected: kind,
    };
  };
}

function show(lookup: Lookup, sensitive: boolean): unknown {
  if (lookup.state === 'unknown') return '(known after apply)';
  if (lookup.state === 'absent') return '(absent)';
  return sensitive ? REDACTED : lookup.value;
}

function lookupMatches(ctx: MatcherContext, lookup: Lookup, expected: unknown): boolean {
  if (expected === unknownAfterApply) return lookup.state === 'unknown';
  if (expected === absent) return lookup.state === 'absent';
  return lookup.state === 'known' && ctx.equals(lookup.value, expected);
}

expect.extend({
  toCreate: kindMatcher('create', 'toCreate'),
  toUpdate: kindMatcher('update', 'toUpdate'),
  toDelete: kindMatcher('delete', 'toDelete'),
  toReplace: kindMatcher('replace', 'toReplace'),

  toHaveNoChanges(this: MatcherContext, received: unknown, selector?: Selector) {
    const plan = asPlan(received, 'toHaveNoChanges');
    const changes =
      selector === undefined
        ? effectiveChanges(plan)
        : selectChanges(plan, selector).filter((rc) => !['no-op', 'read'].includes(changeKind(rc.change)));
    const pass = changes.length === 0;
    const scope = selector === undefined ? 'the plan' : describeSelector(selector);
    return {
      pass,
      message: () =>
        pass
          ? `expected changes to ${scope}, but there are none`
          : `expected no changes to ${scope}; found:\n${summarize(changes)}`,
      actual: changes.map((rc) => rc.address),
      expected: [],
    };
  },

  toChangeAttribute(
    this: MatcherContext,
    received: unknown,
    selector: Selector,
    path: string | Path,
    from: unknown,
    to: unknown,
  ) {
    const plan = asPlan(received, 'toChangeAttribute');
    if (path === undefined || (typeof path !== 'string' && !Array.isArray(path))) {
      throw new TypeError('toChangeAttribute: the attribute path must be a string ("a.0.b") or an array');
    }
    const matching = selectChanges(plan, selector);
    const observed = matching.map((rc) => ({
      address: rc.address,
      before: beforeAt(rc.change, path),
      after: afterAt(rc.change, path),
      sensitive: isSensitiveBefore(rc.change, path) || isSensitiveAfter(rc.change, path),
    }));
    const pass = observed.some(
      (o) => lookupMatches(this, o.before, from) && lookupMatches(this, o.after, to),
    );
    const described =
      observed
        .map(
          (o) =>
            `${o.address}: ${JSON.stringify(show(o.before, o.sensitive))} → ${JSON.stringify(show(o.after, o.sensitive))}`,
        )
        .join('\n') || 'no matching resource in the plan';
    const label = (v: unknown) =>
      v === unknownAfterApply ? '(known after apply)' : v === absent ? '(absent)' : v;
    return {
      pass,
      message: () =>
        `expected ${describeSelector(selector)} ${pass ? 'not ' : ''}to change ${String(path)} from ${JSON.stringify(label(from))} to ${JSON.stringify(label(to))}; the plan has:\n${described}`,
      actual: described,
      expected: `${JSON.stringify(label(from))} → ${JSON.stringify(label(to))}`,
    };
  },
});

interface PlanMatchers<R = unknown> {
  toCreate(selector: Selector): R;
  toUpdate(selector: Selector): R;
  toDelete(selector: Selector): R;
  toReplace(selector: Selector): R;
  toHaveNoChanges(selector?: Selector): R;
  toChangeAttribute(selector: Selector, path: string | Path, from: unknown, to: unknown): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends PlanMatchers<T> {}
}
