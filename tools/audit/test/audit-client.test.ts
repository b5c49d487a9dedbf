// The audit client against the emulated org (real HTTP, the same routes the real API has), and attribution of
// drifted objects to the person or client that changed them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CxError } from '@cxops/core';
import { createEmulator, EmulatorAdmin, listen, type Emulator } from '@cxops/emulator';
import type { DriftedObject } from '@cxops/plan';
import {
  actorOf,
  attributeDrift,
  AuditClient,
  auditConnectionFromEnv,
  clientFingerprint,
} from '../src/index.ts';

let emulator: Emulator;
let base: string;
let admin: EmulatorAdmin;

beforeAll(async () => {
  emulator = createEmulator({
    clients: { 'cxops-apply': 'apply-secret', 'cxops-plan': 'plan-secret', other: 'x' },
  });
  base = await listen(emulator);
  admin = new EmulatorAdmin(base);
});
afterAll(async () => {
  await emulator?.app.close();
});

const gatewayEnv = (id: string, secret: string) => ({
  TF_VAR_gateway: JSON.stringify({ protocol: 'http', host: '127.0.0.1', port: new URL(base).port }),
  GENESYSCLOUD_OAUTHCLIENT_ID: id,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: secret,
});
const clientFor = (id: string, secret: string, pageSize?: number) =>
  new AuditClient(auditConnectionFromEnv(gatewayEnv(id, secret)), { pollIntervalMs: 10, pageSize });

/** The provider's way of changing the org: its own token, its own client. */
async function asClient(id: string, secret: string, method: string, path: string, body?: unknown) {
  const login = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const { access_token } = (await login.json()) as { access_token: string };
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as { id: string };
}

const drifted = (type: string, id: string, name: string): DriftedObject => ({
  address: `module.x.${type}.this["${name}"]`,
  type,
  id,
  name,
  kind: 'update',
  attributes: [],
  subject: name,
  details: [],
  description: name,
});

describe('auditConnectionFromEnv', () => {
  it('reads the gateway of the local org, or the region of a real one, like the provider', () => {
    expect(auditConnectionFromEnv(gatewayEnv('a', 'b'))).toMatchObject({ apiBase: base, loginBase: base });
    expect(
      auditConnectionFromEnv({ GENESYSCLOUD_REGION: 'eu-west-1', GENESYSCLOUD_ACCESS_TOKEN: 't' }),
    ).toEqual({
      apiBase: 'https://api.mypurecloud.ie',
      loginBase: 'https://login.mypurecloud.ie',
      accessToken: 't',
    });
    expect(() =>
      auditConnectionFromEnv({ GENESYSCLOUD_REGION: 'mars-1', GENESYSCLOUD_ACCESS_TOKEN: 't' }),
    ).toThrow('not a Genesys Cloud region');
    expect(() => auditConnectionFromEnv({})).toThrow('no credentials');
  });
});

