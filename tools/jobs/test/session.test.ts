// Every package asks the layout what a folder is; here the jobs' answer for the case that used to disagree:
// a folder below an environment is a module of that department, not an environment of its own.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRoot, planFolder } from '../src/index.ts';

let workspace: string;
const previous = process.env.CXOPS_WORKSPACE_ROOT;

beforeAll(async () => {
  workspace = await mkdtemp(path.join(os.tmpdir(), 'cxops-jobs-'));
  for (const folder of ['environments/support', 'environments/support/shared', 'modules/queues']) {
    await mkdir(path.join(workspace, folder), { recursive: true });
    await writeFile(path.join(workspace, folder, 'main.tf'), '# tf\n');
  }
  process.env.CXOPS_WORKSPACE_ROOT = workspace;
});
afterAll(async () => {
  if (previous === undefined) delete process.env.CXOPS_WORKSPACE_ROOT;
  else process.env.CXOPS_WORKSPACE_ROOT = previous;
  await rm(workspace, { recursive: true, force: true });
});

describe('finding a root', () => {
  it('by department name: the environment, with its plan folder and state key', async () => {
    const { identity } = await findRoot('support');
    expect(identity).toMatchObject({
      kind: 'environment',
      environment: { name: 'support', stateKey: 'environments/support/terraform.tfstate' },
    });
    expect(planFolder(identity)).toBe(path.join(workspace, 'dist', 'plans', 'support'));
  });

  it('environments/support/shared is a module of support: no plan folder, no state of its own', async () => {
    const { identity } = await findRoot(path.join(workspace, 'environments', 'support', 'shared'));
    expect(identity).toEqual({
      path: 'environments/support/shared',
      kind: 'module',
      project: 'env-support/shared',
      department: 'support',
    });
    expect(() => planFolder(identity)).toThrow(
      "Can't plan environments/support/shared: it is a module, not an environment",
    );
  });

  it('names the fix for a folder that does not exist', async () => {
    await expect(findRoot('marketing')).rejects.toThrow('Can\'t find the root "marketing": no such folder');
  });
});
