// The audit query routes as the real API has them, over the org's audit log: API changes filed under the OAuth
// client whose token made them, admin-UI changes under the person.
import { describe, expect, it } from 'vitest';
import { call, errorOf, useEmulator } from './harness.ts';

const INTERVAL = '2000-01-01T00:00:00Z/2100-01-01T00:00:00Z';

describe('the audit log and its query routes', () => {
  const h = useEmulator();

  /** A token issued to an OAuth client, as the provider gets one. */
  const tokenFor = async (clientId: string) => {
    const response = await fetch(`${h.base}/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${clientId}:secret`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };

  /** Runs an asynchronous query to the end: POST, status, every page of results. */
  const query = async (body: object, token: string, pageSize = 0) => {
    const started = await call(h.base, 'POST', '/api/v2/audits/query', body, token);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.state).toBe('Queued');
    const status = await call(h.base, 'GET', `/api/v2/audits/query/${started.body.id}`, undefined, token);
    expect(status.body).toMatchObject({ id: started.body.id, state: 'Succeeded', interval: INTERVAL });
    const pages: any[] = [];
    let cursor: string | undefined;
    do {
      // What the Go SDK sends: pageSize always (0 when unset), allowRedirect=false, cursor only when set.
      const params = new URLSearchParams({
        pageSize: String(pageSize),
        expand: 'user',
        allowRedirect: 'false',
      });
      if (cursor) params.set('cursor', cursor);
      const page = await call(
        h.base,
        'GET',
        `/api/v2/audits/query/${started.body.id}/results?${params.toString()}`,
        undefined,
        token,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      pages.push(page.body);
      cursor = page.body.cursor;
    } while (cursor);
    return pages;
  };

  it('files the provider-shaped API changes under the client and an admin-UI change under the person', async () => {
    const token = await tokenFor('terraform-apply');
    const queue = (
      await call(
        h.base,
        'POST',
        '/api/v2/routing/queues',
        { name: 'Sales - Chat', acwSettings: { timeoutMs: 120000 } },
        token,
      )
    ).body;
    await call(
      h.base,
      'PUT',
      `/api/v2/routing/queues/${queue.id}`,
      { name: 'Sales - Chat', acwSettings: { timeoutMs: 90000 } },
      token,
    );
    await h.admin.change('queues', queue.id, { 'acwSettings.timeoutMs': 60000 }, 'jane.supervisor');

    const [page] = await query(
      {
        interval: INTERVAL,
        serviceName: 'ContactCenter',
        filters: [
          { property: 'EntityType', value: 'Queue' },
          { property: 'EntityId', value: queue.id },
        ],
        sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
      },
      token,
    );
    expect(page.pageSize).toBe(25);
    expect(page.cursor).toBeUndefined();
    expect(page.entities.map((m: any) => [m.action, m.client?.id, m.user?.name])).toEqual([
      ['Create', 'terraform-apply', undefined],
      ['Update', 'terraform-apply', undefined],
      ['Update', '', 'jane.supervisor'],
    ]);
    expect(page.entities[1]).toMatchObject({
      serviceName: 'ContactCenter',
      entityType: 'Queue',
      level: 'USER',
      status: 'SUCCESS',
      entity: { id: queue.id, name: 'Sales - Chat' },
      client: { id: 'terraform-apply', selfUri: '/api/v2/oauth/clients/terraform-apply' },
      propertyChanges: [{ property: 'acwSettings.timeoutMs', oldValues: ['120000'], newValues: ['90000'] }],
    });
    expect(page.entities[1].user).toBeUndefined();
    for (const m of page.entities) expect(m.eventDate).toMatch(/Z$/);
  });

  it('audits users under Directory/User, roles and grants under PeoplePermissions/Role', async () => {
    const token = await tokenFor('terraform-apply');
    const user = (
      await call(h.base, 'POST', '/api/v2/users', { name: 'Ana Agent', email: 'ana@example.com' }, token)
    ).body;
    const role = (await call(h.base, 'POST', '/api/v2/authorization/roles', { name: 'Agent' }, token)).body;
    const home = (await call(h.base, 'GET', '/api/v2/authorization/divisions/home', undefined, token)).body;
    await call(
      h.base,
      'POST',
      `/api/v2/authorization/subjects/${user.id}/bulkadd`,
      { grants: [{ roleId: role.id, divisionId: home.id }] },
      token,
    );
    await h.admin.change('users', user.id, { title: 'Team Lead' }, 'ana@example.com');

    const users = await query(
      { interval: INTERVAL, serviceName: 'Directory', filters: [{ property: 'EntityId', value: user.id }] },
      token,
    );
    // Newest first by default; the person is the org's own user when the actor names one.
    expect(users[0].entities.map((m: any) => [m.action, m.user?.id ?? m.client.id])).toEqual([
      ['Update', user.id],
      ['Create', 'terraform-apply'],
    ]);
    const roles = await query(
      {
        interval: INTERVAL,
        serviceName: 'PeoplePermissions',
        filters: [{ property: 'EntityType', value: 'Role' }],
      },
      token,
    );
    expect(roles[0].entities.map((m: any) => [m.action, m.entity.name])).toEqual([
      ['MemberAdd', `${user.id}--${role.id}--${h.emulator.context.store.state.org.id}`],
      ['Create', 'Agent'],
    ]);
  });

  it('pages results with a cursor, forward only, the last page without one', async () => {
    const token = await tokenFor('terraform-apply');
    for (let i = 0; i < 5; i++)
      await call(h.base, 'POST', '/api/v2/routing/skills', { name: `Paged ${i}` }, token);
    const pages = await query(
      {
        interval: INTERVAL,
        serviceName: 'Routing',
        filters: [{ property: 'EntityType', value: 'RoutingSkill' }],
      },
      token,
      2,
    );
    expect(pages.map((p) => p.entities.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.entities.map((m: any) => m.entity.name))).toEqual([
      'Paged 4',
      'Paged 3',
      'Paged 2',
      'Paged 1',
      'Paged 0',
    ]);
  });

  it('gives the person only an id without expand=user, and filters by UserId and ClientId', async () => {
    const token = await tokenFor('other-client');
    const code = (await call(h.base, 'POST', '/api/v2/routing/wrapupcodes', { name: 'Filtered' }, token))
      .body;
    const change = await h.admin.change('wrapupcodes', code.id, { description: 'x' }, 'max.manager');
    const started = await call(
      h.base,
      'POST',
      '/api/v2/audits/query',
      { interval: INTERVAL, filters: [{ property: 'UserId', value: change.audit!.user!.id }] },
      token,
    );
    const results = (
      await call(
        h.base,
        'GET',
        `/api/v2/audits/query/${started.body.id}/results?pageSize=0&allowRedirect=false`,
        undefined,
        token,
      )
    ).body;
    expect(results.entities).toHaveLength(1);
    expect(results.entities[0].user).toEqual({
      id: change.audit!.user!.id,
      selfUri: `/api/v2/users/${change.audit!.user!.id}`,
    });
    const byClient = await query(
      { interval: INTERVAL, filters: [{ property: 'ClientId', value: 'other-client' }] },
      token,
    );
    expect(byClient[0].entities.map((m: any) => m.entity.id)).toEqual([code.id]);
  });

  it('answers the realtime query with page numbers, and lists what it audits', async () => {
    const token = await tokenFor('terraform-apply');
    const realtime = await call(
      h.base,
      'POST',
      '/api/v2/audits/query/realtime?expand=user',
      { interval: INTERVAL, serviceName: 'Routing', pageNumber: 2, pageSize: 2 },
      token,
    );
    expect(realtime.body).toMatchObject({ pageNumber: 2, pageSize: 2, total: 5, pageCount: 3 });
    expect(realtime.body.entities).toHaveLength(2);
    const mapping = (await call(h.base, 'GET', '/api/v2/audits/query/servicemapping', undefined, token)).body;
    expect(mapping.services.map((s: any) => s.name).sort()).toEqual([
      'Architect',
      'ContactCenter',
      'Directory',
      'PeoplePermissions',
      'Routing',
    ]);
  });

  it('refuses malformed queries with the field and the fix, and unknown transactions with 404', async () => {
    const refused = async (body: object) =>
      errorOf(await call(h.base, 'POST', '/api/v2/audits/query', body, 't'));
    expect(await refused({})).toMatchObject({ status: 400, message: 'interval is required.' });
    expect(await refused({ interval: '2026-01-02T00:00:00Z/2026-01-01T00:00:00Z' })).toMatchObject({
      status: 400,
      message: expect.stringContaining('start before end'),
    });
    expect(await refused({ interval: INTERVAL, serviceName: 'Nope' })).toMatchObject({ status: 400 });
    expect(
      await refused({ interval: INTERVAL, filters: [{ property: 'Colour', value: 'x' }] }),
    ).toMatchObject({ status: 400 });
    expect(
      await refused({ interval: INTERVAL, filters: [{ property: 'Action', value: 'Update' }] }),
    ).toMatchObject({
      status: 400,
      message: 'An Action filter needs an EntityType filter too.',
    });
    const started = (await call(h.base, 'POST', '/api/v2/audits/query', { interval: INTERVAL }, 't')).body;
    expect(
      errorOf(
        await call(h.base, 'GET', `/api/v2/audits/query/${started.id}/results?pageSize=501`, undefined, 't'),
      ),
    ).toMatchObject({ status: 400 });
    expect(
      errorOf(
        await call(h.base, 'GET', `/api/v2/audits/query/${started.id}/results?cursor=zzz`, undefined, 't'),
      ),
    ).toMatchObject({ status: 400 });
    expect((await call(h.base, 'GET', '/api/v2/audits/query/no-such-id', undefined, 't')).status).toBe(404);
    expect((await call(h.base, 'POST', '/api/v2/audits/query', { interval: INTERVAL })).status).toBe(401);
  });

  it('records nothing for a write that changed nothing, and nothing for reads', async () => {
    const token = await tokenFor('terraform-apply');
    const code = (await call(h.base, 'POST', '/api/v2/routing/wrapupcodes', { name: 'Same' }, token)).body;
    const before = h.emulator.context.store.state.audit.length;
    await call(h.base, 'PUT', `/api/v2/routing/wrapupcodes/${code.id}`, { name: 'Same' }, token);
    await call(h.base, 'GET', `/api/v2/routing/wrapupcodes/${code.id}`, undefined, token);
    expect(h.emulator.context.store.state.audit.length).toBe(before);
  });
});
