// `cxops affected` with the real nx on this repository: the plan workflow's matrix for a change, org first.
// Changed files are named with --files, so the answer does not depend on the branch's history.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');

async function matrix(...files: string[]): Promise<unknown> {
  const result = await run(cxops, ['affected', '--matrix', '--files', ...files]);
  expect(result.exitCode, result.stderr).toBe(0);
  expect(result.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout);
}

describe('cxops affected --matrix', () => {
  it('plans one department for its own data, every department for a module, org first for the shared wiring, nothing for docs', async () => {
    const [department, module, wiring, docs] = await Promise.all([
      matrix('environments/sales/main.tf'),
      matrix('modules/queues/main.tf'),
      matrix('environments/org/versions.tf'),
      matrix('environments/README.md'),
    ]);
    expect(department).toEqual({ environment: ['sales'] });
    expect(module).toEqual({ environment: ['billing', 'sales', 'support'] });
    expect(wiring).toEqual({ environment: ['org', 'billing', 'sales', 'support'] });
    expect(docs).toEqual({ environment: [] });
  }, 180_000);

  it('lists the environments one per line for people, and explains a bad ref', async () => {
    const listed = await run(cxops, ['affected', '--files', 'environments/org/main.tf']);
    expect(listed.stdout.trim().split('\n')).toEqual(['org', 'billing', 'sales', 'support']);
    const bad = await run(cxops, ['affected', '--base', 'no-such-ref-anywhere', '--head', 'HEAD']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain("Can't find the affected environments");
    expect(bad.stderr).toContain('fetch-depth: 0');
  }, 120_000);
});
