// Background services: started detached with their output in a log file, found again through a pid.
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { CxError, lastLines } from '@cxops/core';

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StartedProcess {
  pid: number;
  logFile: string;
}

export function startDetached(
  command: string,
  args: string[],
  logFile: string,
  env: NodeJS.ProcessEnv,
): StartedProcess {
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], env });
    if (!child.pid) throw new Error(`could not spawn ${command}`);
    child.unref();
    return { pid: child.pid, logFile };
  } finally {
    closeSync(log);
  }
}

/** Polls `ready()` until it answers true; fails early, with the log, if the process dies. */
export async function waitUntilReady(
  name: string,
  started: StartedProcess,
  ready: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await ready().catch(() => false)) return;
    if (!isAlive(started.pid)) {
      throw new CxError({
        action: `start ${name}`,
        reason: 'the process exited during start-up',
        where: started.logFile,
        output: lastLines(await readFile(started.logFile, 'utf8').catch(() => ''), 20),
      });
    }
    await sleep(100);
  }
  throw new CxError({
    action: `start ${name}`,
    reason: `it did not answer within ${timeoutMs / 1000} s`,
    where: started.logFile,
    output: lastLines(await readFile(started.logFile, 'utf8').catch(() => ''), 20),
  });
}

export async function stopProcess(pid: number | undefined, timeoutMs = 5_000): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid!, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) process.kill(pid!, 'SIGKILL');
}

export async function answersHttp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}
