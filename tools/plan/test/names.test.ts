// Naming objects from the plan itself: ids from the prior state, objects created in the same plan through
// the configuration (a role grant's for_each over the users, a queue's members by email).
import { describe, expect, it } from 'vitest';
import {
  describeChange,
  GENESYS_RESOURCE_TYPES,
  OBJECT_NOUNS,
  planNames,
  type PlanJson,
} from '../src/index.ts';
import { plan, queue, rc } from './crafted.ts';

const state = (resources: object[]): PlanJson['prior_state'] => ({
  values: { root_module: { child_modules: [{ address: 'module.x', resources }] } },
});
const user = (key: string, id: string, name: string) => ({
  address: `module.x.genesyscloud_user.this["${key}"]`,
  mode: 'managed',
  type: 'genesyscloud_user',
  name: 'this',
  index: key,
  values: { id, name, email: key },
});
const role = (id: string, name: string) => ({
  address: `module.x.data.genesyscloud_auth_role.existing["${name}"]`,
  mode: 'data',
  type: 'genesyscloud_auth_role',
  name: 'existing',
  index: name,
  values: { id, name },
});
const division = {
  mode: 'data',
  type: 'genesyscloud_auth_division',
  name: 'd',
  values: { id: 'div-s', name: 'Sales' },
};

describe('the summary names objects the way the admin UI does', () => {
  it('has a noun for every resource type the modules use', () => {
    expect(GENESYS_RESOURCE_TYPES.filter((type) => !OBJECT_NOUNS[type])).toEqual([]);
  });

  it('names role grants by user and roles, and their changes by role name and division', () => {
    const grant = rc(
      'genesyscloud_user_roles',
      'ana@example.com',
      ['update'],
      { user_id: 'u-ana', roles: [{ role_id: 'r-agent', division_ids: ['div-s'] }] },
      {
        user_id: 'u-ana',
        roles: [
          { role_id: 'r-agent', division_ids: ['div-s'] },
          { role_id: 'r-emp', division_ids: ['*'] },
        ],
      },
    );
    const p = plan([grant], {
      prior_state: state([
        user('ana@example.com', 'u-ana', 'Ana Lopez'),
        role('r-agent', 'Agent'),
        role('r-emp', 'employee'),
        division,
      ]),
    });
    expect(describeChange(grant, planNames(p))).toBe(
      "✏️ Role grants of user 'Ana Lopez': roles +employee (all divisions)",
    );
  });

  it('names the user of a grant created with the user through the for_each the configuration gives', () => {
    const newUser = rc('genesyscloud_user', 'bo@example.com', ['create'], null, {
      name: 'Bo Chen',
      email: 'bo@example.com',
    });
    const grant = rc(
      'genesyscloud_user_roles',
      'bo@example.com',
      ['create'],
      null,
      { roles: [{ role_id: 'r-agent', division_ids: ['div-s'] }] },
      { after_unknown: { user_id: true } },
    );
    const configuration = {
      root_module: {
        module_calls: {
          x: {
            module: {
              resources: [
                {
                  address: 'genesyscloud_user_roles.this',
                  type: 'genesyscloud_user_roles',
                  name: 'this',
                  for_each_expression: { references: ['genesyscloud_user.this', 'local.roles'] },
                },
              ],
            },
          },
        },
      },
    };
    const p = plan([newUser, grant], {
      configuration,
      prior_state: state([role('r-agent', 'Agent'), division]),
    });
    expect(describeChange(grant, planNames(p))).toBe(
      "➕ Role grants of user 'Bo Chen' created: roles Agent (Sales)",
    );
    // Without the configuration there is nothing to correlate on: the key, never a guess.
    expect(describeChange(grant, planNames(plan([newUser, grant])))).toBe(
      "➕ Role grants of user 'bo@example.com' created: roles 1 more",
    );
  });

  it('names queue members by user, including users created in the same plan', () => {
    const before = queue('Billing', { members: [{ user_id: 'u-ana', ring_num: 1 }] });
    const after = queue('Billing', { members: [{ user_id: 'u-ana', ring_num: 2 }, { ring_num: 1 }] });
    const change = rc('genesyscloud_routing_queue', 'Billing', ['update'], before, after, {
      after_unknown: { members: [{}, { user_id: true }] },
    });
    const newUser = rc('genesyscloud_user', 'bo@example.com', ['create'], null, {
      name: 'Bo Chen',
      email: 'bo@example.com',
    });
    const configuration = {
      root_module: {
        module_calls: {
          department: {
            expressions: {
              queues: {
                constant_value: [{ name: 'Billing', members: { 'ana@example.com': 2, 'bo@example.com': 1 } }],
              },
            },
          },
        },
      },
    };
    const p = plan([change, newUser], {
      configuration,
      prior_state: state([user('ana@example.com', 'u-ana', 'Ana Lopez')]),
    });
    expect(describeChange(change, planNames(p))).toBe(
      "✏️ Queue 'Billing': members +Bo Chen, Ana Lopez ring 1 → 2",
    );
  });

  it('names a flow by the flow name it is published with', () => {
    const flow = rc(
      'genesyscloud_flow',
      'Main',
      ['create'],
      null,
      { substitutions: { flow_name: 'Main IVR' } },
      { after_unknown: { name: true } },
    );
    expect(describeChange(flow)).toBe("➕ Flow 'Main IVR' created");
  });
});
