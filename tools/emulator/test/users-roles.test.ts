import { describe, expect, it } from 'vitest';
import { errorOf, useEmulator } from './harness.ts';

const U = '/api/v2/users';
const deletedSearch = (email: string) => ({
  query: [
    { fields: ['email'], value: email, type: 'EXACT' },
    { fields: ['state'], values: ['deleted'], type: 'EXACT' },
  ],
});

describe('users', () => {
  const h = useEmulator();

  it('creates a user with an integer version and a division (the provider dereferences both)', async () => {
    const created = await h.api('POST', U, {
      name: 'Ana Agent',
      email: 'ana@example.com',
      state: 'active',
      title: 'Agent',
      department: 'Support',
      addresses: [],
    });
    expect(created.body).toMatchObject({
      name: 'Ana Agent',
      email: 'ana@example.com',
      version: 1,
      state: 'active',
      division: { name: 'Home' },
    });
  });

  it('refuses a user without an email or with a malformed one, naming the field', async () => {
    expect((await h.api('POST', U, { name: 'No Mail' })).body).toMatchObject({
      status: 400,
      details: [{ fieldName: 'email' }],
    });
    expect(errorOf(await h.api('POST', U, { name: 'Bad', email: 'not-an-email' })).message).toBe(
      "email 'not-an-email' is not a valid address.",
    );
  });

  it('answers 409 general.conflict for an email in use, even by a deleted user', async () => {
    const { body } = await h.api('POST', U, { name: 'Bo', email: 'bo@example.com' });
    expect(errorOf(await h.api('POST', U, { name: 'Bo 2', email: 'BO@example.com' }))).toMatchObject({
      status: 409,
      code: 'general.conflict',
    });
    await h.api('DELETE', `${U}/${body.id}`);
    expect((await h.api('POST', U, { name: 'Bo 3', email: 'bo@example.com' })).body.code).toBe(
      'general.conflict',
    );
  });

  it('keeps deleted users: 404 on GET, found by the deleted-state search, readable with state=deleted, restorable', async () => {
    const { body } = await h.api('POST', U, { name: 'Cy', email: 'cy@example.com' });
    expect((await h.api('POST', `${U}/search`, deletedSearch('cy@example.com'))).body).toMatchObject({
      total: 0,
      results: [],
    });
    await h.api('DELETE', `${U}/${body.id}`);
    expect((await h.api('GET', `${U}/${body.id}`)).status).toBe(404);
    const search = await h.api('POST', `${U}/search`, deletedSearch('cy@example.com'));
    expect(search.body.results).toMatchObject([{ id: body.id, state: 'deleted' }]);
    const deleted = await h.api('GET', `${U}/${body.id}?state=deleted`);
    const restored = await h.api('PATCH', `${U}/${body.id}`, {
      state: 'active',
      version: deleted.body.version,
    });
    expect(restored.body).toMatchObject({ state: 'active', version: deleted.body.version + 1 });
  });

  it('refuses a PATCH with a stale version (409 "Version does not match current version.")', async () => {
    const { body } = await h.api('POST', U, { name: 'Di', email: 'di@example.com' });
    expect((await h.api('PATCH', `${U}/${body.id}`, { title: 'Lead', version: 1 })).body.title).toBe('Lead');
    expect(errorOf(await h.api('PATCH', `${U}/${body.id}`, { title: 'Boss', version: 1 }))).toEqual({
      status: 409,
      code: 'general.conflict',
      message: 'Version does not match current version.',
    });
  });

  it('manages routing skills in bulk, pages them and shows them with expand=skills', async () => {
    const { body: user } = await h.api('POST', U, { name: 'Ed', email: 'ed@example.com' });
    const skills = [];
    for (const name of ['Billing', 'Spanish', 'Tech'])
      skills.push((await h.api('POST', '/api/v2/routing/skills', { name })).body);
    await h.api(
      'PATCH',
      `${U}/${user.id}/routingskills/bulk`,
      skills.map((s, i) => ({ id: s.id, proficiency: i + 1 })),
    );
    const pages = [1, 2, 3].map((n) =>
      h.api('GET', `${U}/${user.id}/routingskills?pageSize=2&pageNumber=${n}`),
    );
    expect((await Promise.all(pages)).map((p) => p.body.entities.length)).toEqual([2, 1, 0]);
    expect((await h.api('DELETE', `${U}/${user.id}/routingskills/${skills[0].id}`)).status).toBe(204);
    const expanded = await h.api(
      'GET',
      `${U}/${user.id}?expand=skills,languages,locations,profileSkills,certifications,employerInfo`,
    );
    expect(expanded.body.skills).toEqual([
      expect.objectContaining({ id: skills[1].id, proficiency: 2 }),
      expect.objectContaining({ id: skills[2].id, proficiency: 3 }),
    ]);
    expect(expanded.body.languages).toEqual([]);
    expect(
      errorOf(await h.api('PATCH', `${U}/${user.id}/routingskills/bulk`, [{ id: 'nope', proficiency: 1 }]))
        .message,
    ).toBe('Skill nope does not exist.');
  });

  it('lists users of one state (active by default; inactive, deleted, any) with the expands of one user', async () => {
    const { body: skill } = await h.api('POST', '/api/v2/routing/skills', { name: 'Listing Skill' });
    const { body: language } = await h.api('POST', '/api/v2/routing/languages', { name: 'Listing Lang' });
    const { body: on } = await h.api('POST', U, { name: 'Zed Listed', email: 'zed@list.example.com' });
    const { body: off } = await h.api('POST', U, {
      name: 'Zoe Listed',
      email: 'zoe@list.example.com',
      state: 'inactive',
    });
    await h.api('PATCH', `${U}/${on.id}/routingskills/bulk`, [{ id: skill.id, proficiency: 4 }]);
    await h.api('PATCH', `${U}/${on.id}/routinglanguages/bulk`, [{ id: language.id, proficiency: 2 }]);
    const emails = async (query: string) =>
      ((await h.api('GET', `${U}?pageSize=500${query}`)).body.entities as { email: string }[])
        .map((u) => u.email)
        .filter((e) => e.endsWith('@list.example.com'));
    expect(await emails('')).toEqual(['zed@list.example.com']);
    expect(await emails('&state=inactive')).toEqual(['zoe@list.example.com']);
    expect(await emails('&state=any')).toEqual(['zed@list.example.com', 'zoe@list.example.com']);
    const expanded = (await h.api('GET', `${U}?pageSize=500&expand=skills,languages`)).body.entities.find(
      (u: { id: string }) => u.id === on.id,
    );
    expect(expanded.skills).toEqual([
      expect.objectContaining({ id: skill.id, name: 'Listing Skill', proficiency: 4 }),
    ]);
    expect(expanded.languages).toEqual([
      expect.objectContaining({ id: language.id, name: 'Listing Lang', proficiency: 2 }),
    ]);
    expect(off.state).toBe('inactive');
    expect((await h.api('GET', `${U}?state=gone`)).status).toBe(400);
  });

  it('answers utilization with level Organization until set, and voicemail policies always', async () => {
    const { body: user } = await h.api('POST', U, { name: 'Fay', email: 'fay@example.com' });
    const path = `/api/v2/routing/users/${user.id}/utilization`;
    expect((await h.api('GET', path)).body).toEqual({ level: 'Organization' });
    const utilization = { call: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false } };
    expect((await h.api('PUT', path, { utilization, labelUtilizations: {} })).body).toEqual({
      level: 'Agent',
      utilization,
      labelUtilizations: {},
    });
    await h.api('DELETE', path);
    expect((await h.api('GET', path)).body).toEqual({ level: 'Organization' });
    const voicemail = `/api/v2/voicemail/userpolicies/${user.id}`;
    expect((await h.api('GET', voicemail)).body).toEqual({
      alertTimeoutSeconds: 30,
      sendEmailNotifications: false,
    });
    expect(
      (await h.api('PATCH', voicemail, { alertTimeoutSeconds: 45, sendEmailNotifications: true })).body,
    ).toEqual({ alertTimeoutSeconds: 45, sendEmailNotifications: true });
  });
});

