// One line per resource change, in contact-center words: "Queue 'Billing': ACW timeout 30 s → 60 s, members
// +Ana Lopez, −Ben Okafor". Objects are named as the admin UI names them (flows by flow name, role grants by the
// user's name and the roles granted, members by user name), from the plan itself (names.ts). Sensitive values
// are never printed; values known only after apply say so.
import { changeKind, type ResourceChange } from './model.ts';
import type { PlanNames } from './names.ts';
import { noun } from './policies/contact-center.ts';
import { objectName } from './select.ts';
import { isSensitiveAfter, isSensitiveBefore, maskCovers, REDACTED, UNKNOWN } from './values.ts';

const ICON = {
  create: '➕',
  update: '✏️',
  delete: '🗑️',
  replace: '♻️',
  read: '👁️',
  'no-op': '·',
  forget: '🫥',
  import: '📥',
} as const;

/** Attribute names people recognise, with a unit formatter where the raw value would confuse. */
const FRIENDLY: Record<string, { label: string; format?: (v: unknown) => string; id?: true }> = {
  acw_timeout_ms: { label: 'ACW timeout', format: (v) => `${Number(v) / 1000} s` },
  acw_wrapup_prompt: { label: 'ACW prompt' },
  skill_evaluation_method: { label: 'skill evaluation' },
  queue_flow_id: { label: 'in-queue flow', id: true },
  email_in_queue_flow_id: { label: 'email in-queue flow', id: true },
  message_in_queue_flow_id: { label: 'message in-queue flow', id: true },
  division_id: { label: 'division', id: true },
  user_id: { label: 'user', id: true },
  description: { label: 'description' },
  name: { label: 'name' },
  state: { label: 'state' },
  title: { label: 'title' },
  department: { label: 'department' },
  email: { label: 'email' },
  filepath: { label: 'flow file' },
  file_content_hash: { label: 'flow content' },
  permissions: { label: 'permissions' },
  substitutions: { label: 'flow text' },
};

const MEDIA_FIELDS: Record<string, { label: string; format?: (v: unknown) => string }> = {
  alerting_timeout_sec: { label: 'alerting timeout', format: (v) => `${String(v)} s` },
  service_level_percentage: { label: 'service level', format: (v) => `${Math.round(Number(v) * 100)}%` },
  service_level_duration_ms: { label: 'service level time', format: (v) => `${Number(v) / 1000} s` },
  enable_auto_answer: { label: 'auto answer' },
};

