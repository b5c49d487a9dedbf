// The org's state: plain records, loadable from and saved to one JSON file. Writes are atomic (temp file +
// rename) and coalesced, so a crash never leaves half a file and a burst of requests costs one write.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Json = Record<string, unknown>;

export interface QueueMember {
  id: string;
  ringNumber: number;
  joined: boolean;
}

export interface AuditEntry {
  at: string;
  actor: string;
  kind: string;
  id: string;
  name?: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface OrgState {
  org: Json;
  homeDivisionId: string;
  divisions: Record<string, Json>;
  skills: Record<string, Json>;
  languages: Record<string, Json>;
  wrapupcodes: Record<string, Json>;
  queues: Record<string, Json>;
  queueMembers: Record<string, QueueMember[]>;
  queueWrapupcodes: Record<string, string[]>;
  roles: Record<string, Json>;
  users: Record<string, Json>;
  userSkills: Record<string, { id: string; proficiency: number }[]>;
  userLanguages: Record<string, { id: string; proficiency: number }[]>;
  utilization: Record<string, Json>;
  voicemailPolicies: Record<string, Json>;
  grants: Record<string, { roleId: string; divisionId: string; grantMadeAt: string }[]>;
  flows: Record<string, Json>;
  flowJobs: Record<string, Json>;
  audit: AuditEntry[];
}

const DEFAULT_ROLES: [string, string[]][] = [
  ['Master Admin', ['*']],
  ['admin', ['*']],
  ['employee', ['directory:user:view', 'routing:queue:view']],
  ['Supervisor', ['routing:queue:view', 'analytics:queueObservation:view']],
  ['User', ['directory:user:view']],
];

export function seedState(): OrgState {
  const home = randomUUID();
  const now = new Date().toISOString();
  const roles: Record<string, Json> = {};
  for (const [name, permissions] of DEFAULT_ROLES) {
    const id = randomUUID();
    roles[id] = {
      id,
      name,
      description: `Default ${name} role`,
      defaultRoleId: name,
      permissions,
      permissionPolicies: [],
      base: false,
      default: true,
      selfUri: `/api/v2/authorization/roles/${id}`,
    };
  }
  return {
    org: {
      id: randomUUID(),
      name: 'cxops-local',
      defaultCountryCode: 'US',
      defaultLanguage: 'en-us',
      domain: 'cxops-local',
      state: 'active',
      thirdPartyOrgName: 'cxops-local',
      version: 1,
      selfUri: '/api/v2/organizations/me',
      dateCreated: now,
    },
    homeDivisionId: home,
    divisions: {
      [home]: {
        id: home,
        name: 'Home',
        description: 'The home division',
        homeDivision: true,
        selfUri: `/api/v2/authorization/divisions/${home}`,
      },
    },
    skills: {},
    languages: {},
    wrapupcodes: {},
    queues: {},
    queueMembers: {},
    queueWrapupcodes: {},
    roles,
    users: {},
    userSkills: {},
    userLanguages: {},
    utilization: {},
    voicemailPolicies: {},
    grants: {},
    flows: {},
    flowJobs: {},
    audit: [],
  };
}

export class Store {
  state: OrgState;
  private flushTimer: NodeJS.Timeout | undefined;

  /** `file` undefined keeps everything in memory (tests). */
  constructor(private readonly file?: string) {
    this.state = file ? (loadState(file) ?? seedState()) : seedState();
    if (file) this.flushNow();
  }

  /** Marks the state dirty; it reaches disk within a few milliseconds, in one atomic write. */
  changed(): void {
    if (!this.file || this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flushNow(), 20);
  }

  flushNow(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state));
    renameSync(temp, this.file);
  }

  reset(): void {
    this.state = seedState();
    this.changed();
  }
}

function loadState(file: string): OrgState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return { ...seedState(), ...(JSON.parse(text) as Partial<OrgState>) } as OrgState;
  } catch (error) {
    throw new Error(
      `the emulator state file ${file} is not valid JSON (${(error as Error).message}); move it away or run \`cxops emulator reset\``,
    );
  }
}

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
