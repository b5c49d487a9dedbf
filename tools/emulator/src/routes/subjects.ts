// genesyscloud_user_roles: a user's grants of a role in a division (the API calls the user a subject).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { badRequest, notFound } from '../errors.ts';
import {
  DIVISIONS,
  ROLES,
  SUBJECT,
  SUBJECT_BULKADD,
  SUBJECT_BULKREMOVE,
  SUBJECT_BULKREPLACE,
  SUBJECT_GRANT,
  SUBJECTS,
} from '../paths.ts';
import { ref } from '../refs.ts';
import { grantsRequest } from '../requests/authorization.ts';
import { nowIso } from '../state.ts';
import { found, type On } from './util.ts';

type RoleInDivision = { roleId: string; divisionId: string };

export function registerSubjects(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  /** The subject as answered (Authzsubject): the user's grants with role and division references. */
  const subject = (userId: string) => {
    const user = found(state().users[userId], `Subject ${userId}`);
    const grants = (state().grants[userId] ?? []).map((g) => ({
      subjectId: userId,
      role: ref(g.roleId, `${ROLES}/${g.roleId}`, state().roles[g.roleId]?.name),
      division: ref(g.divisionId, `${DIVISIONS}/${g.divisionId}`, state().divisions[g.divisionId]?.name),
      grantMadeAt: g.grantMadeAt,
    }));
    return { id: userId, name: user.name, version: user.version, grants, selfUri: `${SUBJECTS}/${userId}` };
  };
  /** The grants a body names; each role must exist, each division too (or be "*"). */
  const grantsBody = (body: unknown): RoleInDivision[] =>
    (grantsRequest(body).grants ?? []).map((g) => {
      const roleId = g.roleId ?? '';
      const divisionId = g.divisionId ?? '';
      if (!state().roles[roleId]) throw badRequest(`Role ${roleId} does not exist.`, 'grants.roleId');
      if (!state().divisions[divisionId] && divisionId !== '*')
        throw badRequest(`Division ${divisionId} does not exist.`, 'grants.divisionId');
      return { roleId, divisionId };
    });
  const addGrants = (userId: string, grants: RoleInDivision[]) => {
    const list = (state().grants[userId] ??= []);
    for (const g of grants)
      if (!list.some((x) => x.roleId === g.roleId && x.divisionId === g.divisionId))
        list.push({ ...g, grantMadeAt: nowIso() });
  };

  app.get<On<'id'>>(SUBJECT, async (request) => subject(request.params.id));

  app.post<On<'id'>>(SUBJECT_BULKADD, async (request, reply) => {
    const { id } = request.params;
    subject(id);
    addGrants(id, grantsBody(request.body));
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.post<On<'id'>>(SUBJECT_BULKREPLACE, async (request, reply) => {
    const { id } = request.params;
    subject(id);
    const grants = grantsBody(request.body);
    state().grants[id] = [];
    addGrants(id, grants);
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.post<On<'id'>>(SUBJECT_BULKREMOVE, async (request, reply) => {
    const { id } = request.params;
    subject(id);
    const doomed = grantsBody(request.body);
    state().grants[id] = (state().grants[id] ?? []).filter(
      (g) => !doomed.some((d) => d.roleId === g.roleId && d.divisionId === g.divisionId),
    );
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.delete<On<'id' | 'divisionId' | 'roleId'>>(SUBJECT_GRANT, async (request, reply) => {
    const { id, divisionId, roleId } = request.params;
    subject(id);
    const list = state().grants[id] ?? [];
    const index = list.findIndex((g) => g.roleId === roleId && g.divisionId === divisionId);
    if (index < 0) throw notFound(`User ${id} has no grant of role ${roleId} in division ${divisionId}.`);
    list.splice(index, 1);
    ctx.store.changed();
    return reply.code(204).send();
  });
}
