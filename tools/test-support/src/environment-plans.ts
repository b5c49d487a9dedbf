// Real plans of the repository's environment roots, made by the real genesyscloud provider against an emulated
// org in a known state: the org root applied (its divisions, roles and shared skills and codes exist, as in
// production before any department is planned). A department's suite asks for its plan in one call:
//
//   const sales = await planEnvironmentFromKnownOrg('sales');                        // what a first apply creates
//   const deployed = await planEnvironmentFromKnownOrg('sales', { deployed: true }); // applied, then re-planned
//   const change = await planEnvironmentFromKnownOrg('sales', {
//     deployed: true,
//     change: { data: (d) => { d.queues[0]!.acw_timeout_ms = 60000 } },            // then changed
//   });
//   const other = await planFurtherChange(change, { data: (d) => { d.queues.pop() } }); // same deployment
//
// The org is applied once per test file (the first call); every plan then runs in its own scratch copy of the
// tree against its own emulated org started from that state, so plans never see each other's objects. Calls
// with the same options in one test file share one plan. Changes are written into the scratch copy only: a
// department's data (the arguments of its one module call) is edited as JSON and written back as an
// `*_override.tf.json` file, which Terraform merges over main.tf; `files` adds any other file (moved blocks,
// `*_override.tf`).
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { OrgState } from '@cxops/emulator';
import type { LoadedPlan } from '@cxops/plan';
import { parseHcl } from '@cxops/nx-terraform';
import {
  rootUnderTest,
  scratchWorkspace,
  startEmulatedOrg,
  type EmulatedOrg,
  type RootUnderTest,
} from './provider-harness.ts';

/** The org root's folder: it is applied into every known org and planned like any other root. */
const ORG = 'org';

/**
 * A department's data: the arguments of its `module "department"` call (see modules/department/variables.tf).
 * The fields tests edit most are typed; everything else passes through as it is.
 */
export interface DepartmentData {
  division: string;
  skills: string[];
  shared_skills?: string[];
  wrapup_codes: { name: string; description?: string }[];
  queues: {
    name: string;
    members?: Record<string, number>;
    wrapup_codes?: string[];
    acw_timeout_ms?: number;
    in_queue_flow?: string;
    [field: string]: unknown;
  }[];
  users: {
    email: string;
    name: string;
    roles: string[];
    skills?: Record<string, number>;
    [field: string]: unknown;
  }[];
  in_queue_flows: { name: string; filepath: string; [field: string]: unknown }[];
  inbound_flows: {
    name: string;
    filepath: string;
    queues?: Record<string, string>;
    [field: string]: unknown;
  }[];
  [argument: string]: unknown;
}

/** A change to a scratch copy of a root. */
export interface RootChange {
  /** Edits the root's data in place (or returns new data): the arguments of its one module call. */
  data?: (data: DepartmentData) => void | DepartmentData;
  /** Files to write into the root, by name: `x_override.tf` merges over the root, `moved.tf` adds blocks. */
  files?: Record<string, string>;
}

export interface KnownOrgPlanOptions {
  /** Apply the root first — as committed (`true`) or with a change — so the plan starts from deployed objects. */
  deployed?: boolean | RootChange;
  /** The change to plan: made after the apply, on top of the deployed change. */
  change?: RootChange;
}

export interface EnvironmentPlan extends Pick<LoadedPlan, 'file' | 'plan'> {
  environment: string;
  /** True when the plan has changes. */
  changes: boolean;
  /** The scratch root the plan was made in (apply, plan again, destroy). */
  root: RootUnderTest;
  /** The emulated org it was made against. */
  org: EmulatedOrg;
}

/** Tests have no reason to wait for Genesys rate limits; the faults suite tests those. */
const UNLIMITED = { rateLimits: { perToken: 1_000_000, tokenEndpoint: 1_000_000 } };

interface KnownOrg {
  state: OrgState;
  /** The org root's folder, applied: its state file is the org's known state. */
  orgDir: string;
}

let knownOrg: Promise<KnownOrg> | undefined;
const plans = new Map<string, Promise<EnvironmentPlan>>();
const orgs: EmulatedOrg[] = [];

afterAll(async () => {
  await Promise.all(orgs.splice(0).map((org) => org.stop()));
  plans.clear();
  knownOrg = undefined;
});

/** The org root applied into a fresh emulated org, once per test file. */
function theKnownOrg(): Promise<KnownOrg> {
  knownOrg ??= (async () => {
    const org = await startEmulatedOrg(UNLIMITED);
    orgs.push(org);
    const workspace = await scratchWorkspace();
    const root = await rootUnderTest(workspace, `environments/${ORG}`, org);
    await root.apply();
    return { state: structuredClone(org.emulator.context.store.state), orgDir: root.dir };
  })();
  return knownOrg;
}

/**
 * Plans `environment` (a folder under environments/) with the real provider against the known org. The
 * first call in a test file applies the org root (seconds); `deployed` applies the root first (about a
 * minute for a department).
 */
