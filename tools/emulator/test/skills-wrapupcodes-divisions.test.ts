import { describe, expect, it } from 'vitest';
import { errorOf, useEmulator } from './harness.ts';

describe('routing skills', () => {
  const h = useEmulator();

  it('creates a skill with a UUID id, a STRING version and a selfUri, and reads it back', async () => {
    const created = await h.api('POST', '/api/v2/routing/skills', { name: 'Tier 1' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'Tier 1',
      state: 'active',
      version: '1',
      selfUri: `/api/v2/routing/skills/${created.body.id}`,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await h.api('GET', `/api/v2/routing/skills/${created.body.id}`)).body).toEqual(created.body);
  });

  it('refuses a second skill of the same name (any case) with 409 general.conflict', async () => {
    await h.api('POST', '/api/v2/routing/skills', { name: 'Tier 2' });
    expect(errorOf(await h.api('POST', '/api/v2/routing/skills', { name: 'TIER 2' }))).toMatchObject({
      status: 409,
      code: 'general.conflict',
    });
  });

  it('refuses a skill without a name, naming the field', async () => {
    const response = await h.api('POST', '/api/v2/routing/skills', {});
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'bad.request',
      message: 'name is required.',
      details: [{ fieldName: 'name' }],
    });
  });

  it('answers 404 after delete', async () => {
    const { body } = await h.api('POST', '/api/v2/routing/skills', { name: 'Temporary' });
    expect((await h.api('DELETE', `/api/v2/routing/skills/${body.id}`)).status).toBe(204);
    expect(errorOf(await h.api('GET', `/api/v2/routing/skills/${body.id}`))).toMatchObject({
      status: 404,
      code: 'not.found',
    });
    expect((await h.api('DELETE', `/api/v2/routing/skills/${body.id}`)).status).toBe(404);
  });

  it('pages with pageNumber/pageSize, total and pageCount, and returns an empty page past the end', async () => {
    for (const name of ['Page A', 'Page B', 'Page C'])
      await h.api('POST', '/api/v2/routing/skills', { name });
    const first = await h.api('GET', '/api/v2/routing/skills?pageSize=2&pageNumber=1&name=page');
    expect(first.body).toMatchObject({
      total: 3,
      pageCount: 2,
      pageSize: 2,
      pageNumber: 1,
      nextUri: expect.stringContaining('pageNumber=2'),
    });
    expect(first.body.entities.map((s: { name: string }) => s.name)).toEqual(['Page A', 'Page B']);
    const second = await h.api('GET', '/api/v2/routing/skills?pageSize=2&pageNumber=2&name=page');
    expect(second.body.entities.map((s: { name: string }) => s.name)).toEqual(['Page C']);
    expect(second.body).not.toHaveProperty('nextUri');
    expect(
      (await h.api('GET', '/api/v2/routing/skills?pageSize=2&pageNumber=3&name=page')).body.entities,
    ).toEqual([]);
  });

  it('serves routing languages with the same contract', async () => {
    const created = await h.api('POST', '/api/v2/routing/languages', { name: 'Spanish' });
    expect(created.body).toMatchObject({ name: 'Spanish', state: 'active' });
    expect((await h.api('GET', '/api/v2/routing/languages?name=span')).body.total).toBe(1);
  });
});

describe('wrap-up codes', () => {
  const h = useEmulator();

  it('creates a code in the home division when none is given, and echoes the description', async () => {
    const home = (await h.api('GET', '/api/v2/authorization/divisions/home')).body;
    const created = await h.api('POST', '/api/v2/routing/wrapupcodes', {
      name: 'Resolved',
      description: 'Issue solved',
    });
    expect(created.body).toMatchObject({
      name: 'Resolved',
      description: 'Issue solved',
      division: { id: home.id, name: 'Home' },
    });
  });

  it('updates with PUT and keeps the id', async () => {
    const { body } = await h.api('POST', '/api/v2/routing/wrapupcodes', { name: 'Callback' });
    const updated = await h.api('PUT', `/api/v2/routing/wrapupcodes/${body.id}`, {
      name: 'Callback requested',
    });
    expect(updated.body).toMatchObject({ id: body.id, name: 'Callback requested' });
  });

  it('refuses an unknown division and a duplicate name', async () => {
    expect(
      errorOf(await h.api('POST', '/api/v2/routing/wrapupcodes', { name: 'X', division: { id: 'nope' } })),
    ).toMatchObject({ status: 400, message: 'Division nope does not exist.' });
    await h.api('POST', '/api/v2/routing/wrapupcodes', { name: 'Dup' });
    expect((await h.api('POST', '/api/v2/routing/wrapupcodes', { name: 'dup' })).status).toBe(409);
  });

  it('answers 404 after delete', async () => {
    const { body } = await h.api('POST', '/api/v2/routing/wrapupcodes', { name: 'Gone' });
    await h.api('DELETE', `/api/v2/routing/wrapupcodes/${body.id}`);
    expect((await h.api('GET', `/api/v2/routing/wrapupcodes/${body.id}`)).status).toBe(404);
  });
});

describe('divisions', () => {
  const h = useEmulator();

  it('has a home division that cannot be deleted', async () => {
    const home = await h.api('GET', '/api/v2/authorization/divisions/home');
    expect(home.body).toMatchObject({ name: 'Home', homeDivision: true });
    expect(errorOf(await h.api('DELETE', `/api/v2/authorization/divisions/${home.body.id}`))).toMatchObject({
      status: 400,
    });
  });

  it('creates, renames and lists divisions by name', async () => {
    const created = await h.api('POST', '/api/v2/authorization/divisions', {
      name: 'Sales',
      description: 'Sales org',
    });
    expect(created.body).toMatchObject({ name: 'Sales', description: 'Sales org', homeDivision: false });
    const renamed = await h.api('PUT', `/api/v2/authorization/divisions/${created.body.id}`, {
      name: 'Sales EMEA',
      description: '',
    });
    expect(renamed.body.name).toBe('Sales EMEA');
    const listed = await h.api(
      'GET',
      '/api/v2/authorization/divisions?pageSize=100&pageNumber=1&objectCount=false&name=Sales%20EMEA',
    );
    expect(listed.body).toMatchObject({ total: 1, pageCount: 1 });
  });

  it('moves objects between divisions and refuses to delete a division that still holds some', async () => {
    const division = (await h.api('POST', '/api/v2/authorization/divisions', { name: 'Billing' })).body;
    const queue = (await h.api('POST', '/api/v2/routing/queues', { name: 'Billing Q' })).body;
    expect(
      (await h.api('POST', `/api/v2/authorization/divisions/${division.id}/objects/QUEUE`, [queue.id]))
        .status,
    ).toBe(204);
    expect((await h.api('GET', `/api/v2/routing/queues/${queue.id}`)).body.division).toMatchObject({
      id: division.id,
      name: 'Billing',
    });
    expect(
      errorOf(await h.api('DELETE', `/api/v2/authorization/divisions/${division.id}?force=false`)).message,
    ).toContain('still holds objects');
    expect(
      (await h.api('GET', `/api/v2/authorization/divisions/${division.id}?objectCount=true`)).body
        .objectCounts,
    ).toEqual({ total: 1 });
    expect((await h.api('DELETE', `/api/v2/authorization/divisions/${division.id}?force=true`)).status).toBe(
      204,
    );
    expect((await h.api('GET', `/api/v2/authorization/divisions/${division.id}`)).status).toBe(404);
  });
});
