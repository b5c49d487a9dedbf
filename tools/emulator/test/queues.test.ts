import { describe, expect, it } from 'vitest';
import { errorOf, useEmulator, type Harness } from './harness.ts';

const Q = '/api/v2/routing/queues';
const callQueue = (name: string, call: Record<string, unknown> = {}) => ({
  name,
  description: `${name} queue`,
  mediaSettings: {
    call: { alertingTimeoutSeconds: 20, serviceLevel: { percentage: 0.8, durationMs: 20000 }, ...call },
  },
  routingRules: [],
  acwSettings: { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: 30000 },
  skillEvaluationMethod: 'ALL',
  memberGroups: [],
  autoAnswerOnly: true,
  enableTranscription: false,
  suppressInQueueCallRecording: true,
  enableAudioMonitoring: false,
  enableManualAssignment: false,
});

async function users(h: Harness, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      (await h.api('POST', '/api/v2/users', { name: `${prefix} ${i}`, email: `${prefix}${i}@example.com` }))
        .body.id,
    );
  return ids;
}

describe('queues', () => {
  const h = useEmulator();

  it('creates with HTTP 200 (not 201), echoes what was sent and fills every media type the provider reads', async () => {
    const created = await h.api('POST', Q, callQueue('Support'));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      ...callQueue('Support'),
      memberCount: 0,
      userMemberCount: 0,
      joinedMemberCount: 0,
    });
    for (const media of ['call', 'callback', 'chat', 'email', 'message']) {
      expect(created.body.mediaSettings[media]).toMatchObject({
        alertingTimeoutSeconds: expect.any(Number),
        serviceLevel: { percentage: expect.any(Number), durationMs: expect.any(Number) },
      });
    }
    expect(created.body.division.name).toBe('Home');
  });

  it('refuses an alerting timeout below 7 s and a service level above 1, naming the field', async () => {
    const short = await h.api('POST', Q, callQueue('Bad alerting', { alertingTimeoutSeconds: 5 }));
    expect(errorOf(short)).toEqual({
      status: 400,
      code: 'bad.request',
      message: 'mediaSettings.call.alertingTimeoutSeconds must be at least 7; got 5.',
    });
    const percent = await h.api(
      'POST',
      Q,
      callQueue('Bad level', { serviceLevel: { percentage: 1.5, durationMs: 20000 } }),
    );
    expect(percent.body.details[0].fieldName).toBe('mediaSettings.call.serviceLevel.percentage');
  });

  it('refuses a setting of the wrong JSON type, naming the field', async () => {
    const stringTimeout = {
      ...callQueue('Typed'),
      acwSettings: { wrapupPrompt: 'OPTIONAL', timeoutMs: '30000' },
    };
    expect(errorOf(await h.api('POST', Q, stringTimeout))).toEqual({
      status: 400,
      code: 'bad.request',
      message: 'acwSettings.timeoutMs must be a number.',
    });
    expect((await h.api('GET', `${Q}?name=Typed`)).body.total).toBe(0);
  });

  it('refuses a duplicate queue name', async () => {
    await h.api('POST', Q, callQueue('Sales'));
    expect(errorOf(await h.api('POST', Q, callQueue('sales')))).toMatchObject({
      status: 409,
      code: 'general.conflict',
    });
  });

  it('updates with PUT, keeping id and division', async () => {
    const { body } = await h.api('POST', Q, callQueue('Billing'));
    const updated = await h.api('PUT', `${Q}/${body.id}`, {
      ...callQueue('Billing'),
      acwSettings: { wrapupPrompt: 'OPTIONAL', timeoutMs: 60000 },
    });
    expect(updated.body).toMatchObject({
      id: body.id,
      acwSettings: { wrapupPrompt: 'OPTIONAL', timeoutMs: 60000 },
      division: body.division,
    });
    expect((await h.api('GET', `${Q}/${body.id}`)).body.acwSettings.timeoutMs).toBe(60000);
  });

  it('adds and removes members in calls of at most 100, pages them until an empty page, and sets ring numbers 1..6', async () => {
    const { body: queue } = await h.api('POST', Q, callQueue('Members'));
    const ids = await users(h, 3, 'member');
    expect(
      (
        await h.api(
          'POST',
          `${Q}/${queue.id}/members?delete=false`,
          ids.map((id) => ({ id })),
        )
      ).status,
    ).toBe(200);
    expect((await h.api('GET', `${Q}/${queue.id}`)).body.memberCount).toBe(3);

    const page1 = await h.api('GET', `${Q}/${queue.id}/members?pageSize=2&pageNumber=1&memberBy=user`);
    const page2 = await h.api('GET', `${Q}/${queue.id}/members?pageSize=2&pageNumber=2&memberBy=user`);
    const page3 = await h.api('GET', `${Q}/${queue.id}/members?pageSize=2&pageNumber=3&memberBy=user`);
    expect([page1.body.entities.length, page2.body.entities.length, page3.body.entities.length]).toEqual([
      2, 1, 0,
    ]);
    expect(page1.body.entities[0]).toMatchObject({
      id: ids[0],
      ringNumber: 1,
      memberBy: 'user',
      user: { id: ids[0] },
    });
    expect(
      (await h.api('GET', `${Q}/${queue.id}/members?pageSize=100&pageNumber=1&memberBy=group`)).body.entities,
    ).toEqual([]);

    expect(
      (await h.api('PATCH', `${Q}/${queue.id}/members/${ids[1]}`, { id: ids[1], ringNumber: 3 })).status,
    ).toBe(202);
    expect(
      errorOf(await h.api('PATCH', `${Q}/${queue.id}/members/${ids[1]}`, { id: ids[1], ringNumber: 7 }))
        .message,
    ).toBe('ringNumber must be an integer from 1 to 6; got 7.');
    const ringed = (await h.api('GET', `${Q}/${queue.id}/members?pageSize=100&pageNumber=1`)).body.entities;
    expect(ringed.find((m: { id: string }) => m.id === ids[1]).ringNumber).toBe(3);

    await h.api('POST', `${Q}/${queue.id}/members?delete=true`, [{ id: ids[0] }]);
    expect((await h.api('GET', `${Q}/${queue.id}`)).body.memberCount).toBe(2);
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ id: `u${i}` }));
    expect(errorOf(await h.api('POST', `${Q}/${queue.id}/members?delete=false`, tooMany)).message).toBe(
      'At most 100 entries are allowed per request; got 101.',
    );
    expect(
      (await h.api('POST', `${Q}/${queue.id}/members?delete=false`, [{ id: 'no-such-user' }])).status,
    ).toBe(400);
  });

  it('takes a deleted user out of the queue', async () => {
    const { body: queue } = await h.api('POST', Q, callQueue('Leavers'));
    const [id] = await users(h, 1, 'leaver');
    await h.api('POST', `${Q}/${queue.id}/members?delete=false`, [{ id }]);
    await h.api('DELETE', `/api/v2/users/${id}`);
    expect((await h.api('GET', `${Q}/${queue.id}`)).body.memberCount).toBe(0);
  });

  it('attaches wrap-up codes (at most 100 a call), pages and detaches them', async () => {
    const { body: queue } = await h.api('POST', Q, callQueue('Codes'));
    const codes = [];
    for (const name of ['Sale', 'No sale'])
      codes.push((await h.api('POST', '/api/v2/routing/wrapupcodes', { name })).body);
    const added = await h.api(
      'POST',
      `${Q}/${queue.id}/wrapupcodes`,
      codes.map((c) => ({ id: c.id })),
    );
    expect(added.body.map((c: { name: string }) => c.name)).toEqual(['Sale', 'No sale']);
    const listed = await h.api('GET', `${Q}/${queue.id}/wrapupcodes?pageSize=100&pageNumber=1`);
    expect(listed.body).toMatchObject({ total: 2, pageCount: 1 });
    expect((await h.api('DELETE', `${Q}/${queue.id}/wrapupcodes/${codes[0].id}`)).status).toBe(204);
    expect((await h.api('DELETE', `${Q}/${queue.id}/wrapupcodes/${codes[0].id}`)).status).toBe(404);
    expect((await h.api('GET', `${Q}/${queue.id}/wrapupcodes?pageSize=100&pageNumber=1`)).body.total).toBe(1);
  });

  it('lists by name with total and pageCount, and answers 404 after a forced delete', async () => {
    const { body } = await h.api('POST', Q, callQueue('Doomed'));
    const listed = await h.api('GET', `${Q}?pageNumber=1&pageSize=500&name=Doomed&hasPeer=false`);
    expect(listed.body).toMatchObject({ total: 1, pageCount: 1, entities: [{ id: body.id }] });
    expect((await h.api('DELETE', `${Q}/${body.id}?forceDelete=true`)).status).toBe(204);
    expect((await h.api('GET', `${Q}/${body.id}`)).status).toBe(404);
  });
});
