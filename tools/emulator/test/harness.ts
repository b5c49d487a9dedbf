// Starts an in-memory emulator on a free loopback port for one test file and speaks HTTP to it.
import { afterAll, beforeAll } from 'vitest';
import { EmulatorAdmin, createEmulator, listen, type Emulator, type EmulatorOptions } from '../src/index.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Harness {
  base: string;
  emulator: Emulator;
  admin: EmulatorAdmin;
  api: <T = any>(method: string, path: string, body?: unknown, token?: string) => Promise<ApiResponse<T>>;
}

export function useEmulator(options: EmulatorOptions = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    harness.emulator = createEmulator(options);
    harness.base = await listen(harness.emulator);
    harness.admin = new EmulatorAdmin(harness.base);
    harness.api = (method, path, body, token = 'test-token') => call(harness.base, method, path, body, token);
  });
  afterAll(async () => {
    await harness.emulator?.app.close();
  });
  return harness;
}

export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Asserts nothing itself: returns the Genesys error fields tests compare. */
export const errorOf = (r: ApiResponse) => ({
  status: r.status,
  code: r.body?.code,
  message: r.body?.message as string,
});
