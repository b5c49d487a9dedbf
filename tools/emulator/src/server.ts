// The emulator's HTTP server: authentication, rate limits, faults, metrics and Genesys-shaped errors around
// the resource routes. Loopback only.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerApiAudit } from './api-audit.ts';
import { createContext, type EmulatorContext, type EmulatorOptions } from './context.ts';
import { GenesysError, errorBody } from './errors.ts';
import { tokenLabel } from './metrics.ts';
import { HEALTH } from './paths.ts';
import { tooManyRequestsBody } from './rate-limit.ts';
import { registerAdmin } from './routes/admin.ts';
import { registerAudits } from './routes/audits.ts';
import { registerAuth } from './routes/auth.ts';
import { registerDivisions } from './routes/divisions.ts';
import { registerFlows } from './routes/flows.ts';
import { registerQueueMembers } from './routes/queue-members.ts';
import { registerQueueWrapupcodes } from './routes/queue-wrapupcodes.ts';
import { registerQueues } from './routes/queues.ts';
import { registerRoles } from './routes/roles.ts';
import { registerSkills } from './routes/skills.ts';
import { registerSubjects } from './routes/subjects.ts';
import { registerUserRouting } from './routes/user-routing.ts';
import { registerUserSettings } from './routes/user-settings.ts';
import { registerUsers } from './routes/users.ts';
import { registerWrapupcodes } from './routes/wrapupcodes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    correlationId: string;
    bearer?: string;
  }
}

export type Emulator = { app: FastifyInstance; context: EmulatorContext };

/** The status a non-Genesys error carries (Fastify's own errors have one), else 500. */
function statusOf(error: unknown): number {
  return typeof error === 'object' &&
    error !== null &&
    'statusCode' in error &&
    typeof error.statusCode === 'number'
    ? error.statusCode
    : 500;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 512_000 });
  const context = createContext(options, () => {
    const address = app.server.address();
    return typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : 'http://127.0.0.1';
  });

  // The SDK sends Content-Type: application/json on some bodiless calls; an empty body is not an error.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new GenesysError(400, 'bad.request', 'The request body is not valid JSON.'), undefined);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    request.correlationId = randomUUID();
    reply.header('ININ-Correlation-Id', request.correlationId);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v2/')) return;
    const routePattern = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
    const authorization = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!bearer) throw new GenesysError(401, 'bad.credentials', 'Invalid login credentials.');
    request.bearer = bearer;

    const fault = context.faults.decide(
      request.method,
      request.routeOptions.url ?? '',
      request.url.split('?')[0]!,
    );
    if (fault?.latencyMs) await sleep(fault.latencyMs);
    if (fault?.drop) {
      request.raw.socket.destroy();
      return reply;
    }
    if (fault?.status) {
      if (fault.retryAfterSeconds !== undefined) reply.header('Retry-After', String(fault.retryAfterSeconds));
      const body =
        fault.status === 429
          ? tooManyRequestsBody(fault.retryAfterSeconds ?? 1, request.correlationId)
          : errorBody(
              fault.status,
              fault.status >= 500 ? 'service.unavailable' : 'bad.request',
              `Injected fault (${fault.status}).`,
              request.correlationId,
            );
      return reply.code(fault.status).send(body);
    }

    const verdict = await context.limits.charge(bearer, routePattern, request.url.split('?')[0]);
    if (!verdict.allowed) {
      reply.header('Retry-After', String(verdict.retryAfterSeconds));
      return reply.code(429).send(tooManyRequestsBody(verdict.retryAfterSeconds, request.correlationId));
    }
    for (const [name, value] of Object.entries(verdict.headers)) reply.header(name, value);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/v2/') && !request.url.startsWith('/oauth/')) return;
    const route = `${request.method} ${request.routeOptions.url ?? 'unmatched'}`;
    context.metrics.record(
      route,
      request.bearer ? tokenLabel(request.bearer) : undefined,
      reply.statusCode,
      request.url.split('?')[0],
    );
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof GenesysError) {
      return reply
        .code(error.status)
        .send(errorBody(error.status, error.code, error.message, request.correlationId, error.extra));
    }
    const status = statusOf(error);
    const message =
      status >= 500
        ? 'The emulator failed to serve this request.'
        : error instanceof Error
          ? error.message
          : String(error);
    if (status >= 500) request.log.error(error);
    return reply
      .code(status)
      .send(
        errorBody(
          status,
          status >= 500 ? 'internal.server.error' : 'bad.request',
          message,
          request.correlationId,
        ),
      );
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        errorBody(
          404,
          'not.found',
          `No route ${request.method} ${request.url.split('?')[0]} in the emulator.`,
          request.correlationId,
        ),
      ),
  );

  // Before the routes: every write route is audited under the client (or person) that made it.
  registerApiAudit(app, context);

  app.get(HEALTH, async () => ({ status: 'ok' }));
  for (const register of [
    registerAuth,
    registerDivisions,
    registerSkills,
    registerWrapupcodes,
    registerQueues,
    registerQueueMembers,
    registerQueueWrapupcodes,
    registerRoles,
    registerSubjects,
    registerUsers,
    registerUserRouting,
    registerUserSettings,
    registerFlows,
    registerAudits,
    registerAdmin,
  ]) {
    register(app, context);
  }
  app.addHook('onClose', async () => context.store.flushNow());
  return { app, context };
}

/** Starts listening on loopback; port 0 picks a free one. Returns the base URL. */
export async function listen(emulator: Emulator, port = 0): Promise<string> {
  await emulator.app.listen({ host: '127.0.0.1', port });
  return emulator.context.baseUrl();
}
