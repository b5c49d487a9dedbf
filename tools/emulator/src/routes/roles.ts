// genesyscloud_auth_role, the permission catalogue it validates against, and genesyscloud_user_roles'
// subject grants.
import type { FastifyInstance } from 'fastify';
import { badRequest, conflict, notFound } from '../errors.ts';
import { nameMatches, page } from '../paging.ts';
import { newId, nowIso, type Json } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { DIVISIONS, PERMISSIONS, ROLES, SUBJECTS } from '../paths.ts';
import { catalogueDomains, checkPolicy, domainPermissionCollection } from '../permission-catalogue.ts';
import { byName, arrayBody, found, jsonBody, ref, requiredString, type Params, type Query } from './util.ts';

export function registerRoles(app: FastifyInstance, ctx: EmulatorContext): void {
  const roles = () => ctx.store.state.roles;
  const userCount = (roleId: string) =>
    Object.entries(ctx.store.state.grants).filter(
      ([userId, grants]) =>
        ctx.store.state.users[userId]?.state !== 'deleted' && grants.some((g) => g.roleId === roleId),
    ).length;
  const withCount = (role: Json, query: Query) =>
    query.userCount === 'false' ? role : { ...role, userCount: userCount(String(role.id)) };
  const fields = (body: Json, exceptId?: string) => {
    const name = requiredString(body, 'name');
    if (
      Object.values(roles()).some(
        (r) => r.id !== exceptId && String(r.name).toLowerCase() === name.toLowerCase(),
      )
    ) {
      throw conflict(`A role named '${name}' already exists.`);
    }
    const policies = (body.permissionPolicies ?? []) as Json[];
    for (const policy of policies) {
      if (!Array.isArray(policy.actionSet) || policy.actionSet.length === 0)
        throw badRequest(
          'Every permission policy needs a non-empty actionSet.',
          'permissionPolicies.actionSet',
        );
      checkPolicy(policy);
    }
    return {
      name,
      description: body.description ?? '',
      permissions: body.permissions ?? [],
      permissionPolicies: policies,
    };
  };

  app.get(PERMISSIONS, async (request) => {
    const query = request.query as Query;
    const domains = query.queryType === 'domain' && query.query ? query.query.split(',') : catalogueDomains();
    return page(
      domains.map(domainPermissionCollection).filter((e): e is NonNullable<typeof e> => !!e),
      query,
      PERMISSIONS,
    );
  });

  app.post(ROLES, async (request) => {
    const id = newId();
    const role = {
      id,
      ...fields(jsonBody(request.body)),
      base: false,
      default: false,
      selfUri: `${ROLES}/${id}`,
    };
    roles()[id] = role;
    ctx.store.changed();
    return { ...role, userCount: 0 };
  });

  app.get(`${ROLES}/:id`, async (request) =>
    withCount(
      found(roles()[(request.params as Params).id!], `Role ${(request.params as Params).id}`),
      request.query as Query,
    ),
  );

  app.put(`${ROLES}/default`, async (request) => {
    for (const entry of arrayBody(request.body) as Json[])
      found(roles()[String(entry.id)], `Role ${String(entry.id)}`);
    return { entities: Object.values(roles()).filter((r) => r.default) };
  });

  app.put(`${ROLES}/:id`, async (request) => {
    const { id } = request.params as Params;
    const role = found(roles()[id!], `Role ${id}`);
    Object.assign(role, fields(jsonBody(request.body), id));
    ctx.store.changed();
    return withCount(role, {});
  });

  app.delete(`${ROLES}/:id`, async (request, reply) => {
    const { id } = request.params as Params;
    const role = found(roles()[id!], `Role ${id}`);
    if (role.default)
      throw badRequest(`Role '${String(role.name)}' is a default role and cannot be deleted.`);
    delete roles()[id!];
    for (const grants of Object.values(ctx.store.state.grants))
      grants.splice(0, grants.length, ...grants.filter((g) => g.roleId !== id));
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get(ROLES, async (request) => {
    const query = request.query as Query;
    const list = byName(
      Object.values(roles())
        .filter((r) => nameMatches(String(r.name), query.name))
        .filter((r) => !query.defaultRoleId || r.defaultRoleId === query.defaultRoleId),
    ).map((r) => withCount(r, query));
    return page(list, query, ROLES);
  });

  // Subjects (users) and their grants of role × division.
  const subject = (userId: string | undefined) => {
    const user = found(ctx.store.state.users[userId!], `Subject ${userId}`);
    const grants = (ctx.store.state.grants[userId!] ?? []).map((g) => {
      const role = roles()[g.roleId];
      const division = ctx.store.state.divisions[g.divisionId];
      return {
        subjectId: userId,
        role: ref(g.roleId, `${ROLES}/${g.roleId}`, role?.name as string | undefined),
        division: ref(g.divisionId, `${DIVISIONS}/${g.divisionId}`, division?.name as string | undefined),
        grantMadeAt: g.grantMadeAt,
      };
    });
    return { id: userId, name: user.name, version: user.version, grants, selfUri: `${SUBJECTS}/${userId}` };
  };
  const grantsBody = (body: unknown) => {
    const grants = (jsonBody(body).grants ?? []) as Json[];
    return grants.map((g) => {
      const roleId = String(g.roleId ?? '');
      const divisionId = String(g.divisionId ?? '');
      if (!roles()[roleId]) throw badRequest(`Role ${roleId} does not exist.`, 'grants.roleId');
      if (!ctx.store.state.divisions[divisionId] && divisionId !== '*')
        throw badRequest(`Division ${divisionId} does not exist.`, 'grants.divisionId');
      return { roleId, divisionId };
    });
  };
  const addGrants = (userId: string, grants: { roleId: string; divisionId: string }[]) => {
    const list = (ctx.store.state.grants[userId] ??= []);
    for (const g of grants)
      if (!list.some((x) => x.roleId === g.roleId && x.divisionId === g.divisionId))
        list.push({ ...g, grantMadeAt: nowIso() });
  };

  app.get(`${SUBJECTS}/:id`, async (request) => subject((request.params as Params).id));

  app.post(`${SUBJECTS}/:id/bulkadd`, async (request, reply) => {
    const { id } = request.params as Params;
    subject(id);
    addGrants(id!, grantsBody(request.body));
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.post(`${SUBJECTS}/:id/bulkreplace`, async (request, reply) => {
    const { id } = request.params as Params;
    subject(id);
    const grants = grantsBody(request.body);
    ctx.store.state.grants[id!] = [];
    addGrants(id!, grants);
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.post(`${SUBJECTS}/:id/bulkremove`, async (request, reply) => {
    const { id } = request.params as Params;
    subject(id);
    const doomed = grantsBody(request.body);
    const list = ctx.store.state.grants[id!] ?? [];
    ctx.store.state.grants[id!] = list.filter(
      (g) => !doomed.some((d) => d.roleId === g.roleId && d.divisionId === g.divisionId),
    );
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.delete(`${SUBJECTS}/:id/divisions/:divisionId/roles/:roleId`, async (request, reply) => {
    const { id, divisionId, roleId } = request.params as Params;
    subject(id);
    const list = ctx.store.state.grants[id!] ?? [];
    const index = list.findIndex((g) => g.roleId === roleId && g.divisionId === divisionId);
    if (index < 0) throw notFound(`User ${id} has no grant of role ${roleId} in division ${divisionId}.`);
    list.splice(index, 1);
    ctx.store.changed();
    return reply.code(204).send();
  });
}
