import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluatePolicies,
  loadPolicyConfig,
  policyDocs,
  policyDocsPage,
  policyMarkdown,
  RULES,
} from '../src/index.ts';
import { workspaceRoot } from '@cxops/core';
import { plan, queue, rc } from './crafted.ts';
import { tempDir } from '@cxops/test-support/paths';

const QUEUE = 'genesyscloud_routing_queue';

describe('no-destroy-protected', () => {
  it('blocks deleting a queue and replacing a flow, naming the override that would allow it', () => {
    const report = evaluatePolicies([
      {
        environment: 'support',
        plan: plan([
          rc(QUEUE, 'Billing', ['delete'], queue('Billing'), null),
          rc(
            'genesyscloud_flow',
            'Main IVR',
            ['delete', 'create'],
            { id: 'f1', name: 'Main IVR' },
            { name: 'Main IVR' },
            { replace_paths: [['division_id']] },
          ),
          rc('genesyscloud_routing_skill', 'Old', ['delete'], { id: 's', name: 'Old' }, null),
        ]),
      },
    ]);
    expect(report.passed).toBe(false);
    expect(report.blocking.map((f) => f.message)).toEqual([
      "Queue 'Billing' would be DELETED.",
      "Flow 'Main IVR' would be REPLACED (deleted, then created with a new id) because of division_id.",
    ]);
    expect(report.blocking[0]!.fix).toContain(
      '{"rule": "no-destroy-protected", "address": "module.x.genesyscloud_routing_queue.this[\\"Billing\\"]"',
    );
  });

  it('lets an override in the PR allow one object, still showing it', () => {
    const p = plan([
      rc(QUEUE, 'Billing', ['delete'], queue('Billing'), null),
      rc(QUEUE, 'Sales', ['delete'], queue('Sales'), null),
    ]);
    const report = evaluatePolicies([
      {
        environment: 'support',
        plan: p,
        config: {
          overrides: [
            {
              rule: 'no-destroy-protected',
              address: 'module.x.genesyscloud_routing_queue.this["Billing"]',
              reason: 'queue merged into Accounts (CX-123)',
            },
          ],
        },
      },
    ]);
    expect(report.blocking.map((f) => f.address)).toEqual([
      'module.x.genesyscloud_routing_queue.this["Sales"]',
    ]);
    expect(report.findings.find((f) => f.overriddenBy)).toMatchObject({
      overriddenBy: { reason: 'queue merged into Accounts (CX-123)' },
    });
    expect(policyMarkdown(report)).toContain('🔓 allowed by override (queue merged into Accounts (CX-123))');
  });
});

describe('no-permission-escalation', () => {
  it('blocks a role with wildcard permissions or policies', () => {
    const role = rc('genesyscloud_auth_role', 'Ops', ['create'], null, {
      name: 'Ops',
      permissions: ['routing:*:*'],
      permission_policies: [{ domain: 'directory', entity_name: '*', action_set: ['view'] }],
    });
    const report = evaluatePolicies([{ environment: 'org', plan: plan([role]) }]);
    expect(report.blocking).toHaveLength(1);
    expect(report.blocking[0]!.message).toBe(
      "Role 'Ops' grants wildcard permissions: routing:*:*; directory:*:view.",
    );
  });

  it('blocks granting the admin role (resolved through prior state) and warns when roles are unknown', () => {
    const priorState = {
      values: {
        root_module: {
          resources: [{ type: 'genesyscloud_auth_role', values: { id: 'role-admin', name: 'admin' } }],
        },
      },
    };
    const grant = rc(
      'genesyscloud_user_roles',
      'ana',
      ['update'],
      { user_id: 'u1', roles: [] },
      { user_id: 'u1', roles: [{ role_id: 'role-admin', division_ids: [] }] },
    );
    const unknown = rc(
      'genesyscloud_user_roles',
      'bo',
      ['create'],
      null,
      { user_id: 'u2' },
      { after_unknown: { roles: true } },
    );
    const report = evaluatePolicies([
      { environment: 'support', plan: plan([grant, unknown], { prior_state: priorState }) },
    ]);
    expect(report.findings.map((f) => f.message)).toEqual([
      // No user of that id in the plan: the grant is named by its key (an email in the modules), not its address.
      "Role grants of user 'ana' is granted the admin role 'admin'.",
      "Role grants of user 'bo': the granted roles are known only after apply, so escalation cannot be ruled out.",
    ]);
  });
});

