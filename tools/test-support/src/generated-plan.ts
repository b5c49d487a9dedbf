// Large synthetic plans for the benchmarks, in the shape `tofu show -json` writes: contact-center objects
// across 40 module instances, mostly creates, updates and no-ops, queues with 20 members each.
import { writeFileSync } from 'node:fs';
import type { ResourceChange } from '@cxops/plan';

const TYPES = [
  'genesyscloud_routing_queue',
  'genesyscloud_user',
  'genesyscloud_routing_skill',
  'genesyscloud_routing_wrapupcode',
  'genesyscloud_flow',
];

export interface GeneratedPlan {
  /** Every 50th change is a delete (a fifth of them queues), as in a large clean-up. */
  deletes?: boolean;
  /** Adds what the policy comparison looks for: one queue delete and one role granting `*:*:*`. */
  planted?: boolean;
}

/** Writes a plan of `resources` changes (plus the planted role) to `file`. */
export function writePlan(file: string, resources: number, options: GeneratedPlan = {}): void {
  const changes: ResourceChange[] = [];
  for (let i = 0; i < resources; i++) changes.push(change(i, kindOf(i, options)));
  if (options.planted) {
    changes[0] = change(0, 'delete');
    changes.push(wildcardRole());
  }
  writeFileSync(
    file,
    JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.12.6',
      resource_changes: changes,
      prior_state: { values: { root_module: { resources: [] } } },
    }),
  );
}

type Kind = 'create' | 'update' | 'delete' | 'no-op';

function kindOf(i: number, options: GeneratedPlan): Kind {
  if (options.deletes && i % 50 === 0) return 'delete';
  if (i % 7 === 0) return 'update';
  if (i % 3 === 0) return 'no-op';
  return 'create';
}

function change(i: number, kind: Kind): ResourceChange {
  const type = TYPES[i % TYPES.length]!;
  const members = Array.from({ length: type === 'genesyscloud_routing_queue' ? 20 : 0 }, (_, m) => ({
    user_id: `user-${m}`,
    ring_num: 1,
  }));
  const description = 'x'.repeat(80);
  const before =
    kind === 'create'
      ? null
      : { id: `id-${i}`, name: `Object ${i}`, acw_timeout_ms: 30000, members, description };
  const after =
    kind === 'delete'
      ? null
      : { name: `Object ${i}`, acw_timeout_ms: kind === 'update' ? 60000 : 30000, members, description };
  return {
    address: `module.m${i % 40}.${type}.this["Object ${i}"]`,
    mode: 'managed',
    type,
    name: 'this',
    index: `Object ${i}`,
    change: {
      actions: [kind],
      before,
      after,
      after_unknown: kind === 'create' ? { id: true } : {},
      before_sensitive: {},
      after_sensitive: {},
    },
  };
}

function wildcardRole(): ResourceChange {
  return {
    address: 'module.security.genesyscloud_auth_role.this["Everything"]',
    mode: 'managed',
    type: 'genesyscloud_auth_role',
    name: 'this',
    index: 'Everything',
    change: {
      actions: ['create'],
      before: null,
      after: {
        name: 'Everything',
        permissions: [],
        permission_policies: [{ domain: '*', entity_name: '*', action_set: ['*'] }],
      },
      after_unknown: { id: true },
      before_sensitive: {},
      after_sensitive: {},
    },
  };
}
