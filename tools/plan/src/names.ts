// Names a reviewer knows objects by, read from the plan itself: a Genesys object's id (a role, a division, a
// user, a flow) is named from the prior state and the data sources the plan read; an object created in the
// same plan has no id yet, so it is found through the plan's own structure instead — a role grant through the
// for_each of the user it is keyed on (the configuration says which resource that is), a new queue member
// through the email the root's configuration gives for it. Nothing is guessed: what cannot be named this way
// stays unnamed (and the caller says how many).
import type { PlanJson, ResourceChange } from './model.ts';
import { namedValue, objectName } from './select.ts';
import { afterAt, beforeAt } from './values.ts';

interface StateResource {
  address: string;
  mode: string;
  type: string;
  name: string;
  index?: string | number;
  values?: Record<string, unknown>;
}
interface StateModule {
  address?: string;
  resources?: StateResource[];
  child_modules?: StateModule[];
}
interface ConfigResource {
  address: string;
  type: string;
  name: string;
  expressions?: Record<string, { references?: string[] }>;
  for_each_expression?: { references?: string[] };
}
interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<
    string,
    { expressions?: Record<string, { constant_value?: unknown }>; module?: ConfigModule }
  >;
}

export interface PlanNames {
  /** What the admin UI calls the object a change is about; undefined when the plan cannot say. */
  nameOf(rc: ResourceChange): string | undefined;
  /** The name of the object with this id (any type the plan knows by id). */
  nameById(id: string): string | undefined;
  /** A user's name by email. */
  userByEmail(email: string): string | undefined;
  /** Members of a queue on one side of its change, named; `unnamed` counts those the plan cannot name. */
  queueMembers(rc: ResourceChange, side: 'before' | 'after'): { names: Map<string, number>; unnamed: number };
}

const GRANT_USER = /^genesyscloud_user\.([A-Za-z0-9_-]+)$/;

/** `module.a["x"].module.b` → `module.a.module.b`: the configuration is per module, not per instance. */
const configPath = (moduleAddress: string | undefined) => (moduleAddress ?? '').replace(/\[[^\]]*\]/g, '');

const cache = new WeakMap<PlanJson, PlanNames>();

/** The names of one plan, computed once per plan object. */
export function planNames(plan: PlanJson): PlanNames {
  let names = cache.get(plan);
  if (!names) {
    names = buildNames(plan);
    cache.set(plan, names);
  }
  return names;
}

