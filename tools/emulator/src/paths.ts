// Every route the emulator serves, as the pattern it registers (":name" marks a path parameter). Routes register
// from these and build selfUris from them; the admin client builds its URLs from them; fault rules, per-route
// rate limits and metrics name routes by these patterns, so changing one changes what those match.

// The Platform API the genesyscloud provider calls, and the OAuth token endpoint.
export const OAUTH_TOKEN = '/oauth/token';
export const ORGANIZATION_ME = '/api/v2/organizations/me';
export const PRODUCTS = '/api/v2/authorization/products';
export const PERMISSIONS = '/api/v2/authorization/permissions';

export const DIVISIONS = '/api/v2/authorization/divisions';
export const DIVISION_HOME = `${DIVISIONS}/home`;
export const DIVISION = `${DIVISIONS}/:id`;
export const DIVISION_OBJECTS = `${DIVISION}/objects/:type`;

export const ROLES = '/api/v2/authorization/roles';
export const ROLE = `${ROLES}/:id`;
export const ROLES_DEFAULT = `${ROLES}/default`;

export const SUBJECTS = '/api/v2/authorization/subjects';
export const SUBJECT = `${SUBJECTS}/:id`;
export const SUBJECT_BULKADD = `${SUBJECT}/bulkadd`;
export const SUBJECT_BULKREPLACE = `${SUBJECT}/bulkreplace`;
export const SUBJECT_BULKREMOVE = `${SUBJECT}/bulkremove`;
export const SUBJECT_GRANT = `${SUBJECT}/divisions/:divisionId/roles/:roleId`;

export const SKILLS = '/api/v2/routing/skills';
export const SKILL = `${SKILLS}/:id`;
export const LANGUAGES = '/api/v2/routing/languages';
export const LANGUAGE = `${LANGUAGES}/:id`;

export const WRAPUPCODES = '/api/v2/routing/wrapupcodes';
export const WRAPUPCODE = `${WRAPUPCODES}/:id`;

export const QUEUES = '/api/v2/routing/queues';
export const QUEUE = `${QUEUES}/:id`;
export const QUEUE_MEMBERS = `${QUEUE}/members`;
export const QUEUE_MEMBER = `${QUEUE_MEMBERS}/:userId`;
export const QUEUE_WRAPUPCODES = `${QUEUE}/wrapupcodes`;
export const QUEUE_WRAPUPCODE = `${QUEUE_WRAPUPCODES}/:codeId`;

export const USERS = '/api/v2/users';
export const USER = `${USERS}/:id`;
export const USERS_SEARCH = `${USERS}/search`;
export const USER_ROUTINGSKILLS = `${USER}/routingskills`;
export const USER_ROUTINGSKILLS_BULK = `${USER_ROUTINGSKILLS}/bulk`;
export const USER_ROUTINGSKILL = `${USER_ROUTINGSKILLS}/:entryId`;
export const USER_ROUTINGLANGUAGES = `${USER}/routinglanguages`;
export const USER_ROUTINGLANGUAGES_BULK = `${USER_ROUTINGLANGUAGES}/bulk`;
export const USER_ROUTINGLANGUAGE = `${USER_ROUTINGLANGUAGES}/:entryId`;
export const USER_PROFILESKILLS = `${USER}/profileskills`;
export const USER_PASSWORD = `${USER}/password`;
export const USER_UTILIZATION = '/api/v2/routing/users/:id/utilization';
const VOICEMAIL_POLICIES = '/api/v2/voicemail/userpolicies';
export const VOICEMAIL_POLICY = `${VOICEMAIL_POLICIES}/:id`;

export const FLOWS = '/api/v2/flows';
export const FLOW = `${FLOWS}/:id`;
export const FLOW_JOBS = `${FLOWS}/jobs`;
export const FLOW_JOB = `${FLOW_JOBS}/:jobId`;
export const FLOW_UNLOCK = `${FLOWS}/actions/unlock`;
export const FLOW_EXPORT_JOBS = `${FLOWS}/export/jobs`;
export const FLOW_EXPORT_JOB = `${FLOW_EXPORT_JOBS}/:jobId`;
/** The presigned upload URL of a flow job: plain HTTP, no bearer token, like the real S3 URL. */
export const UPLOAD = '/uploads/:jobId';
/** The signed download URL of a flow export job: plain HTTP, no bearer token, like the real one. */
export const DOWNLOAD = '/downloads/:jobId';

/** The audit query (AuditApi): an asynchronous query (transaction, status, cursor-paged results) and a realtime one. */
export const AUDITS_QUERY = '/api/v2/audits/query';
export const AUDITS_QUERY_TRANSACTION = `${AUDITS_QUERY}/:transactionId`;
export const AUDITS_QUERY_RESULTS = `${AUDITS_QUERY_TRANSACTION}/results`;
export const AUDITS_QUERY_REALTIME = `${AUDITS_QUERY}/realtime`;
export const AUDITS_SERVICEMAPPING = `${AUDITS_QUERY}/servicemapping`;
export const AUDITS_REALTIME_SERVICEMAPPING = `${AUDITS_QUERY_REALTIME}/servicemapping`;

// The emulator's own routes, no Genesys equivalent.
export const HEALTH = '/health';

/** Test-only routes: out-of-band changes, counters, faults, rate limits, reset. */
const ADMIN = '/__admin';
export const ADMIN_OBJECTS = `${ADMIN}/objects/:kind`;
export const ADMIN_OBJECT = `${ADMIN_OBJECTS}/:id`;
export const ADMIN_METRICS = `${ADMIN}/metrics`;
export const ADMIN_METRICS_RESET = `${ADMIN_METRICS}/reset`;
export const ADMIN_REQUESTS_RECENT = `${ADMIN}/requests/recent`;
export const ADMIN_FAULTS = `${ADMIN}/faults`;
export const ADMIN_RATE_LIMITS = `${ADMIN}/rate-limits`;
export const ADMIN_RESET = `${ADMIN}/reset`;

/** A concrete path from a pattern: each ":name" replaced by its value, URL-encoded. */
export function pathTo(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}
