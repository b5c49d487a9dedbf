// genesyscloud_user: users (deleted ones stay searchable, as the provider's destroy waits for that), their
// routing skills and languages, utilization and voicemail policy.
import type { FastifyInstance } from 'fastify';
import { badRequest, conflict, notFound, versionMismatch } from '../errors.ts';
import { page, pageParams } from '../paging.ts';
import { newId, nowIso, type Json } from '../store.ts';
import type { EmulatorContext } from '../context.ts';
import { LANGUAGES, SKILLS, USER_UTILIZATION, USERS, VOICEMAIL_POLICIES } from '../paths.ts';
import { divisionRef } from './divisions.ts';
import { byName, arrayBody, jsonBody, ref, requiredString, type Params, type Query } from './util.ts';

/** Fields PATCH /users/{id} may change (Updateuser). */
const PATCHABLE = [
  'name',
  'department',
  'title',
  'acdAutoAnswer',
  'email',
  'addresses',
  'locations',
  'certifications',
  'employerInfo',
  'state',
  'profileSkills',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerUsers(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  const users = () => state().users;
  /** A live (not deleted) user, unless the caller asked for deleted ones. */
  const user = (id: string | undefined, allowDeleted = false) => {
    const found = users()[id!];
    if (!found || (found.state === 'deleted' && !allowDeleted)) throw notFound(`User ${id} was not found.`);
    return found;
  };
  const emailTaken = (email: string, exceptId?: string) =>
    Object.values(users()).some(
      (u) => u.id !== exceptId && String(u.email).toLowerCase() === email.toLowerCase(),
    );

  const render = (u: Json, expand: string[]) => {
    const id = String(u.id);
    const rendered: Json = { ...u };
    if (expand.includes('skills'))
      rendered.skills = (state().userSkills[id] ?? []).map((s) => routingEntry(s, SKILLS, state().skills));
    if (expand.includes('languages'))
      rendered.languages = (state().userLanguages[id] ?? []).map((s) =>
        routingEntry(s, LANGUAGES, state().languages),
      );
    if (!expand.includes('locations')) delete rendered.locations;
    if (!expand.includes('profileSkills')) delete rendered.profileSkills;
    if (!expand.includes('certifications')) delete rendered.certifications;
    if (!expand.includes('employerInfo')) delete rendered.employerInfo;
    return rendered;
  };

  app.post(USERS, async (request) => {
    const body = jsonBody(request.body);
    const email = requiredString(body, 'email');
    if (!EMAIL.test(email)) throw badRequest(`email '${email}' is not a valid address.`, 'email');
    const name = requiredString(body, 'name');
    // Deleted users keep their email: the provider then searches for and restores them.
    if (emailTaken(email)) throw conflict(`A user with email ${email} already exists.`);
    const id = newId();
    const created: Json = {
      id,
      name,
      email,
      username: email,
      state: body.state ?? 'active',
      title: body.title,
      department: body.department,
      addresses: body.addresses ?? [],
      division: divisionRef(ctx, body.divisionId as string | undefined),
      acdAutoAnswer: false,
      version: 1,
      dateCreated: nowIso(),
      selfUri: `${USERS}/${id}`,
    };
    users()[id] = created;
    ctx.store.changed();
    return created;
  });

  app.get(`${USERS}/:id`, async (request) => {
    const query = request.query as Query;
    const found = user((request.params as Params).id, query.state === 'deleted');
    return render(found, (query.expand ?? '').split(',').filter(Boolean));
  });

  app.patch(`${USERS}/:id`, async (request) => {
    const { id } = request.params as Params;
    const body = jsonBody(request.body);
    const target = user(id, body.state === 'active');
    if (body.version !== target.version) throw versionMismatch();
    if (typeof body.email === 'string' && emailTaken(body.email, id))
      throw conflict(`A user with email ${body.email} already exists.`);
    for (const field of PATCHABLE) if (body[field] !== undefined) target[field] = body[field];
    if (body.manager !== undefined)
      target.manager = body.manager
        ? ref(String(body.manager), `${USERS}/${String(body.manager)}`)
        : undefined;
    target.version = Number(target.version) + 1;
    ctx.store.changed();
    return target;
  });

  app.delete(`${USERS}/:id`, async (request) => {
    const target = user((request.params as Params).id);
    // Genesys takes a deleted user out of every queue.
    for (const members of Object.values(state().queueMembers)) {
      const index = members.findIndex((m) => m.id === target.id);
      if (index >= 0) members.splice(index, 1);
    }
    target.state = 'deleted';
    target.version = Number(target.version) + 1;
    ctx.store.changed();
    return {};
  });

  app.get(USERS, async (request) => {
    const query = request.query as Query;
    const list = byName(Object.values(users()).filter((u) => u.state !== 'deleted'));
    return page(list, query, USERS);
  });

  app.post(`${USERS}/search`, async (request) => {
    const body = jsonBody(request.body);
    const criteria = (body.query ?? []) as Json[];
    const wantsState = criteria.some((c) => (c.fields as string[] | undefined)?.includes('state'));
    const results = Object.values(users()).filter((u) => {
      if (!wantsState && u.state === 'deleted') return false;
      return criteria.every((c) => matchesCriterion(u, c));
    });
    const { pageSize, pageNumber } = pageParams(body as Query, 25, 100);
    return {
      total: results.length,
      pageSize,
      pageNumber,
      pageCount: Math.ceil(results.length / pageSize),
      results: results.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    };
  });

  // Routing skills and languages share one shape: pages of {id, proficiency}, bulk PATCH (add/update) and
  // PUT (replace), DELETE one.
  for (const [segment, listKey, catalogueKey, base] of [
    ['routingskills', 'userSkills', 'skills', SKILLS],
    ['routinglanguages', 'userLanguages', 'languages', LANGUAGES],
  ] as const) {
    const entries = (id: string) => (state()[listKey][id] ??= []);
    const listing = (id: string, query: Query) =>
      page(
        entries(id).map((e) => routingEntry(e, base, state()[catalogueKey])),
        query,
        `${USERS}/${id}/${segment}`,
      );
    const apply = (id: string, body: unknown, replace: boolean) => {
      const list = entries(id);
      if (replace) list.length = 0;
      for (const entry of arrayBody(body, 50) as Json[]) {
        const entryId = String(entry.id ?? '');
        if (!state()[catalogueKey][entryId])
          throw badRequest(
            `${segment === 'routingskills' ? 'Skill' : 'Language'} ${entryId} does not exist.`,
            'id',
          );
        const proficiency = Number(entry.proficiency ?? 0);
        if (!(proficiency >= 0 && proficiency <= 5))
          throw badRequest(
            `proficiency must be between 0 and 5; got ${String(entry.proficiency)}.`,
            'proficiency',
          );
        const existing = list.find((e) => e.id === entryId);
        if (existing) existing.proficiency = proficiency;
        else list.push({ id: entryId, proficiency });
      }
      ctx.store.changed();
    };

    app.get(`${USERS}/:id/${segment}`, async (request) => {
      const { id } = request.params as Params;
      user(id);
      return listing(id!, request.query as Query);
    });
    app.patch(`${USERS}/:id/${segment}/bulk`, async (request) => {
      const { id } = request.params as Params;
      user(id);
      apply(id!, request.body, false);
      return listing(id!, {});
    });
    app.put(`${USERS}/:id/${segment}/bulk`, async (request) => {
      const { id } = request.params as Params;
      user(id);
      apply(id!, request.body, true);
      return listing(id!, {});
    });
    app.delete(`${USERS}/:id/${segment}/:entryId`, async (request, reply) => {
      const { id, entryId } = request.params as Params;
      user(id);
      const list = entries(id!);
      const index = list.findIndex((e) => e.id === entryId);
      if (index < 0) throw notFound(`User ${id} has no ${segment} entry ${entryId}.`);
      list.splice(index, 1);
      ctx.store.changed();
      return reply.code(204).send();
    });
  }

  app.put(`${USERS}/:id/profileskills`, async (request) => {
    const target = user((request.params as Params).id);
    target.profileSkills = arrayBody(request.body).map(String);
    ctx.store.changed();
    return target.profileSkills;
  });

  app.post(`${USERS}/:id/password`, async (request, reply) => {
    user((request.params as Params).id);
    if (typeof jsonBody(request.body).newPassword !== 'string')
      throw badRequest('newPassword is required.', 'newPassword');
    return reply.code(204).send();
  });

  // Utilization: {"level":"Organization"} means "no override for this user".
  app.get(USER_UTILIZATION, async (request) => {
    const { id } = request.params as Params;
    user(id);
    return state().utilization[id!] ?? { level: 'Organization' };
  });
  app.put(USER_UTILIZATION, async (request) => {
    const { id } = request.params as Params;
    user(id);
    const body = jsonBody(request.body);
    const value = {
      level: 'Agent',
      utilization: body.utilization ?? {},
      labelUtilizations: body.labelUtilizations ?? {},
    };
    state().utilization[id!] = value;
    ctx.store.changed();
    return value;
  });
  app.delete(USER_UTILIZATION, async (request, reply) => {
    const { id } = request.params as Params;
    user(id);
    delete state().utilization[id!];
    ctx.store.changed();
    return reply.code(204).send();
  });

  // Voicemail policy: any error on the GET makes the provider retry until it times out, so it always answers.
  app.get(`${VOICEMAIL_POLICIES}/:id`, async (request) => {
    const { id } = request.params as Params;
    user(id);
    return state().voicemailPolicies[id!] ?? { alertTimeoutSeconds: 30, sendEmailNotifications: false };
  });
  app.patch(`${VOICEMAIL_POLICIES}/:id`, async (request) => {
    const { id } = request.params as Params;
    user(id);
    const current = state().voicemailPolicies[id!] ?? {
      alertTimeoutSeconds: 30,
      sendEmailNotifications: false,
    };
    const next = { ...current, ...jsonBody(request.body) };
    state().voicemailPolicies[id!] = next;
    ctx.store.changed();
    return next;
  });
}

function routingEntry(
  entry: { id: string; proficiency: number },
  base: string,
  catalogue: Record<string, Json>,
) {
  const item = catalogue[entry.id];
  return {
    id: entry.id,
    name: item?.name,
    proficiency: entry.proficiency,
    state: 'active',
    selfUri: `${base}/${entry.id}`,
  };
}

/** One search criterion: EXACT (value or values) or CONTAINS on email, name or state. */
function matchesCriterion(u: Json, criterion: Json): boolean {
  const fields = (criterion.fields ?? []) as string[];
  const wanted = ((criterion.values as unknown[] | undefined) ?? [criterion.value])
    .filter((v) => v !== undefined)
    .map((v) => String(v).toLowerCase());
  const type = String(criterion.type ?? 'EXACT').toUpperCase();
  return fields.some((field) => {
    const actual = String(u[field] ?? '').toLowerCase();
    return type === 'CONTAINS' ? wanted.some((w) => actual.includes(w)) : wanted.includes(actual);
  });
}