function buildNames(plan: PlanJson): PlanNames {
  const byId = new Map<string, string>();
  const usersByEmail = new Map<string, string>();
  const userIdsToEmail = new Map<string, string>();
  const remember = (type: string, values: Record<string, unknown> | null | undefined) => {
    if (!values) return;
    const name = namedValue(type, values);
    if (typeof values.id === 'string' && name !== undefined) byId.set(values.id, name);
    if (type === 'genesyscloud_user' && typeof values.email === 'string' && name !== undefined) {
      usersByEmail.set(values.email.toLowerCase(), name);
      if (typeof values.id === 'string') userIdsToEmail.set(values.id, values.email.toLowerCase());
    }
  };
  const visit = (module: StateModule | undefined) => {
    for (const r of module?.resources ?? []) remember(r.type, r.values);
    for (const child of module?.child_modules ?? []) visit(child);
  };
  visit((plan.prior_state as { values?: { root_module?: StateModule } } | undefined)?.values?.root_module);
  const changes = new Map<string, ResourceChange>();
  for (const rc of plan.resource_changes ?? []) {
    remember(rc.type, rc.change.before as Record<string, unknown> | null);
    remember(rc.type, rc.change.after as Record<string, unknown> | null);
    changes.set(instanceKey(rc.module_address, rc.type, rc.name, rc.index), rc);
  }

  const configModules = new Map<string, ConfigModule>();
  const memberLists: { name: string; members: Record<string, unknown> }[] = [];
  const collectMembers = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collectMembers);
    else if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (
        typeof v.name === 'string' &&
        v.members &&
        typeof v.members === 'object' &&
        !Array.isArray(v.members)
      )
        memberLists.push({ name: v.name, members: v.members as Record<string, unknown> });
      Object.values(v).forEach(collectMembers);
    }
  };
  const visitConfig = (path: string, module: ConfigModule | undefined) => {
    if (!module) return;
    configModules.set(path, module);
    for (const [call, m] of Object.entries(module.module_calls ?? {})) {
      for (const expression of Object.values(m.expressions ?? {})) collectMembers(expression.constant_value);
      visitConfig(path ? `${path}.module.${call}` : `module.${call}`, m.module);
    }
  };
  visitConfig('', (plan.configuration as { root_module?: ConfigModule } | undefined)?.root_module);
  for (const variable of Object.values(plan.variables ?? {})) collectMembers(variable.value);

  const configResource = (rc: ResourceChange) =>
    configModules
      .get(configPath(rc.module_address))
      ?.resources?.find((r) => r.type === rc.type && r.name === rc.name);

  /** A role grant's user: by a known user_id, else the user instance its for_each (or user_id) is keyed on. */
  const grantUser = (rc: ResourceChange): string | undefined => {
    for (const found of [afterAt(rc.change, 'user_id'), beforeAt(rc.change, 'user_id')])
      if (found.state === 'known' && byId.has(String(found.value))) return byId.get(String(found.value));
    const config = configResource(rc);
    const references = [
      ...(config?.for_each_expression?.references ?? []),
      ...(config?.expressions?.user_id?.references ?? []),
    ];
    for (const reference of references) {
      const match = GRANT_USER.exec(reference);
      const user =
        match && changes.get(instanceKey(rc.module_address, 'genesyscloud_user', match[1]!, rc.index));
      if (user) return objectName(user);
    }
    return undefined;
  };

  const nameOf = (rc: ResourceChange): string | undefined => {
    if (rc.type === 'genesyscloud_user_roles') return grantUser(rc);
    return objectName(rc);
  };

  const queueMembers: PlanNames['queueMembers'] = (rc, side) => {
    const values = (side === 'after' ? rc.change.after : rc.change.before) as { members?: unknown } | null;
    const members = Array.isArray(values?.members)
      ? (values.members as { user_id?: string; ring_num?: number }[])
      : [];
    const names = new Map<string, number>();
    const unknownIds = members.filter((m) => typeof m.user_id !== 'string');
    const knownEmails = new Set<string>();
    let unnamed = 0;
    for (const member of members) {
      if (typeof member.user_id !== 'string') continue;
      const name = byId.get(member.user_id);
      if (name === undefined) unnamed += 1;
      else names.set(name, member.ring_num ?? 1);
      const email = userIdsToEmail.get(member.user_id);
      if (email) knownEmails.add(email);
    }
    if (unknownIds.length === 0) return { names, unnamed };
    // Members whose user is created in this plan: the configuration lists the queue's members by email. The
    // emails not already named by id must be exactly as many as the unknown ids, and each must be a user of
    // this plan, or none is named.
    const listed = memberLists.find((l) => l.name === objectName(rc))?.members ?? {};
    const fresh = Object.entries(listed).filter(([email]) => !knownEmails.has(email.toLowerCase()));
    const named = fresh.filter(([email]) => usersByEmail.has(email.toLowerCase()));
    if (named.length === unknownIds.length && fresh.length === named.length) {
      for (const [email, ring] of named) names.set(usersByEmail.get(email.toLowerCase())!, Number(ring) || 1);
      return { names, unnamed };
    }
    return { names, unnamed: unnamed + unknownIds.length };
  };

  return {
    nameOf,
    nameById: (id) => byId.get(id),
    userByEmail: (email) => usersByEmail.get(email.toLowerCase()),
    queueMembers,
  };
}

function instanceKey(moduleAddress: string | undefined, type: string, name: string, index: unknown): string {
  return `${moduleAddress ?? ''}|${type}.${name}|${JSON.stringify(index ?? null)}`;
}
