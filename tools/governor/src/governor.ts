// The rate governor: a small HTTP proxy on 127.0.0.1 that the provider reaches through its gateway block. It
// sends each request on to the real API (or the emulated org) when every budget it counts against allows —
// its token's and those of the organization-wide route families it belongs to — and holds it in a queue until
// then. A 429 that still comes back is not handed to the provider: the request waits Retry-After and goes
// again (a 429 means it was not served). Bodies go through byte for byte; tokens are never logged, only
// fingerprinted. One governor serves every environment of a run, so they share one budget.
import http from 'node:http';
import https from 'node:https';
import { credentialFingerprint } from './fingerprint.ts';
import { Pacer, takeTurn } from './pacer.ts';
import type { RateBudget } from './budget.ts';
import type { Upstream } from './upstream.ts';

export interface GovernorOptions {
  upstream: Upstream;
  budget: RateBudget;
  /**
   * The longest a request may be held for a 429's Retry-After before the 429 is handed over after all: the
   * SDK gives up on an answer after 16 s and sends the request again, so holding longer only duplicates work.
   */
  maxHoldMs?: number;
  port?: number;
  /** Notes worth a line in the run's log (learned limits, absorbed 429s); never a credential. */
  onNote?: (note: string) => void;
}

export interface GovernorStats {
  requests: number;
  /** 429s the API answered that the governor held and sent again; the provider never saw them. */
  absorbed429: number;
  /** 429s handed to the provider (their Retry-After was longer than the SDK would wait). */
  passed429: number;
  /** Requests whose caller hung up while they waited (never sent). */
  abandoned: number;
  upstreamErrors: number;
  /** Longest and total time requests waited for their turn. */
  maxWaitMs: number;
  totalWaitMs: number;
  tokens: number;
  /** Per budget: its limit now (learned or configured), requests, most queued at once. */
  budgets: { name: string; limit: number | null; requests: number; peakQueued: number }[];
}

export interface Governor {
  port: number;
  url: string;
  stats: () => GovernorStats;
  close: () => Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const kept: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers))
    if (!HOP_BY_HOP.has(name) && value !== undefined) kept[name] = value;
  return kept;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Requests a window must have served before a 429 on an unknown family sets its limit. */
const MIN_EVIDENCE = 3;

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

