// Every module example, with the real genesyscloud provider against an emulated org of its own:
// apply → a second plan is empty → change one attribute of each resource type → the plan is exactly those
// updates → apply → empty again → destroy → the org holds nothing the example made.
import { afterAll, describe, expect, it } from 'vitest';
import { changeKind, effectiveChanges, type PlanJson } from '@cxops/plan';
import {
  objectsCreatedInOrg,
  rootUnderTest,
  scratchWorkspace,
  startEmulatedOrg,
  type EmulatedOrg,
} from '@cxops/test-support/provider-harness';
import { moduleExamples } from '@cxops/test-support/tree';

interface ExampleRoundTrip {
  module: string;
  /** Override files (name → HCL) that change one attribute of each resource type the example manages. */
  change: Record<string, string>;
  /** The plan after the change, exactly: "<action> <address>" sorted. */
  expected: string[];
}

const EXAMPLES: ExampleRoundTrip[] = [
  {
    // A skill has one attribute, its name, and the provider can only replace it: a rename is a new skill.
    module: 'skills',
    change: {
      skills: `module "skills" {\n  skills = ["Example - Networking", "Example - Tier 3"]\n}\n`,
    },
    expected: [
      'create module.skills.genesyscloud_routing_skill.this["Example - Tier 3"]',
      'delete module.skills.genesyscloud_routing_skill.this["Example - Tier 2"]',
    ],
  },
  {
    module: 'wrapup-codes',
    change: {
      codes: `module "wrapup_codes" {
  wrapup_codes = [
    { name = "Example - Resolved", description = "The customer's issue was solved on this contact" },
    { name = "Example - Follow-up Needed", description = "Someone must call the customer back" },
  ]
}
`,
    },
    expected: [
      'update module.wrapup_codes.genesyscloud_routing_wrapupcode.this["Example - Follow-up Needed"]',
    ],
  },
  {
    module: 'permissions',
    change: {
      permissions: `module "permissions" {
  divisions = [{ name = "Example Division", description = "Renamed purpose: the example team" }]
  roles = [
    {
      name        = "Example Queue Viewer"
      description = "Can see queues, their live statistics and their members"
      permission_policies = [
        { domain = "routing", entity_name = "queue", action_set = ["view"] },
        { domain = "analytics", entity_name = "queueObservation", action_set = ["view"] },
      ]
    },
  ]
}
`,
    },
    expected: [
      'update module.permissions.genesyscloud_auth_division.this["Example Division"]',
      'update module.permissions.genesyscloud_auth_role.this["Example Queue Viewer"]',
    ],
  },
  {
    module: 'users',
    change: {
      permissions: `module "permissions" {\n  existing_roles = ["employee", "Supervisor"]\n}\n`,
      users: `module "users" {
  users = [
    {
      email  = "example.agent.one@example.com"
      name   = "Example Agent One"
      title  = "Support Agent"
      skills = { "Example - Networking" = 3 }
    },
    {
      email = "example.agent.two@example.com"
      name  = "Example Agent Two"
      title = "Senior Support Agent"
      roles = ["Supervisor"]
    },
  ]
}
`,
    },
    expected: [
      'update module.users.genesyscloud_user.this["example.agent.two@example.com"]',
      'update module.users.genesyscloud_user_roles.this["example.agent.two@example.com"]',
    ],
  },
  {
    module: 'queues',
    change: {
      codes: `module "wrapup_codes" {\n  wrapup_codes = [{ name = "Example - Resolved" }, { name = "Example - Escalated", description = "Passed to tier 2" }]\n}\n`,
      users: `module "users" {
  users = [
    { email = "example.queue.agent@example.com", name = "Example Queue Agent" },
    { email = "example.queue.lead@example.com", name = "Example Queue Lead", title = "Team Lead" },
  ]
}
`,
      queues: `module "queues" {
  queues = [
    {
      name           = "Example - Phone"
      description    = "80 % of calls answered within 20 seconds"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      wrapup_codes   = ["Example - Escalated"]
      members = {
        "example.queue.agent@example.com" = 1
        "example.queue.lead@example.com"  = 2
      }
    },
    {
      name              = "Example - Email"
      media_settings    = { email = { service_level_percentage = 0.9, service_level_duration_ms = 14400000 } }
      acw_wrapup_prompt = "OPTIONAL"
      description       = "Replies within 4 hours"
    },
  ]
}
`,
    },
    expected: [
      'update module.queues.genesyscloud_routing_queue.this["Example - Email"]',
      'update module.users.genesyscloud_user.this["example.queue.lead@example.com"]',
      'update module.wrapup_codes.genesyscloud_routing_wrapupcode.this["Example - Escalated"]',
    ],
  },
  {
    module: 'flows',
    change: {
      inbound: `module "inbound_flows" {
  flows = [{
    name          = "Example Inbound Call"
    filepath      = "flows/inbound-call.yaml"
    queues        = { support_queue = "Example - Flow Queue" }
    substitutions = { greeting = "Thanks for calling the example line." }
  }]
}
`,
      queues: `module "queues" {
  queues = [{
    name           = "Example - Flow Queue"
    description    = "Calls the example inbound flow transfers"
    media_settings = { call = {} }
    in_queue_flow  = "Example In-Queue Call"
  }]
}
`,
    },
    expected: [
      'update module.inbound_flows.genesyscloud_flow.this["Example Inbound Call"]',
      'update module.queues.genesyscloud_routing_queue.this["Example - Flow Queue"]',
    ],
  },
  {
    module: 'department',
    change: {
      department: `module "department" {
  wrapup_codes = [{ name = "Example - Dept Resolved", description = "Solved on this contact, no follow-up" }]

  inbound_flows = [{
    name          = "Example Dept Inbound Call"
    filepath      = "flows/inbound-call.yaml"
    queues        = { support_queue = "Example - Dept Phone" }
    substitutions = { greeting = "Thanks for calling the example department." }
  }]

  queues = [
    {
      name           = "Example - Dept Phone"
      description    = "Calls the inbound flow transfers"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow  = "Example Dept In-Queue Call"
      members        = { "example.dept.agent@example.com" = 1 }
    },
    {
      name              = "Example - Dept Email"
      media_settings    = { email = {} }
      acw_wrapup_prompt = "OPTIONAL"
    },
  ]

  users = [
    {
      email  = "example.dept.agent@example.com"
      name   = "Example Dept Agent"
      title  = "Senior Support Agent"
      skills = { "Example - Dept Networking" = 3 }
    },
    {
      email = "example.dept.lead@example.com"
      name  = "Example Dept Lead"
      title = "Team Lead"
    },
  ]
}
`,
    },
    expected: [
      'update module.department.module.inbound_flows.genesyscloud_flow.this["Example Dept Inbound Call"]',
      'update module.department.module.queues.genesyscloud_routing_queue.this["Example - Dept Phone"]',
      'update module.department.module.users.genesyscloud_user.this["example.dept.agent@example.com"]',
      'update module.department.module.wrapup_codes.genesyscloud_routing_wrapupcode.this["Example - Dept Resolved"]',
    ],
  },
  {
    module: 'org',
    change: {
      org: `module "org" {
  divisions = [{ name = "Example Org Division", description = "The example department and its partners" }]

  roles = [{
    name                = "Example Org Agent"
    description         = "Sees and joins queues, and nothing else"
    permission_policies = [{ domain = "routing", entity_name = "queue", action_set = ["view", "join"] }]
  }]

  shared_wrapup_codes = [{ name = "Example - Org Transferred", description = "Handed to another queue or agent" }]
}
`,
    },
    expected: [
      'update module.org.module.permissions.genesyscloud_auth_division.this["Example Org Division"]',
      'update module.org.module.permissions.genesyscloud_auth_role.this["Example Org Agent"]',
      'update module.org.module.wrapup_codes.genesyscloud_routing_wrapupcode.this["Example - Org Transferred"]',
    ],
  },
];

