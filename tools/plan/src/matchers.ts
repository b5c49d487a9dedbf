// vitest matchers for plans. Import once in a test file (`import '@cxops/plan/matchers'`), then:
//   expect(plan).toCreate('genesyscloud_routing_queue')
//   expect(plan).toChangeAttribute({ type: 'genesyscloud_routing_queue', name: 'Billing' }, 'acw_timeout_ms', 30000, 60000)
// Unknown-aware: a value known only after apply never counts as absent, and only `unknownAfterApply` matches it.
// Typed: when the selector names a genesyscloud resource type (or the type is given as the type parameter,
// `toChangeAttribute<'genesyscloud_routing_queue'>(…)`), attribute paths and values are checked against the
// provider's schema at compile time; other selectors (terraform_data, a bare name) stay untyped.
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
import { absent, unknownAfterApply, type AttributeChangeArgs, type TypedSelector } from './typed.ts';

export { absent, unknownAfterApply };

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
  toImport: kindMatcher('import', 'toImport'),

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
  toCreate<T extends string = string>(selector: TypedSelector<T>): R;
  toUpdate<T extends string = string>(selector: TypedSelector<T>): R;
  toDelete<T extends string = string>(selector: TypedSelector<T>): R;
  toReplace<T extends string = string>(selector: TypedSelector<T>): R;
  /** An existing object brought under management by an import block, with no change to it. */
  toImport<T extends string = string>(selector: TypedSelector<T>): R;
  toHaveNoChanges<T extends string = string>(selector?: TypedSelector<T>): R;
  /** `path, from, to`: for a genesyscloud type, a path of its schema and values of that attribute's type. */
  toChangeAttribute<T extends string = string>(
    selector: TypedSelector<T>,
    ...change: AttributeChangeArgs<T>
  ): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends PlanMatchers<T> {}
}
