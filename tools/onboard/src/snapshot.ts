// What onboarding reads of an org: the fields of the Platform API's objects (SDK models Authzdivision,
// Domainorganizationrole, Routingskill, Wrapupcode, Queue, Queuemember, User, Authzgrant, Flow) that the
// modules manage, and the ones they cannot, so each of those can be reported by name.

export interface Ref {
  id: string;
  name?: string;
}

export interface ApiDivision {
  id: string;
  name: string;
  description?: string;
  homeDivision?: boolean;
}

export interface ApiPolicy {
  domain?: string;
  entityName?: string;
  actionSet?: string[];
  resourceConditionNode?: unknown;
}

export interface ApiRole {
  id: string;
  name: string;
  description?: string;
  /** Set on Genesys Cloud's built-in roles only (employee, admin, …). */
  defaultRoleId?: string;
  permissions?: string[];
  permissionPolicies?: ApiPolicy[];
}

export interface ApiSkill {
  id: string;
  name: string;
  state?: string;
}

export interface ApiWrapupCode {
  id: string;
  name: string;
  description?: string;
  division?: Ref;
}

export interface ApiMediaSettings {
  alertingTimeoutSeconds?: number;
  serviceLevel?: { percentage?: number; durationMs?: number };
  enableAutoAnswer?: boolean;
  [setting: string]: unknown;
}

export interface ApiRing {
  expansionCriteria?: { type?: string; threshold?: number }[];
  actions?: { skillsToRemove?: Ref[] };
  memberGroups?: unknown[];
}

export interface ApiQueue {
  id: string;
  name: string;
  description?: string;
  division?: Ref;
  mediaSettings?: Record<string, ApiMediaSettings | undefined>;
  acwSettings?: { wrapupPrompt?: string; timeoutMs?: number };
  skillEvaluationMethod?: string;
  queueFlow?: Ref;
  emailInQueueFlow?: Ref;
  messageInQueueFlow?: Ref;
  bullseye?: { rings?: ApiRing[] };
  enableTranscription?: boolean;
  enableManualAssignment?: boolean;
  suppressInQueueCallRecording?: boolean;
  callingPartyName?: string;
  callingPartyNumber?: string;
  autoAnswerOnly?: boolean;
  scoringMethod?: string;
  [setting: string]: unknown;
}

export interface ApiQueueMember {
  id: string;
  ringNumber?: number;
}

export interface ApiUserEntry {
  id: string;
  name?: string;
  proficiency?: number;
}

export interface ApiUser {
  id: string;
  name: string;
  email: string;
  state: string;
  title?: string;
  department?: string;
  division?: Ref;
  acdAutoAnswer?: boolean;
  skills?: ApiUserEntry[];
  languages?: ApiUserEntry[];
  addresses?: unknown[];
  manager?: Ref;
  locations?: unknown[];
  certifications?: string[];
  profileSkills?: string[];
  employerInfo?: Record<string, unknown>;
}

export interface ApiGrant {
  roleId: string;
  divisionId: string;
}

export interface ApiFlow {
  id: string;
  name: string;
  /** Upper case, as the API answers it: INBOUNDCALL, INQUEUECALL, … */
  type: string;
  division?: Ref;
  publishedVersion?: { id: string };
}

/** Everything read, keyed by id where other objects refer to it. */
export interface OrgSnapshot {
  homeDivisionId: string;
  divisions: ApiDivision[];
  roles: ApiRole[];
  skills: ApiSkill[];
  languages: ApiSkill[];
  wrapupCodes: ApiWrapupCode[];
  queues: ApiQueue[];
  /** By queue id: direct (user) members only, as the provider reads them. */
  queueMembers: Record<string, ApiQueueMember[]>;
  /** By queue id. */
  queueWrapupCodes: Record<string, string[]>;
  users: ApiUser[];
  /** By user id: direct grants (the provider manages those only). */
  grants: Record<string, ApiGrant[]>;
  flows: ApiFlow[];
  /** By flow id: the published version's YAML, or why it could not be exported. */
  flowYaml: Record<string, { yaml: string } | { error: string }>;
}