describe('AuditClient against the emulated org', () => {
  it('runs the asynchronous query to the end, page after page with the cursor', async () => {
    for (let i = 0; i < 7; i++)
      await asClient('cxops-apply', 'apply-secret', 'POST', '/api/v2/routing/skills', { name: `Skill ${i}` });
    const client = clientFor('cxops-plan', 'plan-secret', 3);
    const messages = await client.query({
      interval: '2020-01-01T00:00:00Z/2100-01-01T00:00:00Z',
      serviceName: 'Routing',
      sort: [{ name: 'Timestamp', sortOrder: 'ascending' }],
    });
    expect(messages.map((m) => m.entity.name)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Skill ${i}`));
    // login, POST query, one status check, three pages
    expect(client.calls).toBe(6);
    const realtime = await client.realtime({
      interval: '2020-01-01T00:00:00Z/2100-01-01T00:00:00Z',
      serviceName: 'Routing',
    });
    expect(realtime).toHaveLength(7);
    expect((await client.serviceMapping()).services.map((s) => s.name)).toContain('ContactCenter');
  });

  it('says what to fix when the API refuses, never with the secret', async () => {
    const error = await clientFor('cxops-plan', 'wrong-secret')
      .query({ interval: '2020-01-01T00:00:00Z/2100-01-01T00:00:00Z' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CxError);
    expect((error as CxError).format()).toContain('the login answered 401');
    expect((error as CxError).format()).not.toContain('wrong-secret');
    const refused = (await clientFor('cxops-plan', 'plan-secret')
      .query({ interval: 'yesterday' })
      .catch((e: unknown) => e)) as CxError;
    expect(refused.message).toContain('the API answered 400: interval must be two ISO-8601 date-times');
  });
});

describe('attributeDrift', () => {
  it("names the person who changed a queue after the service account's apply, with the time", async () => {
    const queue = await asClient('cxops-apply', 'apply-secret', 'POST', '/api/v2/routing/queues', {
      name: 'Sales - Chat',
      acwSettings: { timeoutMs: 120000 },
    });
    const before = new Date().toISOString();
    await admin.change('queues', queue.id, { 'acwSettings.timeoutMs': 60000 }, 'jane.supervisor');
    const [attribution] = await attributeDrift(
      clientFor('cxops-plan', 'plan-secret'),
      [drifted('genesyscloud_routing_queue', queue.id, 'Sales - Chat')],
      { serviceClientIds: ['cxops-apply', 'cxops-plan'] },
    );
    expect(attribution).toMatchObject({
      status: 'found',
      changes: [
        {
          actor: { kind: 'person', name: 'jane.supervisor' },
          action: 'Update',
          properties: ['acwSettings.timeoutMs'],
        },
      ],
    });
    expect(attribution!.changes[0]!.at >= before).toBe(true);
  });

  it("tells another OAuth client's change apart from the service account's own", async () => {
    const user = await asClient('cxops-apply', 'apply-secret', 'POST', '/api/v2/users', {
      name: 'Ana',
      email: 'ana@example.com',
    });
    const again = await asClient('other', 'x', 'PATCH', `/api/v2/users/${user.id}`, {
      version: 1,
      title: 'Lead',
    });
    expect(again.id).toBe(user.id);
    const [attribution] = await attributeDrift(
      clientFor('cxops-plan', 'plan-secret'),
      [drifted('genesyscloud_user', user.id, 'Ana')],
      { serviceClientIds: ['cxops-apply'] },
    );
    expect(attribution!.changes.map((c) => c.actor)).toEqual([
      {
        kind: 'oauth-client',
        name: `OAuth client ${clientFingerprint('other')}`,
        id: clientFingerprint('other'),
      },
    ]);
    // With only the service account's own change on record, that change is what is shown.
    const role = await asClient('cxops-apply', 'apply-secret', 'POST', '/api/v2/authorization/roles', {
      name: 'Quality',
    });
    const [own] = await attributeDrift(
      clientFor('cxops-plan', 'plan-secret'),
      [drifted('genesyscloud_auth_role', role.id, 'Quality')],
      {
        serviceClientIds: ['cxops-apply'],
      },
    );
    expect(own!.changes.map((c) => [c.actor.kind, c.action])).toEqual([['service-account', 'Create']]);
  });

  it('finds role grants of a user under the roles, and says when it cannot look an object up', async () => {
    const user = await asClient('cxops-apply', 'apply-secret', 'POST', '/api/v2/users', {
      name: 'Bo',
      email: 'bo@example.com',
    });
    const role = await asClient('cxops-apply', 'apply-secret', 'POST', '/api/v2/authorization/roles', {
      name: 'Granted',
    });
    const home = emulator.context.store.state.homeDivisionId;
    const login = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('other:x').toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    const { access_token } = (await login.json()) as { access_token: string };
    await fetch(`${base}/api/v2/authorization/subjects/${user.id}/bulkadd`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ grants: [{ roleId: role.id, divisionId: home }] }),
    });
    const results = await attributeDrift(
      clientFor('cxops-plan', 'plan-secret'),
      [
        drifted('genesyscloud_user_roles', user.id, 'Bo'),
        drifted('terraform_data', 'x', 'x'),
        drifted('genesyscloud_routing_queue', 'no-such-queue', 'Gone'),
      ],
      { serviceClientIds: ['cxops-apply'] },
    );
    expect(results.map((r) => [r.status, r.changes.map((c) => `${c.action} by ${c.actor.kind}`)])).toEqual([
      ['found', ['MemberAdd by oauth-client']],
      ['unsupported', []],
      ['none', []],
    ]);
  });

  it('reports the attribution as unavailable when the audit API cannot be queried, without failing', async () => {
    const [result] = await attributeDrift(
      clientFor('cxops-plan', 'wrong'),
      [drifted('genesyscloud_routing_queue', 'q1', 'Q')],
      { serviceClientIds: [] },
    );
    expect(result).toMatchObject({ status: 'unavailable', note: expect.stringContaining('401') });
  });
});

describe('actorOf', () => {
  const message = (fields: object) => ({ level: 'USER', ...fields }) as Parameters<typeof actorOf>[0];
  it('reads a person, a client, the platform, and nothing', () => {
    expect(actorOf(message({ user: { id: 'u1', name: 'Jane' }, client: { id: 'app' } }), [])).toEqual({
      kind: 'person',
      name: 'Jane',
      id: 'u1',
    });
    expect(actorOf(message({ user: { id: 'u1' }, client: { id: '' } }), []).name).toBe('u1');
    expect(actorOf(message({ client: { id: 'cxops' } }), ['cxops']).kind).toBe('service-account');
    expect(actorOf(message({ level: 'SYSTEM' }), []).kind).toBe('system');
    expect(actorOf(message({ client: { id: '' } }), []).kind).toBe('unknown');
  });
});
