// The local stack: started by the tooling, persisted on disk under .cxops/stack, reused while it runs.
// Two services: the S3 server holding state, and the emulated Genesys org (the embedded default).
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import getPort from 'get-port';
import lockfile from 'proper-lockfile';
import { CxError, EXIT, localStateDir, writeFileAtomic } from '@cxops/core';
import { binaryPath, toolchainLayout, type ToolchainLayout } from '@cxops/toolchain';
import { answersHttp, isAlive, startDetached, stopProcess, waitUntilReady } from './process.ts';
import { ensureVersionedBucket, type S3Endpoint } from './state-bucket.ts';

export const DEFAULT_STATE_BUCKET = 'cxops-state';

export interface S3Service extends S3Endpoint {
  pid: number;
  port: number;
  bucket: string;
  dataDir: string;
  logFile: string;
  startedAt: string;
}

export interface EmulatorService {
  pid: number;
  /** Fingerprint of the emulator's code when it started: a running emulator older than the code is restarted. */
  codeHash?: string;
  port: number;
  url: string;
  stateFile: string;
  logFile: string;
  startedAt: string;
}

export interface StackState {
  s3?: S3Service;
  emulator?: EmulatorService;
}

export interface StackOptions {
  /** Folder for the stack's data, logs and state file (default .cxops/stack). */
  dir?: string;
  layout?: ToolchainLayout;
  /** Fixed S3 port; default: CXOPS_S3_PORT, else a free port chosen once and kept. */
  s3Port?: number;
  /** Fixed emulator port; default: CXOPS_EMULATOR_PORT, else a free port chosen once and kept. */
  emulatorPort?: number;
  bucket?: string;
}

function stackDir(options: StackOptions): string {
  return options.dir ?? path.join(localStateDir(), 'stack');
}

function stateFile(options: StackOptions): string {
  return path.join(stackDir(options), 'stack.json');
}

export async function readStackState(options: StackOptions = {}): Promise<StackState> {
  try {
    return JSON.parse(await readFile(stateFile(options), 'utf8')) as StackState;
  } catch {
    return {};
  }
}

