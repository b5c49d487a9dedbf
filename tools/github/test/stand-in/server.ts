// A local stand-in for the few GitHub REST endpoints cxops uses, registered from the package's own route
// constants: issue comments (list paginated with Link headers, create, update, delete) for the sticky PR
// comment, the merged pull requests of a commit (what the apply job reads), and issues (list by state and label,
// create, update) and labels for the drift issues. It checks the authorization header, answers GitHub-shaped
// errors, and takes injected faults. Loopback only.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  COMMIT_PULLS,
  ISSUE,
  ISSUE_COMMENT,
  ISSUE_COMMENTS,
  ISSUES,
  LABEL,
  LABELS,
} from '../../src/routes.ts';
import { CommentStore, type StandInFixture, type StoredComment, type StoredIssue } from './store.ts';

/** Test-only (GitHub has no such thing): answer the next matching requests with this status and body. */
export interface Fault {
  method?: string;
  status: number;
  message?: string;
  /** Replaces the whole error body (e.g. a 422 with an `errors` list). */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** How many requests it hits; default every one. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  route: string;
  url: string;
  status: number;
}

export interface GitHubStandIn {
  app: FastifyInstance;
  store: CommentStore;
  /** Test-only: injected failures, consumed in order. */
  faults: Fault[];
  /** Every request answered, for asserting what was (not) written. */
  requests: RecordedRequest[];
  reset(fixture?: StandInFixture): void;
}

const DOCS = 'https://docs.github.com/rest';
/** GitHub counts characters (code points), not UTF-16 units. */
const MAX_BODY = 65_536;

/** `/repos/{owner}/{repo}` (octokit) → `/repos/:owner/:repo` (fastify). */
const fastifyPath = (route: string) => route.replace(/\{(\w+)\}/g, ':$1');

type Params = {
  owner: string;
  repo: string;
  issue_number?: string;
  comment_id?: string;
  commit_sha?: string;
  name?: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    login?: string;
  }
}

