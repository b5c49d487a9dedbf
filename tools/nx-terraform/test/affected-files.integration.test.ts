// Pre-commit asks the plugin's own data which roots staged files reach (fast, in-process); CI asks the nx CLI.
// They must agree, or a commit would be checked against other roots than the ones CI plans and validates.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@cxops/core';
import { affectedTerraformProjects } from '../src/index.ts';

const root = workspaceRoot();

function nxAffected(files: string[]): string[] {
  const result = spawnSync(
    path.join(root, 'node_modules', '.bin', 'nx'),
    ['show', 'projects', '--affected', `--files=${files.join(',')}`, '--json'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' } },
  );
  expect(result.status, result.stderr).toBe(0);
  const projects = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as string[];
  return projects.filter((p) => /^(env|module)-/.test(p)).sort();
}

describe('affectedTerraformProjects (the plugin in-process) and nx show projects --affected', () => {
  for (const files of [
    ['environments/sales/main.tf'],
    ['modules/queues/variables.tf'],
    ['environments/org/providers.tf'],
    ['modules/skills/main.tf', 'environments/billing/flows/billing-inbound-call.yaml'],
  ])
    it(`agree for ${files.join(' + ')}`, async () => {
      const ours = (await affectedTerraformProjects(root, files)).affected.map((p) => p.name);
      expect(ours).toEqual(nxAffected(files));
    }, 120_000);

  it('name the roots that hold the files apart from the ones that only use them', async () => {
    const { touched, affected } = await affectedTerraformProjects(root, ['modules/queues/main.tf']);
    expect(touched).toEqual([{ name: 'module-queues', root: 'modules/queues', kind: 'module', docs: true }]);
    expect(affected.map((p) => p.root)).toContain('environments/support');
  });
});
