// A client of the Platform API's audit query, for the real API (bearer token from client credentials) and the
// emulated org alike: the asynchronous query (POST → transaction → status until Succeeded → results page by
// page with the cursor) and the realtime query (page numbers). 429s are waited out as Retry-After says.
// The token never leaves this object: errors name the route, never the credentials.
import { setTimeout as sleep } from 'node:timers/promises';
import { CxError, EXIT } from '@cxops/core';
import type {
  AuditLogMessage,
  AuditQueryExecution,
  AuditQueryRequest,
  AuditRealtimeQueryRequest,
} from '@cxops/emulator';
import {
  AUDITS_QUERY,
  AUDITS_QUERY_REALTIME,
  AUDITS_QUERY_RESULTS,
  AUDITS_QUERY_TRANSACTION,
  AUDITS_SERVICEMAPPING,
  OAUTH_TOKEN,
  pathTo,
} from '@cxops/emulator/paths';
import type { AuditConnection } from './connection.ts';

export interface AuditClientOptions {
  fetch?: typeof fetch;
  /** How long a query may stay Queued/Running before it is given up (default 2 minutes). */
  queryTimeoutMs?: number;
  /** First wait between status checks; it doubles up to 5 s. */
  pollIntervalMs?: number;
  /** Results per page (the API allows 1–500; default 500: fewer calls). */
  pageSize?: number;
}

const ACTION = 'query the Genesys Cloud audit log';
const MAX_RETRIES = 5;

/** What a status answer means for the caller, with the fix a person can apply. */
function fixFor(status: number): string {
  if (status === 401) return 'check the OAuth client id and secret (or the access token) of this run';
  if (status === 403)
    return "give the OAuth client's role the permission audits:audit:view (Audits > Audit > View)";
  if (status === 429) return 'the API rate limit is spent: run again later';
  if (status >= 500) return 'Genesys Cloud failed to answer: run again; see https://status.mypurecloud.com';
  return "read the API's message above: the query was refused as sent";
}

export class AuditClient {
  private token: string | undefined;
  private readonly fetch: typeof fetch;
  /** API calls this client made (login included), for the run's report. */
  calls = 0;

  constructor(
    private readonly connection: AuditConnection,
    private readonly options: AuditClientOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
    this.token = connection.accessToken;
  }

  private async login(): Promise<string> {
    if (this.token) return this.token;
    const { clientId, clientSecret, loginBase } = this.connection;
    this.calls += 1;
    const response = await this.fetch(`${loginBase}${OAUTH_TOKEN}`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    }).catch((error: unknown) => {
      throw this.unreachable(error, `${loginBase}${OAUTH_TOKEN}`);
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token)
      throw new CxError({
        action: ACTION,
        reason: `the login answered ${response.status}${body.error_description ? `: ${body.error_description}` : ''}`,
        where: `POST ${loginBase}${OAUTH_TOKEN}`,
        fix: fixFor(response.status === 400 ? 401 : response.status),
      });
    this.token = body.access_token;
    return this.token;
  }

  private unreachable(error: unknown, url: string): CxError {
    return new CxError({
      action: ACTION,
      reason: `the API could not be reached (${error instanceof Error ? error.message : String(error)})`,
      where: url,
      fix: 'check the region (GENESYSCLOUD_REGION) or, locally, that the emulated org runs (`npx cxops stack status`)',
      exitCode: EXIT.unavailable,
    });
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = await this.login();
    const url = `${this.connection.apiBase}${path}`;
    for (let attempt = 0; ; attempt++) {
      this.calls += 1;
      const response = await this.fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).catch((error: unknown) => {
        throw this.unreachable(error, `${method} ${url}`);
      });
      const text = await response.text();
      if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
      const retriable = response.status === 429 || response.status === 503 || response.status === 502;
      if (retriable && attempt < MAX_RETRIES) {
        const after = Number(response.headers.get('retry-after'));
        await sleep(after > 0 ? Math.min(after, 60) * 1000 : 500 * 2 ** attempt);
        continue;
      }
      let message = text.slice(0, 300);
      try {
        message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
      } catch {
        // not JSON: the text as it came
      }
      throw new CxError({
        action: ACTION,
        reason: `the API answered ${response.status}: ${message}`,
        where: `${method} ${path}`,
        fix: fixFor(response.status),
      });
    }
  }

  /** Runs an asynchronous query to its end and returns every message it found, with the person's names. */
  async query(query: AuditQueryRequest): Promise<AuditLogMessage[]> {
    const started = await this.request<AuditQueryExecution>('POST', AUDITS_QUERY, query);
    const timeoutMs = this.options.queryTimeoutMs ?? 120_000;
    const deadline = Date.now() + timeoutMs;
    let wait = this.options.pollIntervalMs ?? 250;
    let state = started.state;
    while (state !== 'Succeeded') {
      if (state === 'Failed' || state === 'Cancelled')
        throw new CxError({
          action: ACTION,
          reason: `the query ${started.id} ended ${state}`,
          where: `GET ${pathTo(AUDITS_QUERY_TRANSACTION, { transactionId: started.id })}`,
          fix: 'run again; a narrower interval or serviceName makes a lighter query',
        });
      if (Date.now() > deadline)
        throw new CxError({
          action: ACTION,
          reason: `the query ${started.id} was still ${state} after ${Math.round(timeoutMs / 1000)} s`,
          fix: 'run again later; the audit service is busy',
        });
      await sleep(wait);
      wait = Math.min(wait * 2, 5000);
      state = (
        await this.request<AuditQueryExecution>(
          'GET',
          pathTo(AUDITS_QUERY_TRANSACTION, { transactionId: started.id }),
        )
      ).state;
    }
    const messages: AuditLogMessage[] = [];
    let cursor: string | undefined;
    do {
      const params = new URLSearchParams({ pageSize: String(this.options.pageSize ?? 500), expand: 'user' });
      if (cursor) params.set('cursor', cursor);
      const page = await this.request<{ cursor?: string; entities?: AuditLogMessage[] }>(
        'GET',
        `${pathTo(AUDITS_QUERY_RESULTS, { transactionId: started.id })}?${params.toString()}`,
      );
      messages.push(...(page.entities ?? []));
      cursor = page.cursor || undefined;
    } while (cursor);
    return messages;
  }

  /** The realtime query (recent audits of some services only), every page. */
  async realtime(
    query: Omit<AuditRealtimeQueryRequest, 'pageNumber' | 'pageSize'>,
  ): Promise<AuditLogMessage[]> {
    const messages: AuditLogMessage[] = [];
    const pageSize = this.options.pageSize ?? 500;
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.request<{ entities?: AuditLogMessage[]; pageCount?: number }>(
        'POST',
        `${AUDITS_QUERY_REALTIME}?expand=user`,
        { ...query, pageNumber, pageSize },
      );
      messages.push(...(page.entities ?? []));
      if (pageNumber >= (page.pageCount ?? 0)) return messages;
    }
  }

  /** The services, entity types and actions the org audits. */
  serviceMapping(): Promise<{
    services: { name: string; entities: { name: string; actions: string[] }[] }[];
  }> {
    return this.request('GET', AUDITS_SERVICEMAPPING);
  }
}