export function planEnvironmentFromKnownOrg(
  environment: string,
  options: KnownOrgPlanOptions = {},
): Promise<EnvironmentPlan> {
  const key = `${environment} ${JSON.stringify(options, (_k, v: unknown) => (typeof v === 'function' ? v.toString() : v))}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = makePlan(environment, options);
    plans.set(key, plan);
  }
  return plan;
}

async function makePlan(environment: string, options: KnownOrgPlanOptions): Promise<EnvironmentPlan> {
  const known = await theKnownOrg();
  const org = await startEmulatedOrg(UNLIMITED);
  orgs.push(org);
  org.emulator.context.store.state = structuredClone(known.state);
  const workspace = await scratchWorkspace();
  const relative = `environments/${environment}`;
  const root = await rootUnderTest(workspace, relative, org);
  if (environment === ORG)
    await copyFile(path.join(known.orgDir, 'terraform.tfstate'), path.join(root.dir, 'terraform.tfstate'));

  const original = await rootData(root.dir, relative);
  const changer = rootChanger(root.dir, original.module, original.args);
  if (options.deployed) {
    if (typeof options.deployed === 'object') await changer.change(options.deployed);
    changer.settle();
    await root.apply();
  }
  if (options.change) await changer.change(options.change);
  return planned(environment, root, org, changer);
}

interface RootChanger {
  /** Writes a change over what is settled (the deployed change, if any). */
  change(change: RootChange): Promise<void>;
  /** What was written so far becomes the base of later changes (it is deployed). */
  settle(): void;
}

function rootChanger(dir: string, module: string, committed: DepartmentData): RootChanger {
  let base = structuredClone(committed);
  let data = base;
  let written: string[] = [];
  let settled: string[] = [];
  return {
    async change(change) {
      data = structuredClone(base);
      if (change.data) data = (change.data(data) ?? data) as DepartmentData;
      await writeData(dir, module, committed, data);
      for (const file of written.filter((f) => !settled.includes(f)))
        await rm(path.join(dir, file), { force: true });
      written = [...settled];
      for (const [name, text] of Object.entries(change.files ?? {})) {
        await writeFile(path.join(dir, name), text);
        written.push(name);
      }
    },
    settle() {
      base = data;
      settled = [...written];
    },
  };
}

/** What a plan's root needs to plan a further change. */
const roots = new WeakMap<EnvironmentPlan, RootChanger>();
let plansMade = 0;

async function planned(
  environment: string,
  root: RootUnderTest,
  org: EmulatedOrg,
  changer: RootChanger,
): Promise<EnvironmentPlan> {
  const { plan, changes } = await root.plan();
  // Each plan keeps its own file: a further change in the same root plans over test.plan.json again.
  const file = path.join(root.dir, `test-${++plansMade}.plan.json`);
  await copyFile(path.join(root.dir, 'test.plan.json'), file);
  const result = { environment, file, plan, changes, root, org };
  roots.set(result, changer);
  return result;
}

/**
 * Plans another change in the root an earlier plan was made in: the change replaces that plan's `change`
 * (it starts again from what is deployed there), so one apply serves several scenarios. The root is shared:
 * call it from one test at a time.
 */
export async function planFurtherChange(base: EnvironmentPlan, change: RootChange): Promise<EnvironmentPlan> {
  const changer = roots.get(base);
  if (!changer)
    throw new TypeError('planFurtherChange: pass a plan that planEnvironmentFromKnownOrg returned');
  await changer.change(change);
  return planned(base.environment, base.root, base.org, changer);
}

/** The root's one module call (`module "department"` or `module "org"`), as JSON. */
async function rootData(dir: string, relative: string): Promise<{ module: string; args: DepartmentData }> {
  const file = path.join(dir, 'main.tf');
  const hcl = await parseHcl(`${relative}/main.tf`, await readFile(file, 'utf8'));
  const calls = Object.entries((hcl.module as Record<string, Record<string, unknown>[]> | undefined) ?? {});
  if (calls.length !== 1 || calls[0]![1].length !== 1)
    throw new Error(
      `${relative}/main.tf must hold exactly one module call to have its data edited; it has ${calls.length}`,
    );
  const [module, [body]] = calls[0] as [string, Record<string, unknown>[]];
  const { source: _source, ...args } = body!;
  return { module, args: args as DepartmentData };
}

/** Arguments that differ from main.tf, as a JSON override file Terraform merges over the module call. */
async function writeData(
  dir: string,
  module: string,
  original: DepartmentData,
  data: DepartmentData,
): Promise<void> {
  const changed = Object.fromEntries(
    Object.entries(data).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(original[k])),
  );
  for (const removed of Object.keys(original).filter((k) => !(k in data))) changed[removed] = null;
  // JSON syntax reads strings as templates: escape what would start an interpolation or a directive.
  const text = JSON.stringify({ module: { [module]: changed } }, null, 2)
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{');
  await writeFile(path.join(dir, `cxops_test_data_override.tf.json`), `${text}\n`);
}
