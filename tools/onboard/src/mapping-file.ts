// The optional mapping file (cxops.onboard.json) for orgs whose departments are not one division each: which
// division each department folder takes, name patterns that pick its queues and users inside that division,
// and explicit owners for single objects (the answers to the decisions onboarding lists).
import { readFile } from 'node:fs/promises';
import { CxError } from '@cxops/core';

export interface DepartmentMapping {
  /** Division the department's objects live in (and that the department root names). */
  division: string;
  /** Glob patterns (`*` any text) on queue names; omitted = every queue of the division. */
  queues?: string[];
  /** Glob patterns on user emails; omitted = every user of the division. */
  users?: string[];
}

export type OwnerKind = 'skills' | 'wrapupCodes' | 'users' | 'queues' | 'flows';

export interface MappingFile {
  /** Department folder (environments/<folder>) => what it holds. Omitted = one department per division. */
  departments?: Record<string, DepartmentMapping>;
  /** Object name (users: email) => owning root: a department folder, or "org" for skills and wrap-up codes. */
  assign?: Partial<Record<OwnerKind, Record<string, string>>>;
}

const FOLDER = /^[a-z0-9][a-z0-9-]*$/;
const OWNER_KINDS: OwnerKind[] = ['skills', 'wrapupCodes', 'users', 'queues', 'flows'];

export async function readMappingFile(file: string): Promise<MappingFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CxError({
      action: 'read the onboarding mapping',
      reason: (error as Error).message,
      where: file,
      fix: 'pass an existing JSON file to --mapping, or leave it out to make one department per division',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw bad(file, '', `it is not JSON (${(error as Error).message})`);
  }
  return checkMapping(parsed, file);
}

function bad(file: string, field: string, reason: string, fix?: string): CxError {
  return new CxError({
    action: 'read the onboarding mapping',
    reason: field ? `${field}: ${reason}` : reason,
    where: file,
    fix:
      fix ??
      'see README ("Adopt an existing org"): { "departments": { "sales": { "division": "Home", "queues": ["Sales *"] } }, "assign": { "skills": { "English": "org" } } }',
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The parsed file, checked field by field; every error names the field and the fix. */
export function checkMapping(value: unknown, file: string): MappingFile {
  if (!isObject(value)) throw bad(file, '', 'the file must hold one JSON object');
  for (const field of Object.keys(value))
    if (field !== 'departments' && field !== 'assign')
      throw bad(file, field, 'unknown field', 'the file has two fields: departments and assign');
  const mapping: MappingFile = {};
  if (value.departments !== undefined) {
    if (!isObject(value.departments))
      throw bad(file, 'departments', 'must be an object of folder => mapping');
    mapping.departments = {};
    for (const [folder, entry] of Object.entries(value.departments)) {
      const where = `departments.${folder}`;
      if (!FOLDER.test(folder) || folder === 'org')
        throw bad(file, where, 'a department folder is lower case letters, digits and dashes, and not "org"');
      if (!isObject(entry) || typeof entry.division !== 'string' || entry.division.trim() === '')
        throw bad(file, `${where}.division`, 'is required: the name of the division the department lives in');
      for (const list of ['queues', 'users'] as const)
        if (entry[list] !== undefined && !isStrings(entry[list]))
          throw bad(file, `${where}.${list}`, 'must be a list of name patterns, e.g. ["Sales *"]');
      mapping.departments[folder] = {
        division: entry.division,
        ...(entry.queues ? { queues: entry.queues as string[] } : {}),
        ...(entry.users ? { users: entry.users as string[] } : {}),
      };
    }
  }
  if (value.assign !== undefined) {
    if (!isObject(value.assign)) throw bad(file, 'assign', 'must be an object');
    mapping.assign = {};
    for (const [kind, owners] of Object.entries(value.assign)) {
      if (!OWNER_KINDS.includes(kind as OwnerKind))
        throw bad(file, `assign.${kind}`, `unknown kind; use ${OWNER_KINDS.join(', ')}`);
      if (!isObject(owners) || !Object.values(owners).every((o) => typeof o === 'string'))
        throw bad(file, `assign.${kind}`, 'must map object names to a department folder (or "org")');
      mapping.assign[kind as OwnerKind] = owners as Record<string, string>;
    }
  }
  return mapping;
}

/** `*` matches any text; everything else literally, without regard to case. */
export function matchesPattern(name: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(name);
}