function short(value: unknown): string {
  if (value === UNKNOWN || value === REDACTED) return value;
  if (value === null || value === undefined) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Names of the items of a set attribute (a member, a role grant, a skill); undefined when it has none. */
type ItemLabel = (item: unknown) => string | undefined;

function itemLabels(names: PlanNames | undefined): Record<string, { label: string; item: ItemLabel }> {
  const byId = (id: unknown) => (typeof id === 'string' ? names?.nameById(id) : undefined);
  const divisions = (ids: unknown) => {
    if (!Array.isArray(ids) || ids.length === 0) return '';
    if (ids.includes('*')) return ' (all divisions)';
    const named = ids.map((id) => byId(id));
    return named.every((n) => n !== undefined) ? ` (${named.join(', ')})` : '';
  };
  return {
    members: {
      label: 'members',
      item: (m) => {
        const { user_id: id, ring_num: ring } = m as { user_id?: unknown; ring_num?: number };
        const name = byId(id);
        return name === undefined ? undefined : `${name}${ring && ring !== 1 ? ` (ring ${ring})` : ''}`;
      },
    },
    wrapup_codes: { label: 'wrap-up codes', item: byId },
    routing_skills: {
      label: 'skills',
      item: (s) => {
        const { skill_id: id, proficiency } = s as { skill_id?: unknown; proficiency?: number };
        const name = byId(id);
        return name === undefined
          ? undefined
          : `${name}${proficiency === undefined ? '' : ` (${proficiency})`}`;
      },
    },
    roles: {
      label: 'roles',
      item: (r) => {
        const { role_id: id, division_ids } = r as { role_id?: unknown; division_ids?: unknown };
        const name = byId(id);
        return name === undefined ? undefined : `${name}${divisions(division_ids)}`;
      },
    },
    permission_policies: {
      label: 'permission policies',
      item: (p) => {
        const { domain, entity_name, action_set } = p as {
          domain?: string;
          entity_name?: string;
          action_set?: string[];
        };
        return domain && entity_name ? `${domain}:${entity_name}:${(action_set ?? []).join(',')}` : undefined;
      },
    },
    skill_groups: { label: 'skill groups', item: byId },
  };
}

/** "+Ana Lopez, −Ben Okafor", with "+2 more" for items the plan cannot name. */
function setDelta(before: unknown, after: unknown, item: ItemLabel): string | undefined {
  const key = (v: unknown) => JSON.stringify(v);
  const a = new Map((Array.isArray(before) ? before : []).map((v) => [key(v), v]));
  const b = new Map((Array.isArray(after) ? after : []).map((v) => [key(v), v]));
  const added = [...b].filter(([k]) => !a.has(k)).map(([, v]) => v);
  const removed = [...a].filter(([k]) => !b.has(k)).map(([, v]) => v);
  const side = (sign: string, list: unknown[]) => {
    // Sorted: a set's order in the plan follows its items' hashes (random ids), not anything a reader knows.
    const named = list
      .map(item)
      .filter((n): n is string => n !== undefined)
      .sort((x, y) => x.localeCompare(y));
    const unnamed = list.length - named.length;
    const parts = named.map((n) => `${sign}${n}`);
    if (unnamed) parts.push(named.length ? `${sign}${unnamed} more` : `${sign}${unnamed}`);
    return parts;
  };
  const parts = [...side('+', added), ...side('−', removed)];
  return parts.length ? parts.join(', ') : undefined;
}

function describeMedia(key: string, before: unknown, after: unknown): string | undefined {
  const media = key.replace('media_settings_', '');
  const b = (Array.isArray(before) ? before[0] : undefined) as Record<string, unknown> | undefined;
  const a = (Array.isArray(after) ? after[0] : undefined) as Record<string, unknown> | undefined;
  return (
    Object.entries(MEDIA_FIELDS)
      .filter(([field]) => JSON.stringify(b?.[field]) !== JSON.stringify(a?.[field]))
      .map(([field, meta]) => {
        const fmt = (v: unknown) =>
          v === undefined || v === null ? '∅' : meta.format ? meta.format(v) : short(v);
        return `${media} ${meta.label} ${fmt(b?.[field])} → ${fmt(a?.[field])}`;
      })
      .join(', ') || undefined
  );
}

/** A map attribute (flow substitutions) as the keys that changed. */
function mapDelta(label: string, before: unknown, after: unknown): string | undefined {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const changed = keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${k} ${short(b[k])} → ${short(a[k])}`);
  return changed.length ? `${label}: ${changed.join(', ')}` : undefined;
}

/** One attribute's change in contact-center words ("ACW timeout 30 s → 60 s"); undefined when it did not change. */
export function describeAttribute(rc: ResourceChange, key: string, names?: PlanNames): string | undefined {
  const change = rc.change;
  const before = (change.before as Record<string, unknown> | null)?.[key];
  const after = (change.after as Record<string, unknown> | null)?.[key];
  const meta = FRIENDLY[key];
  const sets = itemLabels(names);
  const label = meta?.label ?? sets[key]?.label ?? key;
  const sensitive = isSensitiveBefore(change, [key]) || isSensitiveAfter(change, [key]);
  if (sensitive) return `${label} changed (sensitive)`;
  if (maskCovers(change.after_unknown, [key])) return `${label} → ${UNKNOWN}`;
  if (key === 'members' && rc.type === 'genesyscloud_routing_queue' && names) {
    const delta = memberDelta(rc, names);
    if (delta !== undefined || JSON.stringify(before) === JSON.stringify(after)) return delta;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const set = sets[key];
  if (set) {
    const delta = setDelta(before, after, set.item);
    return delta ? `${set.label} ${delta}` : undefined;
  }
  if (key.startsWith('media_settings_')) return describeMedia(key, before, after);
  if (key === 'substitutions') return mapDelta(label, before, after);
  const fmt = (v: unknown) => {
    if (v === undefined || v === null) return '∅';
    if (meta?.id && typeof v === 'string' && names?.nameById(v) !== undefined)
      return `'${names.nameById(v)}'`;
    return meta?.format ? meta.format(v) : short(v);
  };
  return `${label} ${fmt(before)} → ${fmt(after)}`;
}

/** Queue members before and after, by user name (members of users created in this plan included). */
function memberDelta(rc: ResourceChange, names: PlanNames): string | undefined {
  const before = names.queueMembers(rc, 'before');
  const after = names.queueMembers(rc, 'after');
  const ring = (n: number) => (n !== 1 ? ` (ring ${n})` : '');
  const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  const parts = [
    ...sorted(after.names)
      .filter(([name]) => !before.names.has(name))
      .map(([name, r]) => `+${name}${ring(r)}`),
    ...sorted(before.names)
      .filter(([name]) => !after.names.has(name))
      .map(([name, r]) => `−${name}${ring(r)}`),
    ...sorted(after.names)
      .filter(([name, r]) => before.names.has(name) && before.names.get(name) !== r)
      .map(([name, r]) => `${name} ring ${before.names.get(name)} → ${r}`),
  ];
  if (after.unnamed || before.unnamed) {
    const countOf = (side: 'before' | 'after') =>
      Array.isArray((rc.change[side] as { members?: unknown[] } | null)?.members)
        ? (rc.change[side] as { members: unknown[] }).members.length
        : 0;
    const diff = countOf('after') - countOf('before');
    if (parts.length === 0 && diff === 0) return undefined;
    if (diff !== 0) parts.push(`${diff > 0 ? '+' : '−'}${Math.abs(diff)} unnamed`);
  }
  return parts.length ? `members ${parts.join(', ')}` : undefined;
}

/** What a new (or deleted) object holds that a reviewer wants to see at once: members, role grants. */
function contents(rc: ResourceChange, names: PlanNames | undefined, side: 'before' | 'after'): string {
  if (!names) return '';
  if (rc.type === 'genesyscloud_routing_queue') {
    const { names: members, unnamed } = names.queueMembers(rc, side);
    const list = [...members]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, r]) => `${name}${r !== 1 ? ` (ring ${r})` : ''}`);
    if (unnamed) list.push(`${unnamed} more`);
    return list.length ? `members ${list.join(', ')}` : '';
  }
  if (rc.type === 'genesyscloud_user_roles') {
    const roles = (rc.change[side] as { roles?: unknown[] } | null)?.roles ?? [];
    const item = itemLabels(names).roles!.item;
    const named = roles
      .map(item)
      .filter((n): n is string => n !== undefined)
      .sort((x, y) => x.localeCompare(y));
    if (named.length < roles.length) named.push(`${roles.length - named.length} more`);
    return named.length ? `roles ${named.join(', ')}` : '';
  }
  return '';
}

/** How the summary names an object: its name, else its instance key (a human name here), else its address. */
export function subjectOf(rc: ResourceChange, names?: PlanNames): string {
  const name = names?.nameOf(rc) ?? objectName(rc);
  if (name !== undefined && !isSensitiveAfter(rc.change, ['name'])) return `${noun(rc.type)} '${name}'`;
  if (typeof rc.index === 'string') return `${noun(rc.type)} '${rc.index}'`;
  return `${noun(rc.type)} \`${rc.address}\``;
}

/** One line for one change. Pass the plan's names (`planNames(plan)`) to name ids and objects created with it. */
export function describeChange(rc: ResourceChange, names?: PlanNames): string {
  const kind = changeKind(rc.change);
  const subject = subjectOf(rc, names);
  if (kind === 'create') {
    const holds = contents(rc, names, 'after');
    return `${ICON.create} ${subject} created${holds ? `: ${holds}` : ''}`;
  }
  if (kind === 'import')
    return `${ICON.import} ${subject} imported as it is (id ${rc.change.importing?.id ?? 'unknown'})`;
  if (kind === 'delete') {
    const held = contents(rc, names, 'before');
    return `${ICON.delete} ${subject} **deleted**${held ? ` (had ${held})` : ''}`;
  }
  const keys = new Set([
    ...Object.keys((rc.change.before as object | null) ?? {}),
    ...Object.keys((rc.change.after as object | null) ?? {}),
    ...Object.keys((typeof rc.change.after_unknown === 'object' && rc.change.after_unknown) || {}),
  ]);
  keys.delete('id');
  const details = [...keys]
    .sort()
    .map((k) => describeAttribute(rc, k, names))
    .filter((d): d is string => !!d);
  const why =
    kind === 'replace' && rc.change.replace_paths
      ? ` (forced by ${rc.change.replace_paths.map((p) => p.join('.')).join(', ')})`
      : '';
  const verb = kind === 'replace' ? ` **replaced**${why}` : '';
  return `${ICON[kind]} ${subject}${verb}${details.length ? `: ${details.join(', ')}` : ''}`;
}
