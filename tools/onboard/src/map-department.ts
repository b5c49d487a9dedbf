// One department's data in the shape of modules/department's inputs, built from what Genesys Cloud holds, with
// an import per object. Every setting is either written exactly, left unmanaged where the provider keeps it as it
// is (Optional+Computed attributes), or reported as a difference the first plan will show — never dropped.
import type { Findings } from './findings.ts';
import { templateFlow } from './flow-yaml.ts';
import { named, type Hcl, type ModuleArgument } from './hcl.ts';
import type { Department, Ownership } from './ownership.ts';
import type { RootOutput } from './root-output.ts';
import type { ApiFlow, ApiMediaSettings, ApiQueue, ApiUser, OrgSnapshot } from './snapshot.ts';

type HclObject = { [key: string]: Hcl };

/** modules/queues' media defaults (Genesys Cloud's own): values equal to these are left out of the data. */
const MEDIA_DEFAULTS: Record<string, { alerting: number; duration: number }> = {
  call: { alerting: 8, duration: 20000 },
  callback: { alerting: 30, duration: 20000 },
  chat: { alerting: 30, duration: 30000 },
  email: { alerting: 300, duration: 86400000 },
  message: { alerting: 30, duration: 30000 },
};
/** Media settings the modules write; the rest of a media block is reported when set. */
const MEDIA_MANAGED = new Set(['alertingTimeoutSeconds', 'serviceLevel', 'enableAutoAnswer', 'mode']);

const IN_QUEUE_TYPES = new Set(['INQUEUECALL', 'INQUEUEEMAIL', 'INQUEUESHORTMESSAGE']);

/** Queue settings the modules cannot set, with the provider attribute each becomes. */
const QUEUE_UNEXPOSED: [field: string, attribute: string][] = [
  ['routingRules', 'routing_rules'],
  ['whisperPrompt', 'whisper_prompt_id'],
  ['onHoldPrompt', 'on_hold_prompt_id'],
  ['cannedResponseLibraries', 'canned_response_libraries'],
  ['conditionalGroupRouting', 'conditional_group_routing_rules'],
  ['conditionalGroupActivation', 'conditional_group_activation'],
  ['directRouting', 'direct_routing'],
  ['outboundMessagingAddresses', 'outbound_messaging_*'],
  ['outboundEmailAddress', 'outbound_email_address'],
  ['defaultScripts', 'default_script_ids'],
  ['memberGroups', 'groups / teams / skill_groups'],
  ['peerId', 'peer_id'],
  ['enableAudioMonitoring', 'enable_audio_monitoring'],
];
/** Optional+Computed in the provider: left as they are when not written. */
const QUEUE_KEPT: [field: string, attribute: string][] = [
  ['agentOwnedRouting', 'agent_owned_routing'],
  ['lastAgentRoutingMode', 'last_agent_routing_mode'],
];

/** A value that holds something: not absent, false, zero, empty text, an empty list or an empty object. */
function holds(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.some(holds);
  if (typeof value === 'object') return Object.values(value).some(holds);
  return true;
}

const byName = <T extends { name: string }>(list: T[]) =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));
const ids = (entries: [string, string][]) =>
  Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));

export interface DepartmentOptions {
  /** Manage the department's flows (in_queue_flows / inbound_flows) instead of reading them by name. */
  adoptFlows: boolean;
}

