// Which root owns each object. The repository's rules (environments/README.md, "One owner per object"):
// divisions and custom roles belong to org; a queue, user or flow belongs to the department of its division;
// a skill or wrap-up code one department uses belongs to it, one that several use is shared (org). Anything
// those rules cannot place — an object in no department's division, a queue or user two departments' patterns
// both match, a skill nobody uses — is listed for a person to decide, never guessed.
import { CxError } from '@cxops/core';
import { ORG_ENVIRONMENT } from '@cxops/layout';
import type { Findings } from './findings.ts';
import { matchesPattern, type MappingFile, type OwnerKind } from './mapping-file.ts';
import type { ApiDivision, OrgSnapshot } from './snapshot.ts';

export interface Department {
  /** environments/<folder>. */
  folder: string;
  division: ApiDivision;
  queuePatterns?: string[];
  userPatterns?: string[];
}

export interface Ownership {
  departments: Department[];
  /** Object id => owning root (a department folder or "org"); objects without an owner are absent. */
  queues: Map<string, string>;
  users: Map<string, string>;
  skills: Map<string, string>;
  wrapupCodes: Map<string, string>;
  /** Flows that one department owns (for YAML files and adoption). */
  flows: Map<string, string>;
}

/** "Sales & Renewals" → "sales-renewals". */
export function folderOf(divisionName: string): string {
  return (
    divisionName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'department'
  );
}

function departmentsOf(snapshot: OrgSnapshot, mapping: MappingFile, mappingFile?: string): Department[] {
  if (mapping.departments) {
    return Object.entries(mapping.departments).map(([folder, entry]) => {
      const division = snapshot.divisions.find((d) => d.name === entry.division);
      if (!division)
        throw new CxError({
          action: 'read the onboarding mapping',
          reason: `departments.${folder}.division: the org has no division named '${entry.division}'`,
          where: mappingFile,
          fix: `use one of: ${snapshot.divisions.map((d) => d.name).join(', ')}`,
        });
      return { folder, division, queuePatterns: entry.queues, userPatterns: entry.users };
    });
  }
  const departments = snapshot.divisions
    .filter((d) => d.id !== snapshot.homeDivisionId)
    .map((division) => ({ folder: folderOf(division.name), division }));
  const seen = new Map<string, string>();
  for (const d of departments) {
    const other = seen.get(d.folder);
    if (other || d.folder === ORG_ENVIRONMENT)
      throw new CxError({
        action: 'choose the department folders',
        reason: `division '${d.division.name}' would go to environments/${d.folder}, ${other ? `as would '${other}'` : 'the org root'}`,
        fix: 'write a mapping file (--mapping) naming each department folder and its division',
      });
    seen.set(d.folder, d.division.name);
  }
  return departments.sort((a, b) => a.folder.localeCompare(b.folder));
}