describe('roles, permissions and user roles', () => {
  const h = useEmulator();
  const policy = { domain: 'routing', entityName: 'queue', actionSet: ['view', 'edit'] };

  it('answers the permission lookup with pageCount and a permissionMap', async () => {
    const response = await h.api(
      'GET',
      '/api/v2/authorization/permissions?pageSize=100&pageNumber=1&queryType=domain&query=routing',
    );
    expect(response.body).toMatchObject({
      pageCount: 1,
      entities: [{ domain: 'routing', permissionMap: { queue: expect.any(Array) } }],
    });
  });

  it('creates a role echoing its policies, finds it by name, and refuses an unknown domain', async () => {
    const created = await h.api('POST', '/api/v2/authorization/roles', {
      name: 'Queue Editor',
      description: 'Edits queues',
      permissions: [],
      permissionPolicies: [policy],
    });
    expect(created.body).toMatchObject({ name: 'Queue Editor', permissionPolicies: [policy], userCount: 0 });
    const listed = await h.api(
      'GET',
      '/api/v2/authorization/roles?pageSize=100&pageNumber=1&name=Queue%20Editor&userCount=false',
    );
    expect(listed.body.entities.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    expect(
      errorOf(
        await h.api('POST', '/api/v2/authorization/roles', {
          name: 'Bad',
          permissionPolicies: [{ ...policy, domain: 'nope' }],
        }),
      ).message,
    ).toBe("Permission domain 'nope' does not exist.");
  });

  it('finds default roles by defaultRoleId and refuses to delete them', async () => {
    const employee = await h.api(
      'GET',
      '/api/v2/authorization/roles?pageSize=1&pageNumber=1&defaultRoleId=employee&userCount=false',
    );
    expect(employee.body.entities).toMatchObject([{ name: 'employee', default: true }]);
    expect(
      (await h.api('DELETE', `/api/v2/authorization/roles/${employee.body.entities[0].id}`)).status,
    ).toBe(400);
  });

  it('grants roles per division with bulkadd, shows them on the subject, counts users and removes grants', async () => {
    const user = (await h.api('POST', '/api/v2/users', { name: 'Gil', email: 'gil@example.com' })).body;
    const role = (
      await h.api('POST', '/api/v2/authorization/roles', { name: 'Agent Role', permissionPolicies: [policy] })
    ).body;
    const home = (await h.api('GET', '/api/v2/authorization/divisions/home')).body;
    const subject = `/api/v2/authorization/subjects/${user.id}`;
    expect(
      (
        await h.api('POST', `${subject}/bulkadd?subjectType=PC_USER`, {
          grants: [{ roleId: role.id, divisionId: home.id }],
        })
      ).status,
    ).toBe(204);
    const read = await h.api('GET', `${subject}?includeDuplicates=true`);
    expect(read.body).toMatchObject({
      id: user.id,
      grants: [
        {
          subjectId: user.id,
          role: { id: role.id, name: 'Agent Role' },
          division: { id: home.id, name: 'Home' },
        },
      ],
    });
    expect((await h.api('GET', `/api/v2/authorization/roles/${role.id}`)).body.userCount).toBe(1);
    expect((await h.api('DELETE', `${subject}/divisions/${home.id}/roles/${role.id}`)).status).toBe(204);
    expect((await h.api('GET', subject)).body.grants).toEqual([]);
    expect((await h.api('DELETE', `${subject}/divisions/${home.id}/roles/${role.id}`)).status).toBe(404);
    expect(
      errorOf(
        await h.api('POST', `${subject}/bulkadd`, { grants: [{ roleId: 'nope', divisionId: home.id }] }),
      ).message,
    ).toBe('Role nope does not exist.');
  });
});
