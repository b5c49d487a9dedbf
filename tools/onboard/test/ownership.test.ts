import { describe, expect, it } from 'vitest';
import { Findings } from '../src/findings.ts';
import { mapDepartment } from '../src/map-department.ts';
import { mapOrg } from '../src/map-org.ts';
import { assignOwners, folderOf } from '../src/ownership.ts';
import type { ApiQueue, ApiUser, OrgSnapshot } from '../src/snapshot.ts';

const media = (alerting: number) => ({
  call: {
    alertingTimeoutSeconds: alerting,
    serviceLevel: { percentage: 0.8, durationMs: 20000 },
    enableAutoAnswer: false,
  },
});
const queue = (id: string, name: string, division: string, extra: Partial<ApiQueue> = {}): ApiQueue => ({
  id,
  name,
  division: { id: division },
  mediaSettings: media(8),
  acwSettings: { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: 120000 },
  skillEvaluationMethod: 'ALL',
  autoAnswerOnly: true,
  scoringMethod: 'TimestampAndPriority',
  suppressInQueueCallRecording: true,
  ...extra,
});
const user = (id: string, email: string, division: string, skills: string[] = []): ApiUser => ({
  id,
  email,
  name: email.split('@')[0]!,
  state: 'active',
  division: { id: division },
  skills: skills.map((s) => ({ id: s, proficiency: 3 })),
});

function org(): OrgSnapshot {
  return {
    homeDivisionId: 'home',
    divisions: [
      { id: 'home', name: 'Home', homeDivision: true },
      { id: 'd-sales', name: 'Sales' },
      { id: 'd-care', name: 'Customer Care' },
    ],
    roles: [
      { id: 'r-emp', name: 'employee', defaultRoleId: 'employee' },
      {
        id: 'r-agent',
        name: 'Agent',
        permissionPolicies: [{ domain: 'routing', entityName: 'queue', actionSet: ['view', 'join'] }],
      },
    ],
    skills: [
      { id: 's-sales', name: 'Selling' },
      { id: 's-vip', name: 'VIP' },
      { id: 's-old', name: 'Old' },
    ],
    languages: [],
    wrapupCodes: [
      { id: 'c-sale', name: 'Sale', division: { id: 'd-sales' } },
      { id: 'c-moved', name: 'Moved', division: { id: 'home' } },
      { id: 'c-none', name: 'Unused', division: { id: 'home' } },
    ],
    queues: [queue('q-sales', 'Sales Phone', 'd-sales'), queue('q-care', 'Care Phone', 'd-care')],
    queueMembers: {
      'q-sales': [{ id: 'u-sam', ringNumber: 2 }, { id: 'u-cat' }],
      'q-care': [{ id: 'u-cat' }],
    },
    queueWrapupCodes: { 'q-sales': ['c-sale', 'c-moved'], 'q-care': [] },
    users: [
      user('u-sam', 'sam@example.com', 'd-sales', ['s-sales', 's-vip']),
      user('u-sue', 'sue@example.com', 'd-sales', ['s-sales']),
      user('u-cat', 'cat@example.com', 'd-care', ['s-vip']),
      user('u-pat', 'pat@example.com', 'home'),
    ],
    grants: {
      'u-sam': [
        { roleId: 'r-emp', divisionId: '*' },
        { roleId: 'r-agent', divisionId: 'd-sales' },
      ],
      'u-sue': [
        { roleId: 'r-emp', divisionId: '*' },
        { roleId: 'r-agent', divisionId: 'd-sales' },
        { roleId: 'r-agent', divisionId: 'd-care' },
      ],
      'u-cat': [],
    },
    flows: [],
    flowYaml: {},
  };
}

describe('who owns what', () => {
  it('makes one department per division but the home one, and places shared and unused objects by the rules', () => {
    const findings = new Findings();
    const ownership = assignOwners(org(), {}, findings);
    expect(ownership.departments.map((d) => [d.folder, d.division.name])).toEqual([
      ['customer-care', 'Customer Care'],
      ['sales', 'Sales'],
    ]);
    expect(Object.fromEntries(ownership.skills)).toEqual({ 's-sales': 'sales', 's-vip': 'org' });
    expect(Object.fromEntries(ownership.wrapupCodes)).toEqual({ 'c-sale': 'sales', 'c-moved': 'org' });
    expect(findings.of('decide').map((f) => `${f.type} ${f.name}`)).toEqual([
      'user pat@example.com',
      'skill Old',
      'wrapup code Unused',
    ]);
    expect(folderOf('Ventes & Après-vente')).toBe('ventes-apres-vente');
  });

  it('with a mapping file, places objects of one division by name pattern and lists what two patterns match', () => {
    const findings = new Findings();
    const ownership = assignOwners(
      org(),
      {
        departments: {
          phones: { division: 'Sales', queues: ['* Phone'] },
          sales: { division: 'Sales', queues: ['Sales *'], users: ['s*'] },
        },
        assign: { skills: { Old: 'org' } },
      },
      findings,
    );
    expect(ownership.queues.get('q-sales')).toBeUndefined();
    expect(findings.of('decide').map((f) => `${f.type} ${f.name}: ${f.detail}`)).toContain(
      "queue Sales Phone: in division 'Sales', matched by phones and sales",
    );
    expect(ownership.skills.get('s-old')).toBe('org');
  });

  it("writes a department's grants, members and codes exactly, and reports what it cannot", () => {
    const findings = new Findings();
    const snapshot = org();
    const ownership = assignOwners(snapshot, {}, findings);
    const sales = mapDepartment(ownership.departments[1]!, snapshot, ownership, findings, {
      adoptFlows: false,
    });
    const args = Object.fromEntries(sales.args.map((a) => [a.name, a.value]));
    expect(args).toMatchObject({
      division: 'Sales',
      skills: ['Selling'],
      shared_skills: ['VIP'],
      wrapup_codes: [{ name: 'Sale' }],
      shared_wrapup_codes: ['Moved'],
      default_wrapup_codes: ['Moved', 'Sale'],
      default_roles: ['Agent', 'employee'],
      org_wide_roles: ['employee'],
      queues: [{ name: 'Sales Phone', media_settings: { call: {} }, members: { 'sam@example.com': 2 } }],
    });
    expect(findings.of('differs').map((f) => `${f.type} ${f.name} ${f.attribute}`)).toEqual([
      'user roles sue@example.com roles (Agent).division_ids',
      'queue Sales Phone members',
    ]);
    expect(sales.imports.find((g) => g.to.endsWith('genesyscloud_user_roles.this'))!.ids).toEqual({
      'sam@example.com': 'u-sam',
      'sue@example.com': 'u-sue',
    });
    const orgRoot = mapOrg(snapshot, ownership, findings);
    expect(orgRoot.imports.map((g) => Object.keys(g.ids))).toEqual([
      ['Customer Care', 'Sales'],
      ['Agent'],
      ['VIP'],
      ['Moved'],
    ]);
  });
});