function send(target: URL, method: string, headers: http.OutgoingHttpHeaders, body: Buffer): Promise<Answer> {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method,
        headers: { ...headers, host: target.host },
        agent: target.protocol === 'https:' ? agents.https : agents.http,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function retryAfterSeconds(headers: http.IncomingHttpHeaders): number {
  const value = headers['retry-after'];
  const text = Array.isArray(value) ? value[0] : value;
  if (text && /^\d+$/.test(text.trim())) return Number(text.trim());
  const date = text ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export async function startGovernor(options: GovernorOptions): Promise<Governor> {
  const { budget, upstream } = options;
  const maxHoldMs = options.maxHoldMs ?? 12_000;
  const note = options.onNote ?? (() => {});
  const families = budget.families.map((family) => ({
    family,
    pattern: new RegExp(family.pattern),
    pacer: new Pacer(`family ${family.name}`, family.limit, family.windowSeconds),
    requests: 0,
  }));
  const tokens = new Map<string, { pacer: Pacer; requests: number }>();
  const stats = {
    requests: 0,
    absorbed429: 0,
    passed429: 0,
    abandoned: 0,
    upstreamErrors: 0,
    maxWaitMs: 0,
    totalWaitMs: 0,
  };

  const tokenBudget = (key: string) => {
    let entry = tokens.get(key);
    if (!entry) {
      entry = {
        pacer: new Pacer(key, budget.perToken.limit, budget.perToken.windowSeconds),
        requests: 0,
      };
      tokens.set(key, entry);
    }
    return entry;
  };

  const learnFromHeaders = (token: Pacer | undefined, headers: http.IncomingHttpHeaders) => {
    const allowed = Number(headers['inin-ratelimit-allowed']);
    if (token && Number.isInteger(allowed) && allowed > 0 && token.learn(allowed))
      note(`learned: ${token.name} is allowed ${allowed} requests per ${token.windowSeconds} s`);
  };

  /**
   * A 429: pause the budget that ran out for Retry-After. A family whose limit is unknown, refused while the
   * token had room, is taught one — what its window had served — once that is enough to go by; a known limit
   * is only paused (an org-wide budget is shared with other clients of the org: one 429 says little).
   */
  const learnFrom429 = (token: Pacer | undefined, matched: typeof families, seconds: number): void => {
    const tokenFull = token ? token.servedInWindow() >= (token.limit ?? Infinity) : false;
    if (token && (tokenFull || matched.length === 0)) {
      token.pause(seconds);
      return;
    }
    for (const entry of matched) {
      const served = entry.pacer.servedInWindow();
      if (entry.pacer.limit === null && served >= MIN_EVIDENCE) {
        entry.pacer.learn(served);
        note(
          `learned: family ${entry.family.name} allows about ${served} requests per ${entry.family.windowSeconds} s`,
        );
      }
      entry.pacer.pause(seconds);
    }
    token?.pause(seconds);
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      let gone = false;
      response.on('close', () => {
        if (!response.writableFinished) gone = true;
      });
      const url = request.url ?? '/';
      const method = request.method ?? 'GET';
      const pathOnly = url.split('?')[0]!;
      const target = new URL(url, pathOnly.startsWith('/oauth/') ? upstream.login : upstream.api);
      const key = credentialFingerprint(request.headers.authorization);
      const token = key?.startsWith('token-') ? tokenBudget(key) : undefined;
      const matched = families.filter((entry) => entry.pattern.test(pathOnly));
      const headers = endToEnd(request.headers);
      const arrived = Date.now();

      for (;;) {
        const queued = Date.now();
        await takeTurn([...(token ? [token.pacer] : []), ...matched.map((entry) => entry.pacer)]);
        const waited = Date.now() - queued;
        stats.maxWaitMs = Math.max(stats.maxWaitMs, waited);
        stats.totalWaitMs += waited;
        if (gone) {
          stats.abandoned += 1;
          return;
        }
        stats.requests += 1;
        if (token) token.requests += 1;
        for (const entry of matched) entry.requests += 1;
        let answer: Answer;
        try {
          answer = await send(target, method, headers, body);
        } catch {
          // Whether the API served it is unknown: never send it twice; the caller sees a dropped connection,
          // as it would have without the governor, and its own retry policy decides.
          stats.upstreamErrors += 1;
          request.socket.destroy();
          return;
        }
        learnFromHeaders(token?.pacer, answer.headers);
        if (answer.status !== 429)
          for (const pacer of [token?.pacer, ...matched.map((m) => m.pacer)]) pacer?.servedOne();
        if (answer.status === 429) {
          const seconds = retryAfterSeconds(answer.headers);
          learnFrom429(token?.pacer, matched, seconds);
          if (!gone && Date.now() - arrived + seconds * 1000 <= maxHoldMs) {
            stats.absorbed429 += 1;
            note(`held a 429 on ${method} ${pathOnly} for ${seconds} s (${key ?? 'no credential'})`);
            continue;
          }
          stats.passed429 += 1;
        }
        if (gone) return;
        response.writeHead(answer.status, {
          ...endToEnd(answer.headers),
          'content-length': answer.body.length,
        });
        response.end(answer.body);
        return;
      }
    })().catch(() => {
      stats.upstreamErrors += 1;
      request.socket.destroy();
    });
  });
  // The SDK keeps connections open between calls; so does the governor.
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stats: () => ({
      ...stats,
      tokens: tokens.size,
      budgets: [
        ...families.map((entry) => ({
          name: entry.pacer.name,
          limit: entry.pacer.limit,
          requests: entry.requests,
          peakQueued: entry.pacer.peakWaiting,
        })),
        ...[...tokens.values()].map((entry) => ({
          name: entry.pacer.name,
          limit: entry.pacer.limit,
          requests: entry.requests,
          peakQueued: entry.pacer.peakWaiting,
        })),
      ],
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