/** What a plan does, one "<action> <address>" line per changed resource, sorted. */
function actions(plan: PlanJson): string[] {
  return effectiveChanges(plan)
    .map((rc) => `${changeKind(rc.change)} ${rc.address}`)
    .sort();
}

const orgs: EmulatedOrg[] = [];
afterAll(async () => {
  await Promise.all(orgs.map((org) => org.stop()));
});

describe('the round trips', () => {
  it('cover every module example in the tree (a new example needs its change here)', () => {
    expect(EXAMPLES.map((e) => `modules/${e.module}/examples/basic`).sort()).toEqual(moduleExamples());
  });
});

describe.concurrent('module examples against the emulated org, with the real provider', () => {
  for (const example of EXAMPLES) {
    it(`${example.module}: apply, re-plan empty, change each resource type, apply, destroy`, async () => {
      const org = await startEmulatedOrg();
      orgs.push(org);
      const workspace = await scratchWorkspace();
      const root = await rootUnderTest(workspace, `modules/${example.module}/examples/basic`, org);

      await root.apply();
      const second = await root.plan();
      expect(actions(second.plan), 'a second plan right after apply').toEqual([]);
      expect(second.changes).toBe(false);

      for (const [name, hcl] of Object.entries(example.change)) await root.override(`change_${name}`, hcl);
      const changed = await root.plan();
      expect(actions(changed.plan)).toEqual(example.expected);

      await root.apply();
      expect(actions((await root.plan()).plan), 'a plan right after applying the change').toEqual([]);

      await root.destroy();
      expect(objectsCreatedInOrg(org)).toEqual({});
    }, 900_000);
  }
});
