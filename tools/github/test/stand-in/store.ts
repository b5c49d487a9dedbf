// State of the GitHub stand-in: repositories with their pull requests, issues, labels, tokens and issue
// comments, in memory and loadable from a JSON fixture. Ids and timestamps advance one step per write, so
// "newest" is defined; issues and pull requests share one number sequence per repository, as on GitHub.

export interface StandInFixture {
  /** "owner/repo" → the pull request numbers it has. */
  repos: Record<string, number[]>;
  /** Accepted tokens → the login that writes with them. */
  tokens: Record<string, string>;
  comments?: { repo: string; issue: number; body: string; login?: string }[];
  /** Merged pull requests: the head they were merged at and the commit the merge made on the base branch. */
  merged?: { repo: string; number: number; headSha: string; mergeCommitSha: string }[];
}

export interface StoredIssue {
  number: number;
  repo: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  login: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredComment {
  id: number;
  repo: string;
  issue: number;
  body: string;
  login: string;
  createdAt: string;
  updatedAt: string;
}

const EPOCH = Date.parse('2025-01-01T00:00:00Z');

export class CommentStore {
  comments: StoredComment[] = [];
  issues: StoredIssue[] = [];
  /** "owner/repo" → label names. */
  labels = new Map<string, Set<string>>();
  private clock = 0;
  private nextId = 1000;

  constructor(readonly fixture: StandInFixture) {
    for (const c of fixture.comments ?? []) this.create(c.repo, c.issue, c.body, c.login ?? 'octocat');
  }

  hasPull(repo: string, issue: number): boolean {
    return this.fixture.repos[repo]?.includes(issue) ?? false;
  }

  /** The merged pull requests a commit belongs to (its merge commit or its head). */
  pullsOfCommit(repo: string, sha: string): NonNullable<StandInFixture['merged']> {
    return (this.fixture.merged ?? []).filter(
      (p) => p.repo === repo && (p.mergeCommitSha === sha || p.headSha === sha),
    );
  }

  hasRepo(repo: string): boolean {
    return repo in this.fixture.repos;
  }

  /** A pull request or an issue: both take comments. */
  hasIssueOrPull(repo: string, number: number): boolean {
    return this.hasPull(repo, number) || this.findIssue(repo, number) !== undefined;
  }

  findIssue(repo: string, number: number): StoredIssue | undefined {
    return this.issues.find((i) => i.repo === repo && i.number === number);
  }

  createIssue(
    repo: string,
    fields: { title: string; body: string; labels: string[] },
    login: string,
  ): StoredIssue {
    const now = this.tick();
    const taken = [
      ...(this.fixture.repos[repo] ?? []),
      ...this.issues.filter((i) => i.repo === repo).map((i) => i.number),
    ];
    const issue: StoredIssue = {
      number: Math.max(0, ...taken) + 1,
      repo,
      ...fields,
      state: 'open',
      stateReason: null,
      login,
      createdAt: now,
      updatedAt: now,
    };
    for (const label of fields.labels) this.addLabel(repo, label);
    this.issues.push(issue);
    return issue;
  }

  updateIssue(
    issue: StoredIssue,
    fields: Partial<Pick<StoredIssue, 'title' | 'body' | 'state' | 'stateReason'>>,
  ): StoredIssue {
    Object.assign(issue, fields);
    issue.updatedAt = this.tick();
    return issue;
  }

  hasLabel(repo: string, name: string): boolean {
    return this.labels.get(repo)?.has(name.toLowerCase()) ?? false;
  }

  addLabel(repo: string, name: string): void {
    const names = this.labels.get(repo) ?? new Set<string>();
    names.add(name.toLowerCase());
    this.labels.set(repo, names);
  }

  loginOf(token: string): string | undefined {
    return this.fixture.tokens[token];
  }

  list(repo: string, issue: number): StoredComment[] {
    return this.comments.filter((c) => c.repo === repo && c.issue === issue);
  }

  find(repo: string, id: number): StoredComment | undefined {
    return this.comments.find((c) => c.repo === repo && c.id === id);
  }

  create(repo: string, issue: number, body: string, login: string): StoredComment {
    const now = this.tick();
    const comment = { id: this.nextId++, repo, issue, body, login, createdAt: now, updatedAt: now };
    this.comments.push(comment);
    return comment;
  }

  update(comment: StoredComment, body: string): StoredComment {
    comment.body = body;
    comment.updatedAt = this.tick();
    return comment;
  }

  remove(comment: StoredComment): void {
    this.comments = this.comments.filter((c) => c !== comment);
  }

  private tick(): string {
    return new Date(EPOCH + 1000 * this.clock++).toISOString();
  }
}
