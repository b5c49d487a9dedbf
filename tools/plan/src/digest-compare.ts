// Comparing the plan that was reviewed with the plan made at merge: the same hash means the same changes;
// otherwise every difference is named — objects only in one plan, a different action, and for the same
// object and action the attributes whose before or after differ — in words a reviewer can act on.
import type { Action } from './model.ts';
import {
  canonicalJson,
  digestHash,
  isHiddenValue,
  type AttributeChange,
  type DigestChange,
  type PlanDigest,
} from './digest.ts';

export type DigestDifference =
  | { kind: 'not-reviewed'; address: string; now: Action[] }
  | { kind: 'no-longer-planned'; address: string; reviewed: Action[] }
  | { kind: 'actions'; address: string; reviewed: Action[]; now: Action[] }
  | { kind: 'moved'; address: string; reviewed?: string; now?: string }
  | {
      kind: 'attribute';
      address: string;
      attribute: string;
      reviewed?: AttributeChange;
      now?: AttributeChange;
    };

export interface DigestComparison {
  same: boolean;
  differences: DigestDifference[];
}

export function compareDigests(reviewed: PlanDigest, now: PlanDigest): DigestComparison {
  if (reviewed.sha256 === now.sha256) return { same: true, differences: [] };
  const differences: DigestDifference[] = [];
  const before = new Map(reviewed.changes.map((c) => [c.address, c]));
  const after = new Map(now.changes.map((c) => [c.address, c]));
  const addresses = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const address of addresses) {
    const r = before.get(address);
    const n = after.get(address);
    if (!r) differences.push({ kind: 'not-reviewed', address, now: n!.actions });
    else if (!n) differences.push({ kind: 'no-longer-planned', address, reviewed: r.actions });
    else differences.push(...changeDifferences(r, n));
  }
  return { same: false, differences };
}

function changeDifferences(r: DigestChange, n: DigestChange): DigestDifference[] {
  const address = r.address;
  if (r.actions.join() !== n.actions.join())
    return [{ kind: 'actions', address, reviewed: r.actions, now: n.actions }];
  const found: DigestDifference[] = [];
  if (r.previousAddress !== n.previousAddress)
    found.push({ kind: 'moved', address, reviewed: r.previousAddress, now: n.previousAddress });
  const names = [...new Set([...Object.keys(r.attributes), ...Object.keys(n.attributes)])].sort();
  for (const attribute of names) {
    const a = r.attributes[attribute];
    const b = n.attributes[attribute];
    if (canonicalJson(a ?? null) !== canonicalJson(b ?? null))
      found.push({ kind: 'attribute', address, attribute, reviewed: a, now: b });
  }
  return found;
}

/** Whether a stored digest still carries the hash of its own content (an edited file does not). */
export function digestIsIntact(digest: PlanDigest): boolean {
  return digestHash(digest.environment, digest.changes) === digest.sha256;
}

const ACTION_WORDS: Record<string, string> = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  'delete,create': 'replace (delete, then create)',
  'create,delete': 'replace (create, then delete)',
  forget: 'forget (remove from state only)',
};

const actionWords = (actions: Action[]) => ACTION_WORDS[actions.join(',')] ?? actions.join(', ');

function shown(value: unknown): string {
  if (value === undefined) return '∅';
  if (isHiddenValue(value))
    return {
      sensitive: '(sensitive)',
      unknown: '(known after apply)',
      'secret-like': '(hidden: looks like a secret)',
    }[value.$cxops];
  const text = typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function transition(change: AttributeChange | undefined): string {
  if (!change) return 'not changed';
  if (!('before' in change)) return `set to ${shown(change.after)}`;
  if (!('after' in change)) return `was ${shown(change.before)}`;
  return `${shown(change.before)} → ${shown(change.after)}`;
}

/** One markdown bullet per difference. */
export function describeDifferences(differences: DigestDifference[]): string[] {
  return differences.map((d) => {
    const at = `\`${d.address}\``;
    switch (d.kind) {
      case 'not-reviewed':
        return `- ${at}: **not in the reviewed plan** — would now ${actionWords(d.now)}`;
      case 'no-longer-planned':
        return `- ${at}: reviewed to ${actionWords(d.reviewed)}, **no longer planned**`;
      case 'actions':
        return `- ${at}: reviewed to ${actionWords(d.reviewed)}, would now **${actionWords(d.now)}**`;
      case 'moved':
        return `- ${at}: reviewed as moved from ${d.reviewed ?? 'nowhere'}, now from ${d.now ?? 'nowhere'}`;
      case 'attribute':
        return `- ${at} \`${d.attribute}\`: reviewed ${transition(d.reviewed)}; now ${transition(d.now)}`;
    }
  });
}
