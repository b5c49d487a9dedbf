// A user's utilization and voicemail policy.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import type { Utilization, VoicemailPolicy } from '../model/users.ts';
import { USER_UTILIZATION, VOICEMAIL_POLICY } from '../paths.ts';
import { utilizationRequest, voicemailPolicyRequest } from '../requests/users.ts';
import { liveUser, type On } from './util.ts';

/** What a user without a policy of their own answers. */
const DEFAULT_VOICEMAIL: VoicemailPolicy = { alertTimeoutSeconds: 30, sendEmailNotifications: false };

export function registerUserSettings(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;

  // Utilization: {"level":"Organization"} means "no override for this user".
  app.get<On<'id'>>(USER_UTILIZATION, async (request) => {
    const { id } = request.params;
    liveUser(state(), id);
    return state().utilization[id] ?? { level: 'Organization' };
  });
  app.put<On<'id'>>(USER_UTILIZATION, async (request) => {
    const { id } = request.params;
    liveUser(state(), id);
    const body = utilizationRequest(request.body);
    const value: Utilization = {
      level: 'Agent',
      utilization: body.utilization ?? {},
      labelUtilizations: body.labelUtilizations ?? {},
    };
    state().utilization[id] = value;
    ctx.store.changed();
    return value;
  });
  app.delete<On<'id'>>(USER_UTILIZATION, async (request, reply) => {
    const { id } = request.params;
    liveUser(state(), id);
    delete state().utilization[id];
    ctx.store.changed();
    return reply.code(204).send();
  });

  // Voicemail policy: any error on the GET makes the provider retry until it times out, so it always answers.
  app.get<On<'id'>>(VOICEMAIL_POLICY, async (request) => {
    const { id } = request.params;
    liveUser(state(), id);
    return state().voicemailPolicies[id] ?? DEFAULT_VOICEMAIL;
  });
  app.patch<On<'id'>>(VOICEMAIL_POLICY, async (request) => {
    const { id } = request.params;
    liveUser(state(), id);
    const next = {
      ...(state().voicemailPolicies[id] ?? DEFAULT_VOICEMAIL),
      ...voicemailPolicyRequest(request.body),
    };
    state().voicemailPolicies[id] = next;
    ctx.store.changed();
    return next;
  });
}
