// OAuth client credentials, and the two org-level reads the provider makes when it configures itself.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { isJsonObject } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { tokenLabel } from '../metrics.ts';
import { OAUTH_TOKEN, ORGANIZATION_ME, PRODUCTS } from '../paths.ts';

export function registerAuth(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );

  // Errors here use the OAuth shape ({error, description, error_description}), not the Platform API one:
  // the SDK builds "Auth Error: <status> - <error> (<error_description>)" from it.
  app.post(OAUTH_TOKEN, async (request, reply) => {
    const oauthError = (status: number, error: string, description: string) =>
      reply.code(status).send({ error, description, error_description: description });
    const form = isJsonObject(request.body) ? request.body : {};
    if (form.grant_type !== 'client_credentials')
      return oauthError(400, 'unsupported_grant_type', 'only client_credentials is emulated');
    const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const [clientId, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':', 2) : [];
    if (!clientId || !secret)
      return oauthError(401, 'invalid_client', 'client credentials are missing (HTTP Basic)');
    const expected = ctx.options.clients?.[clientId];
    if (ctx.options.clients && expected !== secret)
      return oauthError(401, 'invalid_client', 'client authentication failed');
    if (!(await ctx.limits.chargeTokenEndpoint(clientId))) {
      return oauthError(400, 'invalid_request', 'rate limit exceeded; try again later');
    }
    // Any bearer token is accepted on the API (the provider may also be given a fixed access_token); an issued
    // one is remembered by fingerprint only, to audit its changes under its client. Each gets its own
    // rate-limit bucket.
    const token = randomBytes(24).toString('base64url');
    ctx.tokenClients.set(tokenLabel(token), clientId);
    return { access_token: token, token_type: 'bearer', expires_in: 86400 };
  });

  app.get(ORGANIZATION_ME, async () => ctx.store.state.org);

  // The provider sizes an array from `total` and ranges over `entities`: both must be present.
  app.get(PRODUCTS, async () => {
    const entities = [{ id: 'purecloud' }, { id: 'cx3' }];
    return { entities, total: entities.length, pageSize: 25, pageNumber: 1, pageCount: 1 };
  });
}
