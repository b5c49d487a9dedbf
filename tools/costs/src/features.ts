// What makes one operation of a resource cost more calls than another of the same type: the provider adds queue
// members in one call per 100 but sets each ring number other than 1 with a call of its own, sets a user's
// skills with one call only when there are any, and so on. Each feature is a number read from the planned
// change; the measured model weighs them (fit.ts). Types without features cost the same every time.

/** One planned change, as much as features need: the values before and after. */
export interface ChangeValues {
  before: unknown;
  after: unknown;
}

export interface Feature {
  name: string;
  value: (change: ChangeValues) => number;
}

type Values = Record<string, unknown>;
const values = (v: unknown): Values => (typeof v === 'object' && v !== null ? (v as Values) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Count of the elements of a list or set attribute in `after`, those passing `keep` only. */
function count(attribute: string, keep: (element: Values) => boolean = () => true): Feature['value'] {
  return (change) => list(values(change.after)[attribute]).filter((e) => keep(values(e))).length;
}

/** 1 when the attribute differs between before and after (a create counts as a change). */
function changed(attribute: string): Feature['value'] {
  return (change) =>
    JSON.stringify(values(change.before)[attribute] ?? null) !==
    JSON.stringify(values(change.after)[attribute] ?? null)
      ? 1
      : 0;
}

export const FEATURES: Record<string, Feature[]> = {
  genesyscloud_routing_queue: [
    { name: 'ringed members', value: count('members', (m) => Number(m.ring_num ?? 1) !== 1) },
    { name: 'members', value: count('members') },
    { name: 'members changed', value: changed('members') },
    { name: 'wrap-up codes changed', value: changed('wrapup_codes') },
  ],
  genesyscloud_user: [
    { name: 'skills', value: (c) => (count('routing_skills')(c) > 0 ? 1 : 0) },
    { name: 'skills changed', value: changed('routing_skills') },
  ],
  genesyscloud_user_roles: [{ name: 'roles', value: count('roles') }],
};

export function featureValues(type: string, change: ChangeValues): Record<string, number> {
  return Object.fromEntries((FEATURES[type] ?? []).map((f) => [f.name, f.value(change)]));
}
