// genesyscloud_user: users (deleted ones stay searchable, as the provider's destroy waits for that), their
// profile skills and password. Routing skills and languages are in user-routing.ts; utilization and voicemail
// policy in user-settings.ts.
import type { FastifyInstance } from 'fastify';
import { arrayBody, requiredText, string } from '../check.ts';
import type { EmulatorContext } from '../context.ts';
import { badRequest, conflict, versionMismatch } from '../errors.ts';
import type { RoutingEntryRef, SearchCriterion, User, UserProfile } from '../model/users.ts';
import { page, pageParams } from '../paging.ts';
import { LANGUAGES, SKILLS, USER, USER_PASSWORD, USER_PROFILESKILLS, USERS, USERS_SEARCH } from '../paths.ts';
import { divisionRef, ref, routingEntryRef } from '../refs.ts';
import {
  passwordRequest,
  userCreateRequest,
  userSearchRequest,
  userUpdateRequest,
} from '../requests/users.ts';
import { newId, nowIso } from '../state.ts';
import { byName, liveUser, type On } from './util.ts';

/** Fields PATCH /users/{id} may change (Updateuser). */
const PATCHABLE: (keyof UserProfile)[] = [
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

/** The fields a search criterion can name: the user's own text fields. */
const SEARCHABLE: Record<string, (u: User) => string | undefined> = {
  id: (u) => u.id,
  name: (u) => u.name,
  email: (u) => u.email,
  username: (u) => u.username,
  state: (u) => u.state,
  title: (u) => u.title,
  department: (u) => u.department,
};

/** One search criterion: EXACT (value or values) or CONTAINS on some fields. */
function matchesCriterion(u: User, criterion: SearchCriterion): boolean {
  const wanted = (criterion.values ?? [criterion.value])
    .filter((v): v is string => v !== undefined)
    .map((v) => v.toLowerCase());
  const type = (criterion.type ?? 'EXACT').toUpperCase();
  return (criterion.fields ?? []).some((field) => {
    const actual = (SEARCHABLE[field]?.(u) ?? '').toLowerCase();
    return type === 'CONTAINS' ? wanted.some((w) => actual.includes(w)) : wanted.includes(actual);
  });
}

/** Copies one field if it was sent; the generic key keeps the source and target field types the same. */
function copyField<K extends keyof UserProfile>(target: UserProfile, source: UserProfile, field: K): void {
  const value = source[field];
  if (value !== undefined) target[field] = value;
}

export function registerUsers(app: FastifyInstance, ctx: EmulatorContext): void {
  const state = () => ctx.store.state;
  const users = () => state().users;
  const emailTaken = (email: string, exceptId?: string) =>
    Object.values(users()).some((u) => u.id !== exceptId && u.email.toLowerCase() === email.toLowerCase());

  /** A user as answered: expanded skills and languages added, unexpanded profile fields left out. */
  const render = (u: User, expand: string[]) => {
    const rendered: User & { skills?: RoutingEntryRef[]; languages?: RoutingEntryRef[] } = { ...u };
    if (expand.includes('skills'))
      rendered.skills = (state().userSkills[u.id] ?? []).map((s) =>
        routingEntryRef(s, SKILLS, state().skills),
      );
    if (expand.includes('languages'))
      rendered.languages = (state().userLanguages[u.id] ?? []).map((s) =>
        routingEntryRef(s, LANGUAGES, state().languages),
      );
    if (!expand.includes('locations')) delete rendered.locations;
    if (!expand.includes('profileSkills')) delete rendered.profileSkills;
    if (!expand.includes('certifications')) delete rendered.certifications;
    if (!expand.includes('employerInfo')) delete rendered.employerInfo;
    return rendered;
  };

  app.post(USERS, async (request) => {
    const body = userCreateRequest(request.body);
    const email = requiredText(body.email, 'email');
    if (!EMAIL.test(email)) throw badRequest(`email '${email}' is not a valid address.`, 'email');
    const name = requiredText(body.name, 'name');
    // Deleted users keep their email: the provider then searches for and restores them.
    if (emailTaken(email)) throw conflict(`A user with email ${email} already exists.`);
    const id = newId();
    const created: User = {
      id,
      name,
      email,
      username: email,
      state: body.state ?? 'active',
      title: body.title,
      department: body.department,
      addresses: body.addresses ?? [],
      division: divisionRef(ctx.store.state, body.divisionId),
      acdAutoAnswer: false,
      version: 1,
      dateCreated: nowIso(),
      selfUri: `${USERS}/${id}`,
    };
    users()[id] = created;
    ctx.store.changed();
    return created;
  });

  app.get<On<'id'>>(USER, async (request) => {
    const query = request.query;
    const found = liveUser(state(), request.params.id, query.state === 'deleted');
    return render(found, (query.expand ?? '').split(',').filter(Boolean));
  });

  app.patch<On<'id'>>(USER, async (request) => {
    const { id } = request.params;
    const body = userUpdateRequest(request.body);
    const target = liveUser(state(), id, body.state === 'active');
    if (body.version !== target.version) throw versionMismatch();
    if (body.email !== undefined && emailTaken(body.email, id))
      throw conflict(`A user with email ${body.email} already exists.`);
    for (const field of PATCHABLE) copyField(target, body, field);
    if (body.manager !== undefined)
      target.manager = body.manager ? ref(body.manager, `${USERS}/${body.manager}`) : undefined;
    target.version += 1;
    ctx.store.changed();
    return target;
  });

  app.delete<On<'id'>>(USER, async (request) => {
    const target = liveUser(state(), request.params.id);
    // Genesys takes a deleted user out of every queue.
    for (const members of Object.values(state().queueMembers)) {
      const index = members.findIndex((m) => m.id === target.id);
      if (index >= 0) members.splice(index, 1);
    }
    target.state = 'deleted';
    target.version += 1;
    ctx.store.changed();
    return {};
  });

  // The list as the API has it: `state` (active by default; inactive, deleted or any) and the same expands as
  // one user.
  app.get<On>(USERS, async (request) => {
    const query = request.query;
    const wanted = query.state ?? 'active';
    if (!['active', 'inactive', 'deleted', 'any'].includes(wanted))
      throw badRequest(`state must be active, inactive, deleted or any; got '${wanted}'.`, 'state');
    const list = byName(Object.values(users()).filter((u) => (wanted === 'any' ? true : u.state === wanted)));
    const answer = page(list, query, USERS);
    const expand = (query.expand ?? '').split(',').filter(Boolean);
    return { ...answer, entities: answer.entities.map((u) => render(u, expand)) };
  });

  app.post(USERS_SEARCH, async (request) => {
    const body = userSearchRequest(request.body);
    const criteria = body.query ?? [];
    const wantsState = criteria.some((c) => c.fields?.includes('state'));
    const results = Object.values(users()).filter((u) => {
      if (!wantsState && u.state === 'deleted') return false;
      return criteria.every((c) => matchesCriterion(u, c));
    });
    const { pageSize, pageNumber } = pageParams(body, 25, 100);
    return {
      total: results.length,
      pageSize,
      pageNumber,
      pageCount: Math.ceil(results.length / pageSize),
      results: results.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    };
  });

  app.put<On<'id'>>(USER_PROFILESKILLS, async (request) => {
    const target = liveUser(state(), request.params.id);
    target.profileSkills = arrayBody(request.body, string);
    ctx.store.changed();
    return target.profileSkills;
  });

  app.post<On<'id'>>(USER_PASSWORD, async (request, reply) => {
    liveUser(state(), request.params.id);
    if (passwordRequest(request.body).newPassword === undefined)
      throw badRequest('newPassword is required.', 'newPassword');
    return reply.code(204).send();
  });
}