export function mapDepartment(
  department: Department,
  snapshot: OrgSnapshot,
  ownership: Ownership,
  findings: Findings,
  options: DepartmentOptions,
): RootOutput {
  const folder = department.folder;
  const divisionId = department.division.id;
  const divisionName = department.division.name;
  const report = (f: Omit<Parameters<Findings['add']>[0], 'root'>) => findings.add({ ...f, root: folder });

  const skillsById = new Map(snapshot.skills.map((s) => [s.id, s]));
  const codesById = new Map(snapshot.wrapupCodes.map((c) => [c.id, c]));
  const rolesById = new Map(snapshot.roles.map((r) => [r.id, r]));
  const flowsById = new Map(snapshot.flows.map((f) => [f.id, f]));
  const usersById = new Map(snapshot.users.map((u) => [u.id, u]));
  const mine = <T extends { id: string }>(list: T[], owners: Map<string, string>) =>
    list.filter((o) => owners.get(o.id) === folder);

  const users = [...mine(snapshot.users, ownership.users)].sort((a, b) => a.email.localeCompare(b.email));
  const queues = byName(mine(snapshot.queues, ownership.queues));
  const ownSkills = byName(mine(snapshot.skills, ownership.skills));
  const ownCodes = byName(mine(snapshot.wrapupCodes, ownership.wrapupCodes));
  const myUserIds = new Set(users.map((u) => u.id));

  // Skills and codes this department uses that org owns: read by name.
  const sharedSkills = new Set<string>();
  const sharedCodes = new Set<string>();
  const skillName = (id: string) => {
    const skill = skillsById.get(id);
    // Owned by org (or given to another department in the mapping file): read by name.
    if (skill && ownership.skills.get(id) !== folder) sharedSkills.add(skill.name);
    return skill?.name;
  };

  // ---- Users and their role grants --------------------------------------------------------------------------
  // Each role is granted in the department's division, or in all divisions ("*") for org_wide_roles: the mode
  // most of the department's grants of that role use wins; other grants are reported.
  const modes = new Map<string, { star: number; division: number }>();
  const grantsOf = (u: ApiUser) => {
    const byRole = new Map<string, Set<string>>();
    for (const g of snapshot.grants[u.id] ?? [])
      byRole.set(g.roleId, (byRole.get(g.roleId) ?? new Set()).add(g.divisionId));
    return byRole;
  };
  for (const u of users)
    for (const [roleId, divisions] of grantsOf(u)) {
      const mode = modes.get(roleId) ?? { star: 0, division: 0 };
      if (divisions.has('*')) mode.star++;
      else mode.division++;
      modes.set(roleId, mode);
    }
  const orgWide = new Set([...modes].filter(([, m]) => m.star >= m.division && m.star > 0).map(([id]) => id));

  const userRoles = new Map<string, string[]>();
  for (const u of users) {
    const names: string[] = [];
    for (const [roleId, divisions] of grantsOf(u)) {
      const role = rolesById.get(roleId);
      if (!role) {
        report({
          kind: 'differs',
          type: 'user roles',
          name: u.email,
          attribute: 'roles',
          detail: `a grant of role ${roleId}, which the org's role list does not hold`,
          fix: 'the first apply removes the grant; remove it in Genesys Cloud first, or accept it',
        });
        continue;
      }
      names.push(role.name);
      const expected = orgWide.has(roleId) ? '*' : divisionId;
      const actual = [...divisions].map((d) =>
        d === '*' ? '*' : (snapshot.divisions.find((x) => x.id === d)?.name ?? d),
      );
      if (divisions.size !== 1 || !divisions.has(expected))
        report({
          kind: 'differs',
          type: 'user roles',
          name: u.email,
          attribute: `roles (${role.name}).division_ids`,
          detail: `'${role.name}' is granted in ${actual.sort().join(', ')}; in ${folder} the role is granted ${expected === '*' ? 'in all divisions (org_wide_roles)' : `in ${divisionName}`}`,
          fix: `the first apply grants it ${expected === '*' ? 'in all divisions' : `in ${divisionName} only`}: change the grant in Genesys Cloud first, or accept it`,
        });
    }
    userRoles.set(u.id, names.sort());
  }
  // default_roles: what every user of the department has (none when someone has no grant at all).
  const defaultRoles =
    users.length > 0
      ? [
          ...users
            .map((u) => new Set(userRoles.get(u.id)))
            .reduce((a, b) => new Set([...a].filter((r) => b.has(r)))),
        ].sort()
      : [];
  const orgWideNames = [...orgWide]
    .map((id) => rolesById.get(id)?.name)
    .filter((n): n is string => !!n)
    .sort();

  const userValues: Hcl[] = users.map((u) => {
    const value: HclObject = { email: u.email, name: u.name };
    if (u.title) value.title = u.title;
    if (u.department) value.department = u.department;
    if (u.state !== 'active') value.state = u.state;
    if (u.acdAutoAnswer) value.acd_auto_answer = true;
    const skills: HclObject = {};
    for (const s of [...(u.skills ?? [])].sort((a, b) =>
      (skillName(a.id) ?? '').localeCompare(skillName(b.id) ?? ''),
    )) {
      const name = skillName(s.id);
      if (name) skills[name] = s.proficiency ?? 0;
    }
    if (Object.keys(skills).length) value.skills = skills;
    const roles = (userRoles.get(u.id) ?? []).filter((r) => !defaultRoles.includes(r));
    if (roles.length) value.roles = roles;
    if (u.division?.id !== divisionId)
      report({
        kind: 'differs',
        type: 'user',
        name: u.email,
        attribute: 'division_id',
        detail: `in division '${u.division?.name ?? '?'}', assigned to ${folder} (division ${divisionName})`,
        fix: `the first apply moves the user to ${divisionName}; move them in Genesys Cloud first, or accept it`,
      });
    if (u.addresses?.length)
      report({
        kind: 'differs',
        type: 'user',
        name: u.email,
        attribute: 'addresses',
        detail: `${u.addresses.length} phone number(s) or other address(es), which modules/users does not manage`,
        fix: 'the first apply removes them (the provider manages addresses it has read): add addresses to modules/users first, or remove them in Genesys Cloud',
      });
    if (u.manager?.id)
      report({
        kind: 'differs',
        type: 'user',
        name: u.email,
        attribute: 'manager',
        detail: `manager ${usersById.get(u.manager.id)?.email ?? u.manager.id}, which modules/users does not manage`,
        fix: 'the first apply clears the manager: add manager to modules/users first, or accept it',
      });
    for (const [field, attribute] of [
      ['languages', 'routing_languages'],
      ['locations', 'locations'],
      ['certifications', 'certifications'],
      ['profileSkills', 'profile_skills'],
      ['employerInfo', 'employer_info'],
    ] as const) {
      if (!holds(u[field])) continue;
      const shown =
        field === 'languages'
          ? (u.languages ?? [])
              .map(
                (l) =>
                  `${l.name ?? snapshot.languages.find((x) => x.id === l.id)?.name ?? l.id} ${l.proficiency ?? 0}`,
              )
              .join(', ')
          : JSON.stringify(u[field]);
      report({
        kind: 'unmanaged',
        type: 'user',
        name: u.email,
        attribute,
        detail: `${field}: ${shown}`,
        fix: 'kept as it is in Genesys Cloud (modules/users does not manage it); changes there are not drift',
      });
    }
    return value;
  });

  // ---- Queues -----------------------------------------------------------------------------------------------
  const existingFlows = new Map<string, string>();
  const usedCodes = new Set<string>();
  const flowRef = (q: ApiQueue, field: 'queueFlow' | 'emailInQueueFlow' | 'messageInQueueFlow') => {
    const ref = q[field];
    if (!ref?.id) return undefined;
    const flow = flowsById.get(ref.id);
    if (!flow) {
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: field,
        detail: `names flow ${ref.name ?? ref.id}, which the org's flow list does not hold`,
        fix: 'the first apply clears it: publish or pick the flow in Genesys Cloud first',
      });
      return undefined;
    }
    existingFlows.set(flow.name, flow.type.toLowerCase());
    return flow.name;
  };
  const queueCodeIds = new Map(queues.map((q) => [q.id, snapshot.queueWrapupCodes[q.id] ?? []]));
  const codeName = (id: string) => {
    const code = codesById.get(id);
    if (code) {
      usedCodes.add(code.name);
      if (ownership.wrapupCodes.get(id) !== folder) sharedCodes.add(code.name);
    }
    return code?.name;
  };
  // default_wrapup_codes: the codes every queue of the department offers.
  const allCodeSets = queues.map(
    (q) => new Set((queueCodeIds.get(q.id) ?? []).map(codeName).filter((n): n is string => !!n)),
  );
  const defaultCodes =
    allCodeSets.length > 0
      ? [...allCodeSets.reduce((a, b) => new Set([...a].filter((c) => b.has(c))))].sort()
      : [];

  const queueValues: Hcl[] = queues.map((q, index) => {
    const value: HclObject = { name: q.name };
    if (q.description) value.description = q.description;
    const media = mediaValue(q, report);
    if (Object.keys(media).length) value.media_settings = media;

    const prompt = q.acwSettings?.wrapupPrompt;
    if (!prompt)
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: 'acw_wrapup_prompt',
        detail: 'no after-call work prompt',
        fix: 'the first apply sets MANDATORY_TIMEOUT (the modules always set one): set it in Genesys Cloud first, or accept it',
      });
    else if (prompt !== 'MANDATORY_TIMEOUT') value.acw_wrapup_prompt = prompt;
    const timeout = q.acwSettings?.timeoutMs;
    if (!['MANDATORY', 'OPTIONAL'].includes(prompt ?? 'MANDATORY_TIMEOUT')) {
      if (timeout === undefined)
        report({
          kind: 'differs',
          type: 'queue',
          name: q.name,
          attribute: 'acw_timeout_ms',
          detail: `prompt ${prompt ?? 'MANDATORY_TIMEOUT'} without a timeout`,
          fix: 'the first apply sets 120000 ms (modules/queues always sets one for timeout prompts): set it in Genesys Cloud first, or accept it',
        });
      else if (timeout !== 120000) value.acw_timeout_ms = timeout;
    }
    if (!q.skillEvaluationMethod)
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: 'skill_evaluation_method',
        detail: 'no skill evaluation method',
        fix: 'the first apply sets ALL: set it in Genesys Cloud first, or accept it',
      });
    else if (q.skillEvaluationMethod !== 'ALL') value.skill_evaluation_method = q.skillEvaluationMethod;
    const inQueue = flowRef(q, 'queueFlow');
    if (inQueue) value.in_queue_flow = inQueue;
    const emailFlow = flowRef(q, 'emailInQueueFlow');
    if (emailFlow) value.email_in_queue_flow = emailFlow;
    const messageFlow = flowRef(q, 'messageInQueueFlow');
    if (messageFlow) value.message_in_queue_flow = messageFlow;

    const codes = (allCodeSets[index] ? [...allCodeSets[index]] : [])
      .filter((c) => !defaultCodes.includes(c))
      .sort();
    if (codes.length) value.wrapup_codes = codes;

    // Members: exactly, or the plan would change them (null members would mean ignore_members, an update too).
    const members: HclObject = {};
    const strangers: string[] = [];
    for (const m of snapshot.queueMembers[q.id] ?? []) {
      const user = usersById.get(m.id);
      if (user && myUserIds.has(m.id)) members[user.email] = m.ringNumber ?? 1;
      else strangers.push(user ? `${user.email} (${ownership.users.get(m.id) ?? 'no department'})` : m.id);
    }
    value.members = Object.fromEntries(Object.entries(members).sort(([a], [b]) => a.localeCompare(b)));
    if (strangers.length)
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: 'members',
        detail: `members who are not users of ${folder}: ${strangers.sort().join(', ')}`,
        fix: 'the first apply removes them from the queue (a department root staffs its queues with its own users): move the users to this department (mapping file "assign"), or accept it',
      });

    if (q.enableTranscription) value.enable_transcription = true;
    if (q.enableManualAssignment) value.enable_manual_assignment = true;
    if (q.suppressInQueueCallRecording === false) value.suppress_in_queue_call_recording = false;
    else if (q.suppressInQueueCallRecording === undefined)
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: 'suppress_in_queue_call_recording',
        detail: 'not set',
        fix: 'the first apply sets true (the modules default): set it in Genesys Cloud first, or accept it',
      });
    if (q.callingPartyName) value.calling_party_name = q.callingPartyName;
    if (q.callingPartyNumber) value.calling_party_number = q.callingPartyNumber;
    if (q.autoAnswerOnly !== true)
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: 'auto_answer_only',
        detail: q.autoAnswerOnly === false ? 'false' : 'not set',
        fix: 'the first apply sets true (the provider default; modules/queues does not expose it): accept it, or add it to modules/queues',
      });
    if ((q.scoringMethod ?? '') !== 'TimestampAndPriority')
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: 'scoring_method',
        detail: q.scoringMethod ?? 'not set',
        fix: 'the first apply sets TimestampAndPriority (the provider default; modules/queues does not expose it): accept it, or add it to modules/queues',
      });

    const rings = q.bullseye?.rings ?? [];
    if (rings.length) {
      const ringValues = rings.map((ring) => ({
        expansion_timeout_seconds:
          ring.expansionCriteria?.find((c) => c.type === 'TIMEOUT_SECONDS')?.threshold ?? 0,
        ...(ring.actions?.skillsToRemove?.length
          ? {
              skills_to_remove: ring.actions.skillsToRemove
                .map((s) => skillName(s.id))
                .filter((n): n is string => !!n)
                .sort(),
            }
          : {}),
      }));
      if (rings.length >= 2 && rings.length <= 6) value.bullseye_rings = ringValues;
      else
        report({
          kind: 'differs',
          type: 'queue',
          name: q.name,
          attribute: 'bullseye_rings',
          detail: `${rings.length} bullseye ring(s); modules/queues takes 2 to 6`,
          fix: 'the first apply removes bullseye routing: fix the rings in Genesys Cloud first, or accept it',
        });
      if (rings.some((r) => holds(r.memberGroups)))
        report({
          kind: 'differs',
          type: 'queue',
          name: q.name,
          attribute: 'bullseye_rings.member_groups',
          detail: 'bullseye rings with member groups',
          fix: "the first apply removes the rings' member groups: add them to modules/queues first, or accept it",
        });
    }
    for (const [field, attribute] of QUEUE_UNEXPOSED)
      if (holds(q[field]))
        report({
          kind: 'differs',
          type: 'queue',
          name: q.name,
          attribute,
          detail: `${field}: ${JSON.stringify(q[field])}`,
          fix: `the first apply clears it (modules/queues does not expose ${attribute}): add it to modules/queues first, or remove it in Genesys Cloud`,
        });
    for (const [field, attribute] of QUEUE_KEPT)
      if (holds(q[field]))
        report({
          kind: 'unmanaged',
          type: 'queue',
          name: q.name,
          attribute,
          detail: `${field}: ${JSON.stringify(q[field])}`,
          fix: 'kept as it is in Genesys Cloud (modules/queues does not manage it)',
        });
    if (q.division?.id !== divisionId)
      report({
        kind: 'differs',
        type: 'queue',
        name: q.name,
        attribute: 'division_id',
        detail: `in division '${q.division?.name ?? '?'}', assigned to ${folder} (division ${divisionName})`,
        fix: `the first apply moves the queue to ${divisionName}; move it in Genesys Cloud first, or accept it`,
      });
    return value;
  });

  for (const code of ownCodes)
    if (code.division?.id !== divisionId)
      report({
        kind: 'differs',
        type: 'wrapup code',
        name: code.name,
        attribute: 'division_id',
        detail: `in division '${code.division?.name ?? '?'}', assigned to ${folder}`,
        fix: `the first apply moves it to ${divisionName}; or assign it to org ("assign": { "wrapupCodes": { "${code.name}": "org" } })`,
      });

  // ---- Flows ------------------------------------------------------------------------------------------------
  const ownFlows = byName(mine(snapshot.flows, ownership.flows));
  const queueNames = new Set(queues.map((q) => q.name));
  const files: Record<string, string> = {};
  const inQueueFlows: Hcl[] = [];
  const inboundFlows: Hcl[] = [];
  const adopted: Record<string, string> = {};
  const fileNames = new Set<string>();
  for (const flow of ownFlows) {
    const exported = snapshot.flowYaml[flow.id];
    if (!exported || 'error' in exported) {
      report({
        kind: 'unmanaged',
        type: 'flow',
        name: flow.name,
        detail: `no YAML: ${exported?.error ?? 'not exported'}`,
        fix: 'kept as it is in Genesys Cloud; export it in Architect and add it to the department by hand to manage it',
      });
      continue;
    }
    const file = templateFlow(exported.yaml, {
      name: flow.name,
      division: divisionName,
      departmentQueues: queueNames,
    });
    if ('error' in file) {
      report({
        kind: 'unmanaged',
        type: 'flow',
        name: flow.name,
        detail: `its exported YAML cannot become a flow file: ${file.error}`,
        fix: 'kept as it is in Genesys Cloud; fix the YAML by hand to manage it',
      });
      continue;
    }
    const path = `flows/${flowFileName(flow, fileNames)}`;
    files[path] = file.yaml;
    if (file.otherQueues.length)
      report({
        kind: 'note',
        type: 'flow',
        name: flow.name,
        detail: `transfers to queues of other roots, kept by name in its YAML: ${file.otherQueues.join(', ')}`,
        fix: 'none needed; Architect resolves them by name (Terraform does not order this flow after them)',
      });
    const inQueue = IN_QUEUE_TYPES.has(flow.type);
    if (!options.adoptFlows) {
      report({
        kind: 'note',
        type: 'flow',
        name: flow.name,
        detail: `exported to ${path}, not managed yet${existingFlows.has(flow.name) ? ' (its queues read it by name)' : ''}`,
        fix: 'adopt the flows in a separate, reviewed step: `cxops onboard --adopt-flows`; its first apply republishes each flow once',
      });
      continue;
    }
    existingFlows.delete(flow.name);
    adopted[flow.name] = flow.id;
    const entry: HclObject = { name: flow.name, filepath: path };
    if (!inQueue && Object.keys(file.queues).length) entry.queues = file.queues;
    if (inQueue && Object.keys(file.queues).length)
      report({
        kind: 'unmanaged',
        type: 'flow',
        name: flow.name,
        detail: 'an in-queue flow that transfers to queues: its YAML keeps their names literally',
        fix: 'none needed',
      });
    (inQueue ? inQueueFlows : inboundFlows).push(entry);
    report({
      kind: 'differs',
      type: 'flow',
      name: flow.name,
      attribute: 'filepath, file_content_hash',
      detail: `adopted from ${path}`,
      fix: 'the first apply republishes it once (a new version of the same YAML): the API cannot return the hash of the file a flow was published from. Review the YAML, then apply',
    });
  }

  // ---- The module call --------------------------------------------------------------------------------------
  const args: ModuleArgument[] = [
    { name: 'division', value: divisionName },
    { name: 'skills', value: ownSkills.map((s) => s.name) },
    { name: 'shared_skills', value: [...sharedSkills].sort() },
    {
      name: 'wrapup_codes',
      value: ownCodes.map((c) => named(c.name, c.description)),
    },
    { name: 'shared_wrapup_codes', value: [...sharedCodes].sort() },
    { name: 'default_wrapup_codes', value: defaultCodes },
    { name: 'default_roles', value: defaultRoles },
    { name: 'org_wide_roles', value: orgWideNames },
  ];
  if (existingFlows.size)
    args.push({
      name: 'existing_flows',
      value: Object.fromEntries([...existingFlows].sort(([a], [b]) => a.localeCompare(b))),
      note: 'Flows the queues name, read by name and not managed here yet: their YAML is in flows/. Adopting them (`cxops onboard --adopt-flows`) republishes each once.',
    });
  if (inQueueFlows.length) args.push({ name: 'in_queue_flows', value: inQueueFlows });
  if (inboundFlows.length) args.push({ name: 'inbound_flows', value: inboundFlows });
  args.push({ name: 'users', value: userValues }, { name: 'queues', value: queueValues });

  const inQueueNames = new Set(inQueueFlows.map((f) => (f as HclObject).name as string));
  return {
    folder,
    module: 'department',
    division: divisionName,
    args,
    imports: [
      {
        to: 'module.department.module.skills.genesyscloud_routing_skill.this',
        ids: ids(ownSkills.map((s) => [s.name, s.id])),
      },
      {
        to: 'module.department.module.wrapup_codes.genesyscloud_routing_wrapupcode.this',
        ids: ids(ownCodes.map((c) => [c.name, c.id])),
      },
      {
        to: 'module.department.module.users.genesyscloud_user.this',
        ids: ids(users.map((u) => [u.email, u.id])),
      },
      {
        // The grants resource is imported by the user's id.
        to: 'module.department.module.users.genesyscloud_user_roles.this',
        ids: ids(users.filter((u) => (userRoles.get(u.id) ?? []).length > 0).map((u) => [u.email, u.id])),
      },
      {
        to: 'module.department.module.queues.genesyscloud_routing_queue.this',
        ids: ids(queues.map((q) => [q.name, q.id])),
      },
      {
        to: 'module.department.module.in_queue_flows.genesyscloud_flow.this',
        ids: ids(Object.entries(adopted).filter(([name]) => inQueueNames.has(name))),
      },
      {
        to: 'module.department.module.inbound_flows.genesyscloud_flow.this',
        ids: ids(Object.entries(adopted).filter(([name]) => !inQueueNames.has(name))),
      },
    ],
    files,
    counts: {
      skills: ownSkills.length,
      wrapupCodes: ownCodes.length,
      users: users.length,
      userRoles: users.filter((u) => (userRoles.get(u.id) ?? []).length > 0).length,
      queues: queues.length,
      flows: Object.keys(adopted).length,
      flowFiles: Object.keys(files).length,
    },
  };
}