describe('blast-radius', () => {
  it('blocks a plan above the cap, and the cap is configurable per environment', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      rc('genesyscloud_routing_skill', `S${i}`, ['create'], null, { name: `S${i}` }),
    );
    const strict = evaluatePolicies([
      { environment: 'sales', plan: plan(many), config: { rules: { 'blast-radius': { maxChanges: 10 } } } },
    ]);
    expect(strict.blocking.map((f) => f.message)).toEqual(['This plan changes 12 objects; the cap is 10.']);
    const relaxed = evaluatePolicies([
      { environment: 'sales', plan: plan(many), config: { rules: { 'blast-radius': { maxChanges: 20 } } } },
    ]);
    expect(relaxed.passed).toBe(true);
  });
});

describe('flow-rename', () => {
  it('flags a flow whose name changes (a new flow is created, the old left behind)', () => {
    const renamed = rc(
      'genesyscloud_flow',
      'ivr',
      ['update'],
      { id: 'f', name: 'Main IVR' },
      { name: 'Main IVR 2024' },
    );
    const report = evaluatePolicies([{ environment: 'support', plan: plan([renamed]) }]);
    expect(report.findings).toMatchObject([
      {
        rule: 'flow-rename',
        severity: 'warning',
        message:
          "Flow 'Main IVR' is renamed to 'Main IVR 2024': Genesys will create a new flow and leave 'Main IVR' behind.",
      },
    ]);
    expect(report.passed).toBe(true);
  });
});

describe('single-owner', () => {
  it('flags the same queue managed by two roots, in both', () => {
    const report = evaluatePolicies([
      { environment: 'sales', plan: plan([rc(QUEUE, 'Shared', ['create'], null, queue('Shared'))]) },
      {
        environment: 'support',
        plan: plan([rc(QUEUE, 'shared', ['no-op'], queue('shared'), queue('shared'))]),
      },
    ]);
    expect(report.blocking.map((f) => [f.environment, f.message])).toEqual([
      [
        'sales',
        `Queue 'Shared' is also managed by support (module.x.genesyscloud_routing_queue.this["shared"]).`,
      ],
      [
        'support',
        `Queue 'shared' is also managed by sales (module.x.genesyscloud_routing_queue.this["Shared"]).`,
      ],
    ]);
  });

  it('can be disabled per environment', () => {
    const report = evaluatePolicies([
      {
        environment: 'sales',
        plan: plan([rc(QUEUE, 'Shared', ['create'], null, queue('Shared'))]),
        config: { rules: { 'single-owner': { enabled: false } } },
      },
      {
        environment: 'support',
        plan: plan([rc(QUEUE, 'Shared', ['create'], null, queue('Shared'))]),
        config: { rules: { 'single-owner': { enabled: false } } },
      },
    ]);
    expect(report.findings).toEqual([]);
  });
});

describe('policy configuration files', () => {
  it('reads cxops.policy.json and cxops.overrides.json beside the environment', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'cxops.policy.json'),
      JSON.stringify({ rules: { 'blast-radius': { maxChanges: 5 } } }),
    );
    await writeFile(
      path.join(dir, 'cxops.overrides.json'),
      JSON.stringify({ overrides: [{ rule: 'blast-radius', address: '*', reason: 'initial import' }] }),
    );
    expect(await loadPolicyConfig(dir)).toMatchObject({
      rules: { 'blast-radius': { maxChanges: 5 } },
      overrides: [{ rule: 'blast-radius' }],
    });
  });

  it('names the file, field and fix for an unknown rule, a missing reason or bad JSON', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'cxops.overrides.json'),
      JSON.stringify({ overrides: [{ rule: 'no-such-rule', address: '*', reason: 'x' }] }),
    );
    await expect(loadPolicyConfig(dir)).rejects.toMatchObject({
      message: expect.stringContaining('overrides[0].rule names the unknown rule "no-such-rule"'),
      details: { fix: expect.stringContaining('no-destroy-protected') },
    });
    await writeFile(
      path.join(dir, 'cxops.overrides.json'),
      JSON.stringify({ overrides: [{ rule: 'blast-radius', address: '*' }] }),
    );
    await expect(loadPolicyConfig(dir)).rejects.toThrow('overrides[0].reason is missing');
    await writeFile(path.join(dir, 'cxops.overrides.json'), '{');
    await expect(loadPolicyConfig(dir)).rejects.toThrow('is not valid JSON');
  });

  it('documents every rule with its reason, and docs/policies.md is current', async () => {
    const docs = policyDocs({ rules: RULES.map(({ id, title, why }) => ({ id, title, why })) });
    for (const rule of RULES) expect(docs).toContain(`### \`${rule.id}\``);
    const committed = await readFile(path.join(workspaceRoot(), 'docs', 'policies.md'), 'utf8');
    expect(committed, 'docs/policies.md is stale: run `npx cxops policies > docs/policies.md`').toBe(
      policyDocsPage(),
    );
  });
});
