// Runs the repository's real roots with the real genesyscloud provider against an emulated org started inside
// the test: each root is copied (with the modules it calls) into a scratch workspace, pointed at the emulator
// through the provider's gateway block, and keeps its state locally. Every engine run has a time limit; a
// run that passes it fails naming the resources still in progress and the emulator's last API calls.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CxError, lastLines, workspaceRoot, type RunResult } from '@cxops/core';
import { createEmulator, listen, type Emulator, type EmulatorOptions } from '@cxops/emulator';
import { loadPlan, type PlanJson } from '@cxops/plan';
import { failure, resolveEngine, runEngine, type Engine } from '@cxops/terraform';
import { afterAll } from 'vitest';
import { realLayout, requireToolchainBinary } from './paths.ts';

export interface EmulatedOrg {
  emulator: Emulator;
  url: string;
  port: string;
  stop: () => Promise<void>;
}

/**
 * Names that more than one object of a kind carries in the org (case-insensitive), by kind: what an apply that
 * created an object twice (a retried create) leaves behind. Empty when every object exists once.
 */
export function namesCreatedTwice(org: EmulatedOrg): Record<string, string[]> {
  const state = org.emulator.context.store.state;
  const twice: Record<string, string[]> = {};
  for (const [kind, records] of Object.entries({
    queues: state.queues,
    users: state.users,
    skills: state.skills,
    wrapupcodes: state.wrapupcodes,
    flows: state.flows,
  })) {
    const names = Object.values(records).map((o) => String(o.name).toLowerCase());
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    if (repeated.length > 0) twice[kind] = repeated;
  }
  return twice;
}

export async function startEmulatedOrg(options: EmulatorOptions = {}): Promise<EmulatedOrg> {
  const emulator = createEmulator(options);
  const url = await listen(emulator);
  return { emulator, url, port: new URL(url).port, stop: () => emulator.app.close() };
}

/** The objects the org holds beyond what a new org starts with, by kind (names). Empty after a full destroy. */
export function objectsCreatedInOrg(org: EmulatedOrg): Record<string, string[]> {
  const state = org.emulator.context.store.state;
  const names = <T extends { id: string; name: string }>(
    records: Record<string, T>,
    keep = (_o: T) => true,
  ) =>
    Object.values(records)
      .filter(keep)
      .map((o) => String(o.name ?? o.id));
  const found: Record<string, string[]> = {
    divisions: names(state.divisions, (d) => d.homeDivision !== true),
    roles: names(state.roles, (r) => r.default !== true),
    skills: names(state.skills, (s) => s.state !== 'deleted'),
    wrapupcodes: names(state.wrapupcodes),
    queues: names(state.queues),
    users: names(state.users, (u) => u.state !== 'deleted'),
    flows: names(state.flows),
  };
  return Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0));
}

