// A small Platform API client for reading an org: bearer token or OAuth client credentials, pages, retries that
// honour 429 Retry-After (Genesys budgets 300 requests a minute per token) and 5xx, a bounded number of requests
// in flight, and a count of the calls per route for the onboarding report. Read-only by design: it only GETs,
// except the one POST that starts a flow export job.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CxError, EXIT } from '@cxops/core';

export type Credentials =
  | { kind: 'token'; token: string }
  | { kind: 'client'; clientId: string; clientSecret: string; tokenUrl: string };

export interface ClientOptions {
  /** e.g. https://api.mypurecloud.com, or the emulated org's http://127.0.0.1:<port>. */
  baseUrl: string;
  credentials: Credentials;
  /** Requests in flight at once (default 6). */
  concurrency?: number;
  /** Retries of one request after a 429 or a 5xx (default 10). */
  maxRetries?: number;
  fetch?: typeof fetch;
}

interface Page<T> {
  entities?: T[];
  pageCount?: number;
}

/** A GUID (or any long id-like segment) in a path becomes {id}, so calls are counted per route. */
export function routeOf(method: string, url: string): string {
  const path = new URL(url, 'http://x').pathname
    .split('/')
    .map((segment) => (/^[0-9a-f]{8}-[0-9a-f-]{27,}$|^[0-9a-f]{24,}$/i.test(segment) ? '{id}' : segment))
    .join('/');
  return `${method} ${path}`;
}

/** A token is named by fingerprint only, never shown. */
export function fingerprint(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

export class PlatformClient {
  private token: string | undefined;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly fetch: typeof fetch;
  /** Calls per route ("GET /api/v2/routing/queues/{id}/members"), retries included. */
  readonly calls = new Map<string, number>();
  rateLimited = 0;

  constructor(private readonly options: ClientOptions) {
    this.fetch = options.fetch ?? fetch;
  }

  get totalCalls(): number {
    return [...this.calls.values()].reduce((sum, n) => sum + n, 0);
  }

  /** The token's fingerprint, once authenticated. */
  get tokenFingerprint(): string | undefined {
    return this.token ? fingerprint(this.token) : undefined;
  }

  async get<T>(path: string, query: Record<string, string | number> = {}): Promise<T> {
    return this.request<T>('GET', this.url(path, query));
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', this.url(path, {}), body);
  }

  /** Every entity of a paged listing: pages of `pageSize` until a short page or the last one. */
  async all<T>(path: string, query: Record<string, string | number> = {}, pageSize = 100): Promise<T[]> {
    const found: T[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.get<Page<T>>(path, { ...query, pageSize, pageNumber });
      const entities = page.entities ?? [];
      found.push(...entities);
      const last = page.pageCount !== undefined ? pageNumber >= page.pageCount : entities.length < pageSize;
      if (last || entities.length === 0) return found;
    }
  }

  /** A signed URL the API handed out (flow export downloads): plain GET, no bearer token. */
  async download(url: string): Promise<string> {
    return this.send('GET', url, undefined, false, async (response) => response.text());
  }

  private url(path: string, query: Record<string, string | number>): string {
    const url = new URL(path, this.options.baseUrl);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return url.toString();
  }

  private async request<T>(method: string, url: string, body?: unknown): Promise<T> {
    return this.send(method, url, body, true, async (response) => {
      const text = await response.text();
      return (text ? JSON.parse(text) : undefined) as T;
    });
  }

  private async send<T>(
    method: string,
    url: string,
    body: unknown,
    authorised: boolean,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    const route = routeOf(method, url);
    const maxRetries = this.options.maxRetries ?? 10;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {};
      if (authorised) headers.Authorization = `Bearer ${await this.accessToken()}`;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      let response: Response;
      await this.slot();
      try {
        this.calls.set(route, (this.calls.get(route) ?? 0) + 1);
        response = await this.fetch(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        this.release();
        if (attempt >= maxRetries) throw unreachable(url, error);
        await sleep(backoff(attempt));
        continue;
      }
      try {
        if (response.ok) return await read(response);
        const text = await response.text();
        if ((response.status === 429 || response.status >= 500) && attempt < maxRetries) {
          if (response.status === 429) this.rateLimited++;
          const retryAfter = Number(response.headers.get('retry-after'));
          await sleep(
            Number.isFinite(retryAfter) && retryAfter > 0
              ? Math.min(retryAfter, 120) * 1000
              : backoff(attempt),
          );
          continue;
        }
        throw apiError(method, url, response.status, text);
      } finally {
        this.release();
      }
    }
  }

  private tokenRequest: Promise<string> | undefined;

  /** One token for every request: the first caller logs in, the others wait for that login. */
  private accessToken(): Promise<string> {
    this.tokenRequest ??= this.logIn().catch((error: unknown) => {
      this.tokenRequest = undefined;
      throw error;
    });
    return this.tokenRequest;
  }

  private async logIn(): Promise<string> {
    const credentials = this.options.credentials;
    if (credentials.kind === 'token') return (this.token = credentials.token);
    const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString('base64');
    const response = await this.fetch(credentials.tokenUrl, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    }).catch((error: unknown) => {
      throw unreachable(credentials.tokenUrl, error);
    });
    this.calls.set('POST /oauth/token', (this.calls.get('POST /oauth/token') ?? 0) + 1);
    const text = await response.text();
    if (!response.ok)
      throw new CxError({
        action: 'log in to Genesys Cloud',
        reason: `the token endpoint answered ${response.status} for client ${credentials.clientId}`,
        where: credentials.tokenUrl,
        fix: 'check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION (a client credentials grant)',
      });
    const token = (JSON.parse(text) as { access_token?: string }).access_token;
    if (!token)
      throw new CxError({
        action: 'log in to Genesys Cloud',
        reason: 'the token endpoint answered without an access_token',
        where: credentials.tokenUrl,
      });
    return (this.token = token);
  }

  private async slot(): Promise<void> {
    if (this.inFlight < (this.options.concurrency ?? 6)) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

const backoff = (attempt: number) => Math.min(500 * 2 ** attempt, 15_000);

function unreachable(url: string, error: unknown): CxError {
  return new CxError({
    action: 'read the org',
    reason: `${new URL(url).host} did not answer (${error instanceof Error ? error.message : String(error)})`,
    where: new URL(url).origin,
    fix: 'check the network and the region (GENESYSCLOUD_REGION), or start the emulated org (npx cxops emulator start)',
    exitCode: EXIT.unavailable,
  });
}

function apiError(method: string, url: string, status: number, text: string): CxError {
  let message = text.slice(0, 300);
  try {
    const parsed = JSON.parse(text) as { message?: string };
    if (parsed.message) message = parsed.message;
  } catch {
    // not JSON: the text itself says it
  }
  const forbidden = status === 401 || status === 403;
  return new CxError({
    action: 'read the org',
    reason: `${method} ${new URL(url).pathname} answered ${status}: ${message}`,
    where: new URL(url).origin,
    fix: forbidden
      ? 'the OAuth client needs view permissions on divisions, roles, routing (skills, languages, wrap-up codes, queues, members), users, authorization subjects and Architect flows, plus Architect > jobExport > Create/View for flow YAML'
      : undefined,
  });
}
