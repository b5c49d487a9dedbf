// Runs of real roots with the real provider against an in-process emulated org, outside vitest: what the cost
// measurement and the apply benchmark share. Requests are recorded with their arrival time, engine runs use
// `-json`, and each request can be attributed to the resource operation in progress when it arrived (exact at
// -parallelism=1, where the engine runs one operation at a time).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tokenLabel, type Emulator } from '@cxops/emulator';
import { planFromValue, type PlanJson } from '@cxops/plan';
import { runEngine, staleAfterCrash, type Engine, type EngineRunResult } from '@cxops/terraform';

export interface TimedRequest {
  /** Arrival, in milliseconds since the epoch with sub-millisecond precision. */
  at: number;
  /** "METHOD /route/:pattern" as the emulator registered it. */
  route: string;
  status: number;
  /** Fingerprint of the bearer token (never the token). */
  token?: string;
}

/** Records every request the emulator serves (call before it listens). */
export function recordRequests(emulator: Emulator): TimedRequest[] {
  const requests: TimedRequest[] = [];
  const arrivals = new WeakMap<object, number>();
  emulator.app.addHook('onRequest', async (request) => {
    arrivals.set(request, performance.timeOrigin + performance.now());
  });
  emulator.app.addHook('onResponse', async (request, reply) => {
    requests.push({
      at: arrivals.get(request) ?? Date.now(),
      route: `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
      status: reply.statusCode,
      token: request.bearer ? tokenLabel(request.bearer) : undefined,
    });
  });
  return requests;
}

/** An environment root of a scratch copy keeps its state locally (a backend override). */
export async function useLocalBackend(dir: string): Promise<void> {
  await writeFile(
    path.join(dir, 'cxops_local_backend_override.tf'),
    'terraform {\n  backend "local" {}\n}\n',
  );
}

/** The provider's environment for an org behind `gateway` (the emulator or a governor on loopback). */
export function providerEnv(gatewayPort: number | string, tokenPoolSize: number): Record<string, string> {
  return {
    GENESYSCLOUD_OAUTHCLIENT_ID: 'cxops-measure',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'cxops-measure',
    GENESYSCLOUD_ACCESS_TOKEN: '',
    GENESYSCLOUD_REGION: '',
    GENESYSCLOUD_TOKEN_POOL_SIZE: String(tokenPoolSize),
    TF_VAR_gateway: JSON.stringify({ protocol: 'http', host: '127.0.0.1', port: String(gatewayPort) }),
  };
}

/** One message of the engine's machine-readable output (`-json`). */
export interface EngineMessage {
  '@timestamp': string;
  type: string;
  hook?: { resource?: { addr: string; resource_type: string }; action?: string };
  diagnostic?: { severity: string; summary: string; address?: string };
}

export interface JsonRun extends EngineRunResult {
  messages: EngineMessage[];
}

export async function runJson(
  engine: Engine,
  dir: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60 * 60_000,
): Promise<JsonRun> {
  const result = await runEngine(engine, dir, args, { env, timeoutMs });
  const messages = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as EngineMessage);
  return { ...result, messages };
}

/** Milliseconds since the epoch, keeping the microseconds the engine writes. */
function instant(timestamp: string): number {
  const micros = /\.(\d{3})(\d*)/.exec(timestamp)?.[2] ?? '';
  return Date.parse(timestamp) + Number(`0.${micros || '0'}`);
}

export interface Operation {
  address: string;
  type: string;
  /** create, update, delete, read (a data source, or a refresh of a managed resource). */
  action: string;
  start: number;
  end: number;
  failed: boolean;
}

/** The resource operations of one engine run, from its -json output. */
export function operations(messages: EngineMessage[]): Operation[] {
  const open = new Map<string, Operation>();
  const done: Operation[] = [];
  for (const message of messages) {
    const resource = message.hook?.resource;
    if (!resource) continue;
    const key = `${message.type.split('_')[0]} ${resource.addr}`;
    const at = instant(message['@timestamp']);
    if (message.type === 'apply_start' || message.type === 'refresh_start') {
      const action = message.type === 'refresh_start' ? 'read' : (message.hook?.action ?? 'unknown');
      open.set(key, {
        address: resource.addr,
        type: resource.resource_type,
        action,
        start: at,
        end: at,
        failed: false,
      });
    } else if (['apply_complete', 'apply_errored', 'refresh_complete'].includes(message.type)) {
      const operation = open.get(key);
      if (!operation) continue;
      open.delete(key);
      operation.end = at;
      operation.failed = message.type === 'apply_errored';
      done.push(operation);
    }
  }
  return done;
}

/**
 * The requests each operation made: those that arrived while it was in progress. Meant for -parallelism=1;
 * what arrived between operations (the provider configuring itself, its caches) is returned apart.
 */
export function attribute(
  ops: Operation[],
  requests: TimedRequest[],
  window: { from: number; to: number },
): { perOperation: Map<Operation, TimedRequest[]>; outside: TimedRequest[] } {
  const sorted = [...ops].sort((a, b) => a.start - b.start);
  const perOperation = new Map<Operation, TimedRequest[]>(sorted.map((op) => [op, []]));
  const outside: TimedRequest[] = [];
  for (const request of requests) {
    if (request.at < window.from || request.at > window.to) continue;
    // A request cannot come before its operation started; 1 ms absorbs clock rounding.
    const owner = sorted.find((op) => request.at >= op.start - 1 && request.at <= op.end + 1);
    if (owner) perOperation.get(owner)!.push(request);
    else outside.push(request);
  }
  return { perOperation, outside };
}

/** One root of a scratch copy, run with plain tofu: init, plan to a file, apply that file. */
export class ScratchRoot {
  lastPlan: PlanJson | undefined;

  constructor(
    private readonly engine: Engine,
    readonly dir: string,
    private readonly baseEnv: Record<string, string>,
  ) {}

  private env(extra: Record<string, string>) {
    return { ...this.baseEnv, ...extra };
  }

  async init(): Promise<void> {
    await useLocalBackend(this.dir);
    const result = await runEngine(this.engine, this.dir, ['init', '-input=false', '-no-color'], {
      env: this.env({}),
    });
    if (result.exitCode !== 0) throw new Error(`init ${this.dir}: ${result.stderr}`);
  }

  /** plan -out=cxops.tfplan, then the plan as JSON. `extra` (e.g. a governor's settings) wins over the base. */
  async plan(extra: Record<string, string> = {}, parallelism?: number): Promise<PlanJson> {
    const args = ['plan', '-input=false', '-no-color', '-out=cxops.tfplan'];
    if (parallelism) args.push(`-parallelism=${parallelism}`);
    const planned = await runEngine(this.engine, this.dir, args, { env: this.env(extra) });
    if (planned.exitCode !== 0)
      throw new Error(`plan ${this.dir}: ${planned.stdout.slice(-2000)}${planned.stderr}`);
    const shown = await runEngine(this.engine, this.dir, ['show', '-json', 'cxops.tfplan'], {
      env: this.env(extra),
    });
    this.lastPlan = planFromValue(JSON.parse(shown.stdout), this.dir);
    return this.lastPlan;
  }

  /** Applies cxops.tfplan; the result names the objects that failed. */
  async apply(
    extra: Record<string, string> = {},
    parallelism?: number,
  ): Promise<JsonRun & { failedObjects: string[]; errors: string[] }> {
    const args = [
      'apply',
      '-json',
      '-input=false',
      ...(parallelism ? [`-parallelism=${parallelism}`] : []),
      'cxops.tfplan',
    ];
    let applied = await runJson(this.engine, this.dir, args, { ...this.baseEnv, ...extra });
    // A first apply whose provider crashed before any work leaves the plan stale (@cxops/terraform
    // provider-crash.ts); nothing was changed, so the root is planned again with the same settings.
    if (staleAfterCrash(applied)) {
      await this.plan(extra, parallelism);
      applied = await runJson(this.engine, this.dir, args, { ...this.baseEnv, ...extra });
    }
    const failedObjects = applied.messages
      .filter((m) => m.type === 'apply_errored')
      .map((m) => m.hook?.resource?.addr ?? '?');
    const errors = [
      ...new Set(
        applied.messages.filter((m) => m.diagnostic?.severity === 'error').map((m) => m.diagnostic!.summary),
      ),
    ];
    return { ...applied, failedObjects, errors };
  }
}