/** The state file holds the local S3 credentials: written atomically, readable by the owner only. */
async function writeStackState(options: StackOptions, state: StackState): Promise<void> {
  await writeFileAtomic(stateFile(options), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

async function s3Healthy(service: S3Service | undefined): Promise<boolean> {
  return !!service && isAlive(service.pid) && (await answersHttp(service.endpoint));
}

async function emulatorHealthy(service: EmulatorService | undefined): Promise<boolean> {
  return !!service && isAlive(service.pid) && (await answersHttp(`${service.url}/health`));
}

/**
 * Runs `work` holding the stack's lock, so that parallel plans (nx runs several) start each service once
 * instead of racing for the same port.
 */
async function withStackLock<T>(options: StackOptions, work: () => Promise<T>): Promise<T> {
  const dir = stackDir(options);
  await mkdir(dir, { recursive: true });
  const release = await lockfile.lock(dir, {
    lockfilePath: path.join(dir, 'start.lock'),
    retries: { retries: 60, minTimeout: 100, maxTimeout: 1000 },
    stale: 60_000,
  });
  try {
    return await work();
  } finally {
    await release();
  }
}

/** Starts whatever is not running yet; running services are reused as they are. */
export async function startStack(options: StackOptions = {}): Promise<StackState> {
  return withStackLock(options, async () => {
    await startS3IfDown(options);
    return startEmulatorIfDown(options);
  });
}

export async function ensureS3(options: StackOptions = {}): Promise<StackState> {
  return withStackLock(options, () => startS3IfDown(options));
}

async function startS3IfDown(options: StackOptions): Promise<StackState> {
  const state = await readStackState(options);
  if (await s3Healthy(state.s3)) return state;
  const next = { ...state, s3: await startS3(options, state) };
  await writeStackState(options, next);
  return next;
}

/** The emulated org alone (`cxops emulator start`); it needs nothing from the toolchain. */
export async function ensureEmulator(options: StackOptions = {}): Promise<StackState> {
  return withStackLock(options, () => startEmulatorIfDown(options));
}

async function startEmulatorIfDown(options: StackOptions): Promise<StackState> {
  const state = await readStackState(options);
  const healthy = await emulatorHealthy(state.emulator);
  // After a pull or an edit, an emulator still running the old code would answer with old behaviour.
  if (healthy && state.emulator?.codeHash === (await emulatorCodeHash())) return state;
  if (healthy) await stopProcess(state.emulator?.pid);
  const next = { ...state, emulator: await startEmulator(options, state) };
  await writeStackState(options, next);
  return next;
}

export async function stopEmulator(options: StackOptions = {}): Promise<void> {
  const state = await readStackState(options);
  await stopProcess(state.emulator?.pid);
  if (state.emulator) await writeStackState(options, { ...state, emulator: { ...state.emulator, pid: 0 } });
}

async function startEmulator(options: StackOptions, state: StackState): Promise<EmulatorService> {
  const dir = stackDir(options);
  await mkdir(dir, { recursive: true });
  const envPort = process.env.CXOPS_EMULATOR_PORT ? Number(process.env.CXOPS_EMULATOR_PORT) : undefined;
  const port =
    options.emulatorPort ?? envPort ?? state.emulator?.port ?? (await getPort({ host: '127.0.0.1' }));
  const stateFile = path.join(dir, 'org.json');
  const logFile = path.join(dir, 'emulator.log');
  const require = createRequire(import.meta.url);
  const main = path.join(path.dirname(require.resolve('@cxops/emulator/package.json')), 'src', 'main.ts');
  const started = startDetached(
    process.execPath,
    ['--import', require.resolve('tsx'), main, '--port', String(port), '--state', stateFile],
    logFile,
    process.env,
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady('the emulated Genesys org', started, () => answersHttp(`${url}/health`));
  } catch (error) {
    await stopProcess(started.pid);
    throw error;
  }
  return {
    pid: started.pid,
    codeHash: await emulatorCodeHash(),
    port,
    url,
    stateFile,
    logFile,
    startedAt: new Date().toISOString(),
  };
}

async function startS3(options: StackOptions, state: StackState): Promise<S3Service> {
  const layout = options.layout ?? toolchainLayout();
  const versitygw = binaryPath(layout, 'versitygw');
  if (!existsSync(versitygw)) {
    throw new CxError({
      action: 'start the local S3 server',
      reason: `versitygw is not in the toolchain (${versitygw})`,
      fix: 'run `npx cxops toolchain` first',
      exitCode: EXIT.unavailable,
    });
  }
  const dir = stackDir(options);
  const dataDir = path.join(dir, 's3');
  for (const sub of ['buckets', 'versions']) await mkdir(path.join(dataDir, sub), { recursive: true });
  const envPort = process.env.CXOPS_S3_PORT ? Number(process.env.CXOPS_S3_PORT) : undefined;
  const port = options.s3Port ?? envPort ?? state.s3?.port ?? (await getPort({ host: '127.0.0.1' }));
  // Credentials of a server that only listens on loopback; generated per machine, never committed.
  const accessKeyId = state.s3?.accessKeyId ?? `cxops${randomBytes(6).toString('hex')}`;
  const secretAccessKey = state.s3?.secretAccessKey ?? randomBytes(24).toString('base64url');
  const logFile = path.join(dir, 's3.log');
  const started = startDetached(
    versitygw,
    [
      '--port',
      `127.0.0.1:${port}`,
      '--quiet',
      'posix',
      '--versioning-dir',
      path.join(dataDir, 'versions'),
      path.join(dataDir, 'buckets'),
    ],
    logFile,
    { ...process.env, ROOT_ACCESS_KEY_ID: accessKeyId, ROOT_SECRET_ACCESS_KEY: secretAccessKey },
  );
  const s3: S3Service = {
    pid: started.pid,
    port,
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId,
    secretAccessKey,
    bucket: options.bucket ?? DEFAULT_STATE_BUCKET,
    dataDir,
    logFile,
    startedAt: new Date().toISOString(),
  };
  try {
    await waitUntilReady('the local S3 server (versitygw)', started, () => answersHttp(s3.endpoint));
    await ensureVersionedBucket(s3, s3.bucket);
  } catch (error) {
    await stopProcess(started.pid);
    throw error;
  }
  return s3;
}

export async function stopStack(options: StackOptions = {}): Promise<void> {
  const state = await readStackState(options);
  await Promise.all([stopProcess(state.s3?.pid), stopProcess(state.emulator?.pid)]);
  await writeStackState(options, {
    ...(state.s3 ? { s3: { ...state.s3, pid: 0 } } : {}),
    ...(state.emulator ? { emulator: { ...state.emulator, pid: 0 } } : {}),
  });
}

/** Stops the stack and deletes its data: every local state file and bucket is gone. */
export async function resetStack(options: StackOptions = {}): Promise<void> {
  await stopStack(options);
  await rm(stackDir(options), { recursive: true, force: true });
}

export interface ServiceStatus {
  name: string;
  running: boolean;
  endpoint?: string;
  pid?: number;
  detail?: string;
}

/** Status without secrets: safe to print and to put in --json output. */
export async function stackStatus(options: StackOptions = {}): Promise<ServiceStatus[]> {
  const state = await readStackState(options);
  return [
    {
      name: 's3 (versitygw)',
      running: await s3Healthy(state.s3),
      endpoint: state.s3?.endpoint,
      pid: state.s3?.pid || undefined,
      detail: state.s3
        ? `bucket ${state.s3.bucket} (versioned), data in ${state.s3.dataDir}`
        : 'never started',
    },
    {
      name: 'genesys emulator',
      running: await emulatorHealthy(state.emulator),
      endpoint: state.emulator?.url,
      pid: state.emulator?.pid || undefined,
      detail: state.emulator ? `org persisted in ${state.emulator.stateFile}` : 'never started',
    },
  ];
}

/** A hash of the emulator package's source and data files (names, sizes and modification times). */
async function emulatorCodeHash(): Promise<string> {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('@cxops/emulator/package.json'));
  const hash = createHash('sha256');
  for (const folder of ['src', 'data']) {
    const entries = await readdir(path.join(root, folder), { recursive: true }).catch(() => [] as string[]);
    for (const entry of entries.sort()) {
      const info = await stat(path.join(root, folder, entry));
      if (info.isFile()) hash.update(`${folder}/${entry}:${info.size}:${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