export function createGitHubStandIn(fixture: StandInFixture): GitHubStandIn {
  const app = Fastify({ logger: false });
  const standIn: GitHubStandIn = {
    app,
    store: new CommentStore(fixture),
    faults: [],
    requests: [],
    reset(next = fixture) {
      standIn.store = new CommentStore(next);
      standIn.faults = [];
      standIn.requests = [];
    },
  };

  const error = (reply: FastifyReply, status: number, message: string) =>
    reply.code(status).send({ message, documentation_url: DOCS, status: String(status) });

  app.addHook('onRequest', async (request, reply) => {
    // octokit sends `token <t>` for tokens; GitHub accepts `Bearer <t>` as well.
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const login = token === undefined ? undefined : standIn.store.loginOf(token);
    if (!login) return error(reply, 401, 'Bad credentials');
    request.login = login;

    const index = standIn.faults.findIndex((f) => !f.method || f.method.toUpperCase() === request.method);
    const fault = standIn.faults[index];
    if (!fault) return;
    if (fault.times !== undefined && --fault.times <= 0) standIn.faults.splice(index, 1);
    for (const [name, value] of Object.entries(fault.headers ?? {})) reply.header(name, value);
    if (fault.body) return reply.code(fault.status).send(fault.body);
    return error(reply, fault.status, fault.message ?? `Injected fault (${fault.status})`);
  });

  app.addHook('onResponse', async (request, reply) => {
    standIn.requests.push({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      url: request.url,
      status: reply.statusCode,
    });
  });

  const origin = (request: FastifyRequest) => `http://${request.headers.host}`;
  const json = (request: FastifyRequest, c: StoredComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${origin(request)}/repos/${c.repo}/issues/comments/${c.id}`,
    html_url: `${origin(request)}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${origin(request)}/repos/${c.repo}/issues/${c.issue}`,
    body: c.body,
    user: { login: c.login, id: 1, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'NONE',
  });

  /** The issue or pull request a comment route names, or a 404 answer as GitHub gives for unknown ones. */
  const pull = (request: FastifyRequest, reply: FastifyReply) => {
    const { owner, repo, issue_number } = request.params as Params;
    const name = `${owner}/${repo}`;
    if (!standIn.store.hasIssueOrPull(name, Number(issue_number))) {
      error(reply, 404, 'Not Found');
      return undefined;
    }
    return { name, issue: Number(issue_number) };
  };

  /** GitHub's validation of a comment body: a 422 naming the field. */
  const body = (request: FastifyRequest, reply: FastifyReply): string | undefined => {
    const value = (request.body as { body?: unknown } | undefined)?.body;
    const problem =
      typeof value !== 'string' || value.trim() === ''
        ? "body wasn't supplied."
        : [...value].length > MAX_BODY
          ? `Body is too long (maximum is ${MAX_BODY} characters)`
          : undefined;
    if (!problem) return value as string;
    reply.code(422).send({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: problem }],
      documentation_url: DOCS,
      status: '422',
    });
    return undefined;
  };

  /** One page of `all`, with GitHub's Link header (other query parameters are kept in the links). */
  const paginate = <T>(request: FastifyRequest, reply: FastifyReply, all: T[]): T[] => {
    const query = request.query as Record<string, string | undefined>;
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100);
    const page = Math.max(Number(query.page ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    const kept = Object.entries(query).filter(([key]) => key !== 'per_page' && key !== 'page');
    const link = (n: number, rel: string) =>
      `<${origin(request)}${request.url.split('?')[0]}?${new URLSearchParams([...kept.map(([k, v]) => [k, v ?? ''] as [string, string]), ['per_page', String(perPage)], ['page', String(n)]]).toString()}>; rel="${rel}"`;
    const links = [
      ...(page > 1 ? [link(page - 1, 'prev')] : []),
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first')] : []),
    ];
    if (links.length) reply.header('link', links.join(', '));
    return all.slice((page - 1) * perPage, page * perPage);
  };

  app.get(fastifyPath(ISSUE_COMMENTS), async (request, reply) => {
    const target = pull(request, reply);
    if (!target) return reply;
    return paginate(request, reply, standIn.store.list(target.name, target.issue)).map((c) =>
      json(request, c),
    );
  });

  app.post(fastifyPath(ISSUE_COMMENTS), async (request, reply) => {
    const target = pull(request, reply);
    const text = target && body(request, reply);
    if (!target || text === undefined) return reply;
    const comment = standIn.store.create(target.name, target.issue, text, request.login!);
    const answer = json(request, comment);
    return reply.code(201).header('location', answer.url).send(answer);
  });

  const existing = (request: FastifyRequest, reply: FastifyReply) => {
    const { owner, repo, comment_id } = request.params as Params;
    const comment = standIn.store.find(`${owner}/${repo}`, Number(comment_id));
    if (!comment) error(reply, 404, 'Not Found');
    return comment;
  };

  app.patch(fastifyPath(ISSUE_COMMENT), async (request, reply) => {
    const comment = existing(request, reply);
    const text = comment && body(request, reply);
    if (!comment || text === undefined) return reply;
    return json(request, standIn.store.update(comment, text));
  });

  app.delete(fastifyPath(ISSUE_COMMENT), async (request, reply) => {
    const comment = existing(request, reply);
    if (!comment) return reply;
    standIn.store.remove(comment);
    return reply.code(204).send();
  });

  app.get(fastifyPath(COMMIT_PULLS), async (request) => {
    const { owner, repo, commit_sha } = request.params as Params;
    return standIn.store.pullsOfCommit(`${owner}/${repo}`, commit_sha!).map((p) => ({
      number: p.number,
      state: 'closed',
      merged_at: '2025-01-02T00:00:00Z',
      merge_commit_sha: p.mergeCommitSha,
      head: { sha: p.headSha, ref: `feature-${p.number}` },
      base: { ref: 'main' },
      html_url: `${origin(request)}/${owner}/${repo}/pull/${p.number}`,
    }));
  });

  const issueJson = (request: FastifyRequest, i: StoredIssue) => ({
    id: 500_000 + i.number,
    node_id: `I_${i.number}`,
    number: i.number,
    url: `${origin(request)}/repos/${i.repo}/issues/${i.number}`,
    html_url: `${origin(request)}/${i.repo}/issues/${i.number}`,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    labels: i.labels.map((name) => ({ name })),
    user: { login: i.login, id: 1, type: i.login.endsWith('[bot]') ? 'Bot' : 'User' },
    comments: standIn.store.list(i.repo, i.number).length,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  });
  const pullJson = (request: FastifyRequest, repo: string, number: number) => ({
    id: 900_000 + number,
    number,
    html_url: `${origin(request)}/${repo}/pull/${number}`,
    title: `Pull request #${number}`,
    body: '',
    state: 'open',
    labels: [],
    pull_request: { url: `${origin(request)}/repos/${repo}/pulls/${number}` },
  });

  const repoOf = (request: FastifyRequest, reply: FastifyReply) => {
    const { owner, repo } = request.params as Params;
    const name = `${owner}/${repo}`;
    if (standIn.store.hasRepo(name)) return name;
    error(reply, 404, 'Not Found');
    return undefined;
  };

  const issueFields = (request: FastifyRequest, reply: FastifyReply, creating: boolean) => {
    const sent = (request.body ?? {}) as Record<string, unknown>;
    const invalid = (field: string, message: string) => {
      reply.code(422).send({
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', code: 'invalid', field, message }],
        documentation_url: DOCS,
        status: '422',
      });
      return undefined;
    };
    if (
      (creating || sent.title !== undefined) &&
      (typeof sent.title !== 'string' || sent.title.trim() === '')
    )
      return invalid('title', "title wasn't supplied.");
    if (sent.body !== undefined && (typeof sent.body !== 'string' || [...sent.body].length > MAX_BODY))
      return invalid('body', `body is too long (maximum is ${MAX_BODY} characters)`);
    if (sent.state !== undefined && sent.state !== 'open' && sent.state !== 'closed')
      return invalid('state', 'state must be open or closed');
    if (
      sent.state_reason !== undefined &&
      !['completed', 'not_planned', 'reopened', null].includes(sent.state_reason as string)
    )
      return invalid('state_reason', 'state_reason is not one of completed, not_planned, reopened');
    return sent as {
      title?: string;
      body?: string;
      labels?: string[];
      state?: 'open' | 'closed';
      state_reason?: StoredIssue['stateReason'];
    };
  };

  app.get(fastifyPath(ISSUES), async (request, reply) => {
    const name = repoOf(request, reply);
    if (!name) return reply;
    const query = request.query as { state?: string; labels?: string };
    const state = query.state ?? 'open';
    const wanted = (query.labels ?? '')
      .split(',')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean);
    const issues = standIn.store.issues
      .filter((i) => i.repo === name && (state === 'all' || i.state === state))
      .filter((i) => wanted.every((l) => i.labels.some((x) => x.toLowerCase() === l)))
      .map((i) => ({ number: i.number, json: issueJson(request, i) }));
    const pulls =
      wanted.length || state === 'closed'
        ? []
        : (standIn.store.fixture.repos[name] ?? []).map((n) => ({
            number: n,
            json: pullJson(request, name, n),
          }));
    // Newest first, as GitHub sorts by default.
    const all = [...issues, ...pulls].sort((a, b) => b.number - a.number).map((x) => x.json);
    return paginate(request, reply, all);
  });

  app.post(fastifyPath(ISSUES), async (request, reply) => {
    const name = repoOf(request, reply);
    const fields = name && issueFields(request, reply, true);
    if (!name || !fields) return reply;
    const issue = standIn.store.createIssue(
      name,
      { title: fields.title!, body: fields.body ?? '', labels: fields.labels ?? [] },
      request.login!,
    );
    const answer = issueJson(request, issue);
    return reply.code(201).header('location', answer.url).send(answer);
  });

  app.patch(fastifyPath(ISSUE), async (request, reply) => {
    const { owner, repo, issue_number } = request.params as Params;
    const issue = standIn.store.findIssue(`${owner}/${repo}`, Number(issue_number));
    if (!issue) return error(reply, 404, 'Not Found');
    const fields = issueFields(request, reply, false);
    if (!fields) return reply;
    standIn.store.updateIssue(issue, {
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.body !== undefined ? { body: fields.body } : {}),
      ...(fields.state !== undefined
        ? {
            state: fields.state,
            stateReason: fields.state === 'closed' ? (fields.state_reason ?? 'completed') : 'reopened',
          }
        : {}),
    });
    return issueJson(request, issue);
  });

  app.get(fastifyPath(LABEL), async (request, reply) => {
    const name = repoOf(request, reply);
    const { name: label } = request.params as Params;
    if (!name) return reply;
    if (!standIn.store.hasLabel(name, label ?? '')) return error(reply, 404, 'Not Found');
    return { name: label, color: 'ededed', description: null };
  });

  app.post(fastifyPath(LABELS), async (request, reply) => {
    const name = repoOf(request, reply);
    if (!name) return reply;
    const label = (request.body as { name?: unknown } | undefined)?.name;
    if (typeof label !== 'string' || label.trim() === '') return error(reply, 422, 'Validation Failed');
    if (standIn.store.hasLabel(name, label))
      return reply.code(422).send({
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
        documentation_url: DOCS,
        status: '422',
      });
    standIn.store.addLabel(name, label);
    return reply
      .code(201)
      .send({ name: label, color: (request.body as { color?: string }).color ?? 'ededed' });
  });

  return standIn;
}

/** Starts listening on loopback; port 0 picks a free one. Returns the base URL for octokit's baseUrl. */
export async function listen(standIn: GitHubStandIn, port = 0): Promise<string> {
  await standIn.app.listen({ host: '127.0.0.1', port });
  const address = standIn.app.server.address();
  if (!address || typeof address !== 'object') throw new Error('the GitHub stand-in has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
