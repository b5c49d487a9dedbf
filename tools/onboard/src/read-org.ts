// Reads an org through the Platform API: the listings the provider's own exporter uses (divisions, roles,
// skills, languages, wrap-up codes, queues, users with their skills and languages, flows), then per queue its
// members and wrap-up codes, per user the direct role grants, and per published flow its YAML through an
// export job. Reads only; every request is counted.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlatformClient } from './api-client.ts';
import type {
  ApiDivision,
  ApiFlow,
  ApiGrant,
  ApiQueue,
  ApiQueueMember,
  ApiRole,
  ApiSkill,
  ApiUser,
  ApiWrapupCode,
  OrgSnapshot,
  Ref,
} from './snapshot.ts';

const USER_EXPANDS = 'skills,languages,locations,profileSkills,certifications,employerInfo';

export interface ReadOptions {
  /** Export each published flow's YAML (default true). */
  flows?: boolean;
  /** Progress lines ("read 120 users"). */
  onStep?: (message: string) => void;
  /** How long to wait between polls of an export job. */
  pollMs?: number;
}

export async function readOrg(client: PlatformClient, options: ReadOptions = {}): Promise<OrgSnapshot> {
  const step = options.onStep ?? (() => {});
  const [divisions, roles, skills, languages, wrapupCodes, queues, active, inactive, flows] =
    await Promise.all([
      client.all<ApiDivision>('/api/v2/authorization/divisions'),
      client.all<ApiRole>('/api/v2/authorization/roles'),
      client.all<ApiSkill>('/api/v2/routing/skills'),
      client.all<ApiSkill>('/api/v2/routing/languages'),
      client.all<ApiWrapupCode>('/api/v2/routing/wrapupcodes'),
      client.all<ApiQueue>('/api/v2/routing/queues'),
      client.all<ApiUser>('/api/v2/users', { expand: USER_EXPANDS, state: 'active' }),
      client.all<ApiUser>('/api/v2/users', { expand: USER_EXPANDS, state: 'inactive' }),
      client.all<ApiFlow>('/api/v2/flows'),
    ]);
  const users = [...active, ...inactive];
  step(
    `listed ${divisions.length} divisions, ${roles.length} roles, ${skills.length} skills, ` +
      `${wrapupCodes.length} wrap-up codes, ${queues.length} queues, ${users.length} users, ${flows.length} flows`,
  );
  const home =
    divisions.find((d) => d.homeDivision) ??
    (await client.get<ApiDivision>('/api/v2/authorization/divisions/home'));

  const queueMembers: Record<string, ApiQueueMember[]> = {};
  const queueWrapupCodes: Record<string, string[]> = {};
  await Promise.all(
    queues.map(async (queue) => {
      const [members, codes] = await Promise.all([
        client.all<ApiQueueMember>(`/api/v2/routing/queues/${queue.id}/members`, { memberBy: 'user' }),
        client.all<Ref>(`/api/v2/routing/queues/${queue.id}/wrapupcodes`),
      ]);
      queueMembers[queue.id] = members.map((m) => ({ id: m.id, ringNumber: m.ringNumber }));
      queueWrapupCodes[queue.id] = codes.map((c) => c.id);
    }),
  );
  step(`read the members and wrap-up codes of ${queues.length} queues`);

  const grants: Record<string, ApiGrant[]> = {};
  await Promise.all(
    users.map(async (user) => {
      const subject = await client.get<{
        grants?: { subjectId?: string; role?: Ref; division?: Ref }[];
      }>(`/api/v2/authorization/subjects/${user.id}`, { includeDuplicates: 'true' });
      // Only direct grants: roles a user holds through a group are not the user's to manage (as in the provider).
      grants[user.id] = (subject.grants ?? [])
        .filter((g) => (g.subjectId ?? user.id) === user.id && g.role?.id && g.division?.id)
        .map((g) => ({ roleId: g.role!.id, divisionId: g.division!.id }));
    }),
  );
  step(`read the role grants of ${users.length} users`);

  const flowYaml: OrgSnapshot['flowYaml'] = {};
  if (options.flows !== false) {
    await Promise.all(
      flows.map(async (flow) => {
        flowYaml[flow.id] = flow.publishedVersion
          ? await exportFlow(client, flow, options.pollMs ?? 1000)
          : { error: 'it has no published version' };
      }),
    );
    step(`exported the YAML of ${Object.values(flowYaml).filter((f) => 'yaml' in f).length} flows`);
  }

  return {
    homeDivisionId: home.id,
    divisions,
    roles,
    skills: skills.filter((s) => s.state !== 'deleted'),
    languages: languages.filter((l) => l.state !== 'deleted'),
    wrapupCodes,
    queues,
    queueMembers,
    queueWrapupCodes,
    users,
    grants,
    flows,
    flowYaml,
  };
}

/**
 * One flow's published version as Architect YAML, the way the provider's exporter gets it: an export job, polled
 * until it ends, then its signed download URL.
 */
async function exportFlow(
  client: PlatformClient,
  flow: ApiFlow,
  pollMs: number,
): Promise<{ yaml: string } | { error: string }> {
  const job = await client.post<{ id: string }>('/api/v2/flows/export/jobs', {
    flows: [{ flow: { id: flow.id, version: flow.publishedVersion!.id } }],
  });
  for (let poll = 0; poll < 120; poll++) {
    const state = await client.get<{
      status?: string;
      downloadUrl?: string;
      messages?: { text?: string }[];
    }>(`/api/v2/flows/export/jobs/${job.id}`, { expand: 'messages' });
    if (state.status === 'Success' && state.downloadUrl)
      return { yaml: await client.download(state.downloadUrl) };
    if (state.status === 'Failure')
      return { error: `the export job failed: ${(state.messages ?? []).map((m) => m.text).join('; ')}` };
    await sleep(pollMs);
  }
  return { error: 'the export job did not finish within 120 polls' };
}
