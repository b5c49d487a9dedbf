// genesyscloud_auth_role, and the permission catalogue its policies are checked against. Grants of roles to
// users are in subjects.ts.
import type { FastifyInstance } from 'fastify';
import { arrayBody } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Role } from '../model/authorization.ts';
import { nameMatches, page } from '../paging.ts';
import { PERMISSIONS, ROLE, ROLES, ROLES_DEFAULT } from '../paths.ts';
import { catalogueDomains, checkPolicy, domainPermissionCollection } from '../permission-catalogue.ts';
import { idEntry } from '../requests/common.ts';
import { roleRequest } from '../requests/authorization.ts';
import { newId } from '../state.ts';
import { byName, found, nameTaken, type On, type Query } from './util.ts';

export function registerRoles(app: FastifyInstance, ctx: EmulatorContext): void {
  const roles = () => ctx.store.state.roles;
  /** Users (not deleted) holding the role in any division. */
  const userCount = (roleId: string) =>
    Object.entries(ctx.store.state.grants).filter(
      ([userId, grants]) =>
        ctx.store.state.users[userId]?.state !== 'deleted' && grants.some((g) => g.roleId === roleId),
    ).length;
  const withCount = (role: Role, query: Query) =>
    query.userCount === 'false' ? role : { ...role, userCount: userCount(role.id) };
  /** The fields a create or update sets: a unique name, and policies the permission catalogue holds. */
  const fields = (body: unknown, exceptId?: string) => {
    const request = roleRequest(body);
    if (nameTaken(roles(), request.name, exceptId))
      throw conflict(`A role named '${request.name}' already exists.`);
    const policies = request.permissionPolicies ?? [];
    for (const policy of policies) {
      if (!policy.actionSet || policy.actionSet.length === 0)
        throw badRequest(
          'Every permission policy needs a non-empty actionSet.',
          'permissionPolicies.actionSet',
        );
      checkPolicy(policy);
    }
    return {
      name: request.name,
      description: request.description ?? '',
      permissions: request.permissions ?? [],
      permissionPolicies: policies,
    };
  };

  app.get<On>(PERMISSIONS, async (request) => {
    const query = request.query;
    const domains = query.queryType === 'domain' && query.query ? query.query.split(',') : catalogueDomains();
    return page(
      domains.map(domainPermissionCollection).filter((e): e is NonNullable<typeof e> => !!e),
      query,
      PERMISSIONS,
    );
  });

  app.post(ROLES, async (request) => {
    const id = newId();
    const role: Role = {
      id,
      ...fields(request.body),
      base: false,
      default: false,
      selfUri: `${ROLES}/${id}`,
    };
    roles()[id] = role;
    ctx.store.changed();
    return { ...role, userCount: 0 };
  });

  app.get<On<'id'>>(ROLE, async (request) =>
    withCount(found(roles()[request.params.id], `Role ${request.params.id}`), request.query),
  );

  app.put(ROLES_DEFAULT, async (request) => {
    for (const entry of arrayBody(request.body, idEntry))
      found(roles()[entry.id ?? ''], `Role ${String(entry.id)}`);
    return { entities: Object.values(roles()).filter((r) => r.default) };
  });

  app.put<On<'id'>>(ROLE, async (request) => {
    const { id } = request.params;
    const role = found(roles()[id], `Role ${id}`);
    Object.assign(role, fields(request.body, id));
    ctx.store.changed();
    return withCount(role, {});
  });

  app.delete<On<'id'>>(ROLE, async (request, reply) => {
    const { id } = request.params;
    const role = found(roles()[id], `Role ${id}`);
    if (role.default) throw badRequest(`Role '${role.name}' is a default role and cannot be deleted.`);
    delete roles()[id];
    for (const grants of Object.values(ctx.store.state.grants))
      grants.splice(0, grants.length, ...grants.filter((g) => g.roleId !== id));
    ctx.store.changed();
    return reply.code(204).send();
  });

  app.get<On>(ROLES, async (request) => {
    const query = request.query;
    const list = byName(
      Object.values(roles())
        .filter((r) => nameMatches(r.name, query.name))
        .filter((r) => !query.defaultRoleId || r.defaultRoleId === query.defaultRoleId),
    ).map((r) => withCount(r, query));
    return page(list, query, ROLES);
  });
}