function flowFileName(flow: ApiFlow, taken: Set<string>): string {
  const base =
    flow.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'flow';
  let name = `${base}.yaml`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.yaml`;
  taken.add(name);
  return name;
}

/** A queue's media settings as modules/queues takes them; see MEDIA_DEFAULTS and MEDIA_MANAGED. */
function mediaValue(
  q: ApiQueue,
  report: (f: Omit<Parameters<Findings['add']>[0], 'root'>) => void,
): HclObject {
  const media: HclObject = {};
  for (const [type, defaults] of Object.entries(MEDIA_DEFAULTS)) {
    const settings: ApiMediaSettings | undefined = q.mediaSettings?.[type];
    if (!settings) continue;
    const alerting = settings.alertingTimeoutSeconds ?? defaults.alerting;
    const percentage = settings.serviceLevel?.percentage ?? 0.8;
    const duration = settings.serviceLevel?.durationMs ?? defaults.duration;
    const autoAnswer = settings.enableAutoAnswer === true;
    const extras = Object.entries(settings).filter(
      ([field, value]) => !MEDIA_MANAGED.has(field) && holds(value),
    );
    if (extras.length) {
      // Writing the block would make the provider clear these; leaving it out keeps the whole block as it is.
      report({
        kind: 'unmanaged',
        type: 'queue',
        name: q.name,
        attribute: `media_settings_${type}`,
        detail: `${extras.map(([field, value]) => `${field}=${JSON.stringify(value)}`).join(', ')} (modules/queues does not expose these)`,
        fix: `the whole ${type} block is kept as it is in Genesys Cloud (alerting ${alerting} s, service level ${percentage} in ${duration} ms) and not managed`,
      });
      continue;
    }
    const value: HclObject = {};
    if (alerting !== defaults.alerting) value.alerting_timeout_sec = alerting;
    if (percentage !== 0.8) value.service_level_percentage = percentage;
    if (duration !== defaults.duration) value.service_level_duration_ms = duration;
    if (autoAnswer) value.enable_auto_answer = true;
    // Every media type is written, `{}` when it holds the defaults: all of them are managed, so a change made
    // in the admin UI shows as drift.
    media[type] = value;
  }
  return media;
}
