// Genesys-shaped plans built in code. Real plans with genesyscloud_* resources need the provider binary,
// which this machine cannot obtain; these follow the exact `tofu show -json` format of the real ones above.
import type { Action, PlanJson, ResourceChange } from '../src/index.ts';

export function rc(
  type: string,
  key: string,
  actions: Action[],
  before: object | null,
  after: object | null,
  extra: Partial<ResourceChange['change']> = {},
): ResourceChange {
  return {
    address: `module.x.${type}.this["${key}"]`,
    module_address: 'module.x',
    mode: 'managed',
    type,
    name: 'this',
    index: key,
    provider_name: 'registry.opentofu.org/mypurecloud/genesyscloud',
    change: {
      actions,
      before,
      after,
      after_unknown: {},
      before_sensitive: {},
      after_sensitive: {},
      ...extra,
    },
  };
}

export function plan(changes: ResourceChange[], extra: Partial<PlanJson> = {}): PlanJson {
  return { format_version: '1.2', terraform_version: '1.12.6', resource_changes: changes, ...extra };
}

export const queue = (name: string, fields: object = {}) => ({
  id: `id-${name}`,
  name,
  acw_timeout_ms: 30000,
  members: [],
  wrapup_codes: [],
  ...fields,
});
