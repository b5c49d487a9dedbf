// One line per resource change, in contact-center words: "Queue 'Billing': ACW timeout 30 s → 60 s, members +3".
// Sensitive values are never printed; values known only after apply say so.
import { changeKind, type ResourceChange } from './model.ts';
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
} as const;

/** Attribute names people recognise, with a unit formatter where the raw value would confuse. */
const FRIENDLY: Record<string, { label: string; format?: (v: unknown) => string }> = {
  acw_timeout_ms: { label: 'ACW timeout', format: (v) => `${Number(v) / 1000} s` },
  acw_wrapup_prompt: { label: 'ACW prompt' },
  skill_evaluation_method: { label: 'skill evaluation' },
  queue_flow_id: { label: 'in-queue flow' },
  division_id: { label: 'division' },
  description: { label: 'description' },
  name: { label: 'name' },
  state: { label: 'state' },
  title: { label: 'title' },
  department: { label: 'department' },
  filepath: { label: 'flow file' },
  file_content_hash: { label: 'flow content' },
  permissions: { label: 'permissions' },
};

/** Sets of members/ids are summarised as +added −removed rather than printed whole. */
const COUNTED: Record<string, string> = {
  members: 'members',
  wrapup_codes: 'wrap-up codes',
  routing_skills: 'skills',
  roles: 'roles',
  permission_policies: 'permission policies',
  skill_groups: 'skill groups',
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

function countDelta(before: unknown, after: unknown): string | undefined {
  const key = (v: unknown) => JSON.stringify(v);
  const a = new Set((Array.isArray(before) ? before : []).map(key));
  const b = new Set((Array.isArray(after) ? after : []).map(key));
  const added = [...b].filter((x) => !a.has(x)).length;
  const removed = [...a].filter((x) => !b.has(x)).length;
  if (!added && !removed) return undefined;
  return [added ? `+${added}` : '', removed ? `−${removed}` : ''].filter(Boolean).join(' ');
}

/** One attribute's change in contact-center words ("ACW timeout 30 s → 60 s"); undefined when it did not change. */
export function describeAttribute(rc: ResourceChange, key: string): string | undefined {
  const change = rc.change;
  const before = (change.before as Record<string, unknown> | null)?.[key];
  const after = (change.after as Record<string, unknown> | null)?.[key];
  const unknown = maskCovers(change.after_unknown, [key]);
  const sensitive = isSensitiveBefore(change, [key]) || isSensitiveAfter(change, [key]);
  if (sensitive) return `${FRIENDLY[key]?.label ?? key} changed (sensitive)`;
  if (unknown) return `${FRIENDLY[key]?.label ?? key} → ${UNKNOWN}`;
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  if (COUNTED[key]) {
    const delta = countDelta(before, after);
    return delta ? `${COUNTED[key]} ${delta}` : undefined;
  }
  if (key.startsWith('media_settings_')) {
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
  const meta = FRIENDLY[key];
  const fmt = (v: unknown) =>
    v === undefined || v === null ? '∅' : meta?.format ? meta.format(v) : short(v);
  return `${meta?.label ?? key} ${fmt(before)} → ${fmt(after)}`;
}

/** "Queue 'Billing'", or the address when the object has no (printable) name. */
export function describeSubject(rc: ResourceChange): string {
  const name = objectName(rc);
  return `${noun(rc.type)} ${name !== undefined && !isSensitiveAfter(rc.change, ['name']) ? `'${name}'` : `\`${rc.address}\``}`;
}

export function describeChange(rc: ResourceChange): string {
  const kind = changeKind(rc.change);
  const subject = describeSubject(rc);
  if (kind === 'create') return `${ICON.create} ${subject} created`;
  if (kind === 'delete') return `${ICON.delete} ${subject} **deleted**`;
  const keys = new Set([
    ...Object.keys((rc.change.before as object | null) ?? {}),
    ...Object.keys((rc.change.after as object | null) ?? {}),
    ...Object.keys((typeof rc.change.after_unknown === 'object' && rc.change.after_unknown) || {}),
  ]);
  keys.delete('id');
  const details = [...keys]
    .sort()
    .map((k) => describeAttribute(rc, k))
    .filter((d): d is string => !!d);
  const why =
    kind === 'replace' && rc.change.replace_paths
      ? ` (forced by ${rc.change.replace_paths.map((p) => p.join('.')).join(', ')})`
      : '';
  const verb = kind === 'replace' ? ` **replaced**${why}` : '';
  return `${ICON[kind]} ${subject}${verb}${details.length ? `: ${details.join(', ')}` : ''}`;
}
