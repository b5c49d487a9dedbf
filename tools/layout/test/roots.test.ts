import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environmentOfPlanFile, identifyRoot, listEnvironments, listRoots } from '../src/index.ts';

describe('identifyRoot', () => {
  it('names an environment with its state key and plan folder', () => {
    expect(identifyRoot('environments/sales')).toEqual({
      path: 'environments/sales',
      kind: 'environment',
      project: 'env-sales',
      department: 'sales',
      environment: {
        name: 'sales',
        stateKey: 'environments/sales/terraform.tfstate',
        planDir: 'dist/plans/sales',
      },
    });
  });

  it('treats a folder below an environment as a module of that department: no state, no plan folder', () => {
    expect(identifyRoot('environments/support/shared')).toEqual({
      path: 'environments/support/shared',
      kind: 'module',
      project: 'env-support/shared',
      department: 'support',
    });
  });

  it('tells modules from their examples', () => {
    expect(identifyRoot('modules/queues')).toMatchObject({ kind: 'module', project: 'module-queues' });
    expect(identifyRoot('modules/queues/examples/basic')).toMatchObject({
      kind: 'example',
      project: 'module-queues/examples/basic',
    });
  });

  it('knows nothing outside the two trees, nor hidden folders', () => {
    expect(identifyRoot('tools/cli')).toBeUndefined();
    expect(identifyRoot('environments')).toBeUndefined();
    expect(identifyRoot('environments/sales/.terraform/modules/queues')).toBeUndefined();
  });

  it('accepts ./ and backslashes', () => {
    expect(identifyRoot('./environments/billing/')?.project).toBe('env-billing');
    expect(identifyRoot('environments\\billing')?.project).toBe('env-billing');
  });
});

describe('environmentOfPlanFile', () => {
  it('reads the environment from a plan folder path', () => {
    expect(environmentOfPlanFile('dist/plans/sales/plan.json')).toBe('sales');
    expect(environmentOfPlanFile('/repo/dist/plans/org/drift.json')).toBe('org');
    expect(environmentOfPlanFile('somewhere/plan.json')).toBeUndefined();
  });
});

describe('listing the roots on disk', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  it('finds environments (org first), their inner modules, modules and examples; symlinked .tf files count', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'cxops-layout-'));
    made.push(root);
    const tf = async (folder: string, file = 'main.tf') => {
      await mkdir(path.join(root, folder), { recursive: true });
      await writeFile(path.join(root, folder, file), '# tf\n');
    };
    await tf('environments/org', 'versions.tf');
    await tf('environments/sales');
    await mkdir(path.join(root, 'environments/billing'), { recursive: true });
    await symlink('../org/versions.tf', path.join(root, 'environments/billing/versions.tf'));
    await tf('environments/support/shared');
    await tf('environments/support/.terraform/modules/x');
    await tf('modules/queues');
    await tf('modules/queues/examples/basic');
    await mkdir(path.join(root, 'modules/queues/tests'), { recursive: true });
    await writeFile(path.join(root, 'modules/queues/tests/q.tftest.hcl'), '');

    expect(listRoots(root).map((r) => `${r.kind} ${r.path}`)).toEqual([
      'environment environments/billing',
      'environment environments/org',
      'environment environments/sales',
      'module environments/support/shared',
      'module modules/queues',
      'example modules/queues/examples/basic',
    ]);
    expect(listEnvironments(root).map((r) => r.environment?.name)).toEqual(['org', 'billing', 'sales']);
  });
});
