// Types that tie plan assertions to the provider's schema (src/generated/genesyscloud.ts). A selector that names
// a genesyscloud resource type — the type itself, `{ type: … }`, an address, or the resource type given as a
// type parameter — makes attribute names and values type-checked; anything else (terraform_data, a name-only
// selector) stays untyped, as before.
import type { GenesysResourceSchemas } from './generated/genesyscloud.ts';
import type { Path } from './values.ts';

export type GenesysResourceType = keyof GenesysResourceSchemas;
export type AttributesOf<R extends GenesysResourceType> = GenesysResourceSchemas[R]['attributes'];
export type PathsOf<R extends GenesysResourceType> = GenesysResourceSchemas[R]['paths'];
/** A dotted attribute path of R: "acw_timeout_ms", "media_settings_call.0.alerting_timeout_sec". */
export type AttributePath<R extends GenesysResourceType> = keyof PathsOf<R> & string;
export type ValueAt<R extends GenesysResourceType, P extends AttributePath<R>> = PathsOf<R>[P];

/**
 * The genesyscloud resource type a selector string names: the type itself, or the type inside an address
 * (`module.queues.genesyscloud_routing_queue.this["Billing"]`); never for anything else.
 */
export type ResourceTypeIn<S> = S extends GenesysResourceType
  ? S
  : S extends string
    ? { [K in GenesysResourceType]: S extends `${string}${K}.${string}` ? K : never }[GenesysResourceType]
    : never;

/** The fields of an object selector besides its type. */
export interface SelectorFields {
  address?: string;
  /** The Terraform resource name (`this` in genesyscloud_routing_queue.this["Billing"]). */
  resourceName?: string;
  /** The object's `name` attribute (a queue called "Billing"), before or after the change. */
  name?: string;
  /** The instance key (`for_each` key or `count` index): "Billing", "ana@example.com". */
  key?: string | number;
}

/** Attribute values a selected change must have (planned values; prior values for a delete). */
export type WhereOf<T extends string> = [ResourceTypeIn<T>] extends [never]
  ? Record<string, unknown>
  : Partial<AttributesOf<ResourceTypeIn<T>>>;

/**
 * A selector whose resource type T is read by the compiler: a type or address string, or an object with
 * `type`. A bare `genesyscloud_*` type the modules do not use is refused, which catches misspelt types.
 */
export type TypedSelector<T extends string> =
  | CheckedTypeName<T>
  | ({ type?: CheckedTypeName<T> } & SelectorFields & { where?: WhereOf<T> });

/**
 * T itself (from which the compiler infers T); for a `genesyscloud_*` type the modules do not use, a type no
 * string is assignable to, whose name says why.
 */
type CheckedTypeName<T extends string> = T &
  (T extends `genesyscloud_${string}`
    ? T extends `${string}.${string}` | GenesysResourceType
      ? T
      : { 'is not a genesyscloud resource type the modules use (see GENESYS_RESOURCE_TYPES)': true }
    : T);

/** Use as the expected value of toChangeAttribute to assert "known only after apply". */
export const unknownAfterApply: unique symbol = Symbol.for('cxops.unknownAfterApply');
/** Use as `from` to assert the attribute did not exist before (a create). */
export const absent: unique symbol = Symbol.for('cxops.absent');

export type Expected<V> = V | typeof unknownAfterApply | typeof absent;

type TypedChangeArgs<R extends GenesysResourceType> = {
  [P in AttributePath<R>]: [path: P, from: Expected<ValueAt<R, P>>, to: Expected<ValueAt<R, P>>];
}[AttributePath<R>];

/** `path, from, to` of toChangeAttribute: checked against R's schema when the selector names R. */
export type AttributeChangeArgs<T extends string> = [ResourceTypeIn<T>] extends [never]
  ? [path: string | Path, from: unknown, to: unknown]
  : TypedChangeArgs<ResourceTypeIn<T>>;

/** Paths and value types of what a selector selects (untyped: any path, unknown values). */
export type SelectedPaths<T extends string> = [ResourceTypeIn<T>] extends [never]
  ? Record<string, unknown>
  : PathsOf<ResourceTypeIn<T>>;
export type SelectedAttributes<T extends string> = [ResourceTypeIn<T>] extends [never]
  ? Record<string, unknown>
  : AttributesOf<ResourceTypeIn<T>>;