export function assignOwners(
  snapshot: OrgSnapshot,
  mapping: MappingFile,
  findings: Findings,
  mappingFile?: string,
): Ownership {
  const departments = departmentsOf(snapshot, mapping, mappingFile);
  const folders = new Set(departments.map((d) => d.folder));
  const assigned = (kind: OwnerKind, name: string, allowOrg: boolean): string | undefined => {
    const owner = mapping.assign?.[kind]?.[name];
    if (owner === undefined) return undefined;
    if (folders.has(owner) || (allowOrg && owner === ORG_ENVIRONMENT)) return owner;
    throw new CxError({
      action: 'read the onboarding mapping',
      reason: `assign.${kind}["${name}"] names '${owner}', which is not ${allowOrg ? 'org or ' : ''}a department`,
      where: mappingFile,
      fix: `use one of: ${[...(allowOrg ? [ORG_ENVIRONMENT] : []), ...folders].join(', ')}`,
    });
  };
  const ownership: Ownership = {
    departments,
    queues: new Map(),
    users: new Map(),
    skills: new Map(),
    wrapupCodes: new Map(),
    flows: new Map(),
  };

  // Queues and users: the departments whose division (and patterns) they fit.
  const place = (
    kind: 'queues' | 'users',
    type: string,
    id: string,
    name: string,
    divisionId: string | undefined,
    patterns: (d: Department) => string[] | undefined,
  ) => {
    const explicit = assigned(kind, name, false);
    if (explicit) return ownership[kind].set(id, explicit);
    const fits = departments.filter(
      (d) => d.division.id === divisionId && (patterns(d) ?? ['*']).some((p) => matchesPattern(name, p)),
    );
    if (fits.length === 1) return ownership[kind].set(id, fits[0]!.folder);
    const division = snapshot.divisions.find((d) => d.id === divisionId)?.name ?? divisionId ?? 'none';
    findings.add({
      kind: 'decide',
      type,
      name,
      detail:
        fits.length === 0
          ? `in division '${division}', which is no department's${departments.some((d) => d.division.id === divisionId) ? ' (and no department pattern matches it)' : ''}`
          : `in division '${division}', matched by ${fits.map((d) => d.folder).join(' and ')}`,
      fix: `left out (not managed). Assign it in the mapping file: "assign": { "${kind}": { "${name}": "<department>" } }${fits.length === 0 ? ', or move it to a department division' : ''}`,
    });
  };
  for (const q of snapshot.queues)
    place('queues', 'queue', q.id, q.name, q.division?.id, (d) => d.queuePatterns);
  for (const u of snapshot.users)
    place('users', 'user', u.id, u.email, u.division?.id, (d) => d.userPatterns);

  // Skills and wrap-up codes: by the departments that use them.
  const skillUsers = new Map<string, Set<string>>();
  const use = (map: Map<string, Set<string>>, id: string, folder: string) =>
    map.set(id, (map.get(id) ?? new Set()).add(folder));
  for (const u of snapshot.users) {
    const folder = ownership.users.get(u.id);
    if (folder) for (const s of u.skills ?? []) use(skillUsers, s.id, folder);
  }
  const codeUsers = new Map<string, Set<string>>();
  for (const q of snapshot.queues) {
    const folder = ownership.queues.get(q.id);
    if (!folder) continue;
    for (const ring of q.bullseye?.rings ?? [])
      for (const s of ring.actions?.skillsToRemove ?? []) use(skillUsers, s.id, folder);
    for (const code of snapshot.queueWrapupCodes[q.id] ?? []) use(codeUsers, code, folder);
  }
  const shareOrDecide = (
    kind: 'skills' | 'wrapupCodes',
    type: string,
    id: string,
    name: string,
    users: string[],
    homeFolders: string[],
  ) => {
    const explicit = assigned(kind, name, true);
    if (explicit) return ownership[kind].set(id, explicit);
    if (
      users.length === 1 &&
      (homeFolders.length === 0 ? kind === 'skills' : homeFolders.includes(users[0]!))
    )
      return ownership[kind].set(id, users[0]!);
    if (users.length === 0 && homeFolders.length === 1) return ownership[kind].set(id, homeFolders[0]!);
    if (users.length > 0) {
      ownership[kind].set(id, ORG_ENVIRONMENT);
      findings.add({
        kind: 'note',
        type,
        name,
        root: ORG_ENVIRONMENT,
        detail:
          users.length > 1
            ? `used by ${users.join(', ')}: shared, so owned by org and read by name there`
            : `used by ${users[0]} but held in another division: owned by org (keeping its division) and read by name`,
        fix: `none needed; to give it to one department instead: "assign": { "${kind}": { "${name}": "<department>" } }`,
      });
      return;
    }
    findings.add({
      kind: 'decide',
      type,
      name,
      detail: 'used by no department (no user, queue or department division has it)',
      fix: `left out (not managed). Assign it: "assign": { "${kind}": { "${name}": "org" } } (or a department), or delete it in Genesys Cloud`,
    });
  };
  for (const s of snapshot.skills)
    shareOrDecide('skills', 'skill', s.id, s.name, [...(skillUsers.get(s.id) ?? [])].sort(), []);
  for (const c of snapshot.wrapupCodes) {
    const homes = departments.filter((d) => d.division.id === c.division?.id).map((d) => d.folder);
    shareOrDecide('wrapupCodes', 'wrapup code', c.id, c.name, [...(codeUsers.get(c.id) ?? [])].sort(), homes);
  }

  // Flows: the department of their division, else the one department whose queues use them.
  const flowUsers = new Map<string, Set<string>>();
  for (const q of snapshot.queues) {
    const folder = ownership.queues.get(q.id);
    if (!folder) continue;
    for (const flow of [q.queueFlow, q.emailInQueueFlow, q.messageInQueueFlow])
      if (flow?.id) use(flowUsers, flow.id, folder);
  }
  for (const f of snapshot.flows) {
    const explicit = assigned('flows', f.name, false);
    if (explicit) {
      ownership.flows.set(f.id, explicit);
      continue;
    }
    const byDivision = departments.filter((d) => d.division.id === f.division?.id).map((d) => d.folder);
    const byUse = [...(flowUsers.get(f.id) ?? [])];
    const owner =
      byDivision.length === 1
        ? byDivision[0]
        : byUse.length === 1 && byDivision.length === 0
          ? byUse[0]
          : undefined;
    if (owner) ownership.flows.set(f.id, owner);
    else
      findings.add({
        kind: 'decide',
        type: 'flow',
        name: f.name,
        detail:
          byUse.length > 1
            ? `used by the queues of ${byUse.join(' and ')}`
            : `in division '${f.division?.name ?? '?'}', which is no single department's`,
        fix: `its YAML is not written and it cannot be adopted until it has an owner: "assign": { "flows": { "${f.name}": "<department>" } } (queues that name it still read it by name)`,
      });
  }
  return ownership;
}
