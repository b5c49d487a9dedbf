// The org's state: one typed collection per kind of object, keyed by id, and what a fresh org holds.
import { randomUUID } from 'node:crypto';
import type { AuditLogMessage } from './model/audit.ts';
import type { Grant, Role } from './model/authorization.ts';
import type { Flow, FlowExportJob, FlowJob } from './model/flows.ts';
import type { Division, Org } from './model/org.ts';
import type { Language, Queue, QueueMember, Skill, WrapupCode } from './model/routing.ts';
import type { RoutingEntry, User, Utilization, VoicemailPolicy } from './model/users.ts';
import { DIVISIONS, ORGANIZATION_ME, ROLES } from './paths.ts';

export interface OrgState {
  org: Org;
  homeDivisionId: string;
  divisions: Record<string, Division>;
  skills: Record<string, Skill>;
  languages: Record<string, Language>;
  wrapupcodes: Record<string, WrapupCode>;
  queues: Record<string, Queue>;
  /** By queue id. */
  queueMembers: Record<string, QueueMember[]>;
  /** Wrap-up code ids, by queue id. */
  queueWrapupcodes: Record<string, string[]>;
  roles: Record<string, Role>;
  users: Record<string, User>;
  /** By user id, as are the collections below. */
  userSkills: Record<string, RoutingEntry[]>;
  userLanguages: Record<string, RoutingEntry[]>;
  utilization: Record<string, Utilization>;
  voicemailPolicies: Record<string, VoicemailPolicy>;
  grants: Record<string, Grant[]>;
  flows: Record<string, Flow>;
  flowJobs: Record<string, FlowJob>;
  /** The YAML each flow was last deployed from, by flow id: what an export job answers. */
  flowYaml: Record<string, string>;
  flowExportJobs: Record<string, FlowExportJob>;
  /** Every change, by API or admin UI, oldest first (served by the audit query routes). */
  audit: AuditLogMessage[];
}

const DEFAULT_ROLES: [string, string[]][] = [
  ['Master Admin', ['*']],
  ['admin', ['*']],
  ['employee', ['directory:user:view', 'routing:queue:view']],
  ['Supervisor', ['routing:queue:view', 'analytics:queueObservation:view']],
  ['User', ['directory:user:view']],
];

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();

export function seedState(): OrgState {
  const home = newId();
  const roles: Record<string, Role> = {};
  for (const [name, permissions] of DEFAULT_ROLES) {
    const id = newId();
    roles[id] = {
      id,
      name,
      description: `Default ${name} role`,
      defaultRoleId: name,
      permissions,
      permissionPolicies: [],
      base: false,
      default: true,
      selfUri: `${ROLES}/${id}`,
    };
  }
  return {
    org: {
      id: newId(),
      name: 'cxops-local',
      defaultCountryCode: 'US',
      defaultLanguage: 'en-us',
      domain: 'cxops-local',
      state: 'active',
      thirdPartyOrgName: 'cxops-local',
      version: 1,
      selfUri: ORGANIZATION_ME,
      dateCreated: nowIso(),
    },
    homeDivisionId: home,
    divisions: {
      [home]: {
        id: home,
        name: 'Home',
        description: 'The home division',
        homeDivision: true,
        selfUri: `${DIVISIONS}/${home}`,
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
    flowYaml: {},
    flowExportJobs: {},
    audit: [],
  };
}