const scratchFolders: string[] = [];
// Removed when the test file ends, not after each test: concurrent tests share a file's hooks.
afterAll(async () => {
  await Promise.all(scratchFolders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A scratch copy of modules/ and environments/, so roots run with their real relative module sources. */
export async function scratchWorkspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cxops-provider-'));
  scratchFolders.push(dir);
  const skip = (source: string) =>
    !/[/\\](\.terraform|dist)([/\\]|$)|\.terraform\.lock\.hcl$|\.tfstate/.test(source);
  // verbatimSymlinks: a department's versions.tf -> ../org/versions.tf stays relative, inside the copy.
  for (const folder of ['modules', 'environments'])
    await cp(path.join(workspaceRoot(), folder), path.join(dir, folder), {
      recursive: true,
      filter: skip,
      verbatimSymlinks: true,
    });
  return dir;
}

export interface RootUnderTest {
  dir: string;
  /** Runs the engine in the root; throws (with what was in progress) when it fails or runs too long. */
  run: (args: string[], options?: { timeoutMs?: number; allowExit?: number[] }) => Promise<RunResult>;
  apply: () => Promise<RunResult>;
  destroy: () => Promise<RunResult>;
  /** plan -out + show -json; `changes` is true when the plan has changes (exit 2). */
  plan: () => Promise<{ changes: boolean; plan: PlanJson }>;
  /** Writes an HCL override file into the root (Terraform merges `*_override.tf` over the root's own files). */
  override: (name: string, hcl: string) => Promise<void>;
}

const DEFAULT_TIME_LIMIT_MS = 8 * 60_000;

/**
 * Prepares one root of a scratch workspace: environments keep their provider block (the gateway comes from
 * TF_VAR_gateway) and get a local backend; module examples get a gateway through a provider override.
 */
export async function rootUnderTest(
  workspace: string,
  relative: string,
  org: EmulatedOrg,
  extraEnv: Record<string, string> = {},
): Promise<RootUnderTest> {
  requireToolchainBinary('tofu');
  const engine: Engine = await resolveEngine({
    layout: realLayout,
    env: { ...process.env, CXOPS_TF_BINARY: '', CXOPS_PROVIDER_INSTALL: '' },
  });
  const dir = path.join(workspace, relative);
  const isEnvironment = relative.startsWith('environments');
  const gateway = { protocol: 'http', host: '127.0.0.1', port: org.port };
  if (isEnvironment) {
    await writeFile(
      path.join(dir, 'cxops_test_backend_override.tf'),
      'terraform {\n  backend "local" {}\n}\n',
    );
  } else {
    await writeFile(
      path.join(dir, 'cxops_test_provider_override.tf'),
      `provider "genesyscloud" {\n  gateway {\n    protocol = "http"\n    host     = "127.0.0.1"\n    port     = "${org.port}"\n  }\n}\n`,
    );
  }
  const env: Record<string, string> = {
    GENESYSCLOUD_OAUTHCLIENT_ID: 'cxops-test',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'cxops-test',
    GENESYSCLOUD_ACCESS_TOKEN: '',
    GENESYSCLOUD_REGION: '',
    GENESYSCLOUD_TOKEN_POOL_SIZE: '2',
    ...(isEnvironment ? { TF_VAR_gateway: JSON.stringify(gateway) } : {}),
    ...extraEnv,
  };
  let initialised = false;

  const run: RootUnderTest['run'] = async (args, options = {}) => {
    if (!initialised) {
      initialised = true;
      await run(['init', '-input=false', '-no-color']);
    }
    const result = await runEngine(engine, dir, args, {
      env,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIME_LIMIT_MS,
    });
    if (result.exitCode !== 0 && !(options.allowExit ?? []).includes(result.exitCode)) {
      const error = failure(engine, `${args[0]} ${relative}`, dir, args, result);
      throw withOutputAndLastApiCalls(error, org);
    }
    return result;
  };

  return {
    dir,
    run,
    apply: () => run(['apply', '-auto-approve', '-input=false', '-no-color']),
    destroy: () => run(['destroy', '-auto-approve', '-input=false', '-no-color']),
    plan: async () => {
      const planned = await run(
        ['plan', '-input=false', '-no-color', '-detailed-exitcode', '-out=test.tfplan'],
        {
          allowExit: [2],
        },
      );
      const shown = await run(['show', '-json', 'test.tfplan']);
      const jsonFile = path.join(dir, 'test.plan.json');
      await writeFile(jsonFile, shown.stdout);
      return { changes: planned.exitCode === 2, plan: (await loadPlan(jsonFile)).plan };
    },
    override: (name, hcl) => writeFile(path.join(dir, `${name}_override.tf`), hcl),
  };
}

/**
 * Adds the engine's last output lines and the emulator's last API calls to a failure's message (a test report
 * shows the message only): what the engine said and what the provider was doing when it stopped.
 */
function withOutputAndLastApiCalls(error: CxError, org: EmulatedOrg): CxError {
  const recent = org.emulator.context.metrics
    .recent()
    .slice(-8)
    .map((r) => `${r.at} ${r.method} ${r.path} → ${r.status}`);
  const indent = (lines: string[]) => (lines.length ? `\n    ${lines.join('\n    ')}` : ' none');
  const said = lastLines(error.details.output, 20)
    .split('\n')
    .filter((line) => line.trim());
  error.details.reason += `; engine output (last lines):${indent(said)}\n  last API calls:${indent(recent)}`;
  return new CxError(error.details);
}
