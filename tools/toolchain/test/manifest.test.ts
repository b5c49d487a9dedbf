import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOLS } from '../src/index.ts';

describe('the pinned tools modules', () => {
  for (const tool of TOOLS) {
    it(`${tool.name}: go.mod requires exactly v${tool.version} and declares the tool`, async () => {
      const goMod = await readFile(path.join(tool.moduleDir, 'go.mod'), 'utf8');
      const modulePath = tool.mainPackage.replace(/\/cmd\/[^/]+$/, '');
      expect(goMod).toMatch(
        new RegExp(
          `^\\s*${modulePath.replaceAll('.', '\\.')} v${tool.version.replaceAll('.', '\\.')}( // indirect)?$`,
          'm',
        ),
      );
      expect(goMod).toContain(`tool ${tool.mainPackage}`);
      await expect(readFile(path.join(tool.moduleDir, 'go.sum'), 'utf8')).resolves.toContain(
        `${modulePath} v${tool.version}`,
      );
    });
  }

  it('tofu keeps the hcl replace directive OpenTofu requires', async () => {
    const tofu = TOOLS.find((t) => t.name === 'tofu')!;
    const goMod = await readFile(path.join(tofu.moduleDir, 'go.mod'), 'utf8');
    expect(goMod).toMatch(
      /^replace github\.com\/hashicorp\/hcl\/v2 v2\.20\.1 => github\.com\/opentofu\/hcl\/v2 /m,
    );
  });

  it('accepts only the exact pinned tofu version, never a -dev build', () => {
    const tofu = TOOLS.find((t) => t.name === 'tofu')!;
    expect(tofu.expectVersion('OpenTofu v1.12.6\non linux_amd64')).toBe(true);
    expect(tofu.expectVersion('OpenTofu v1.12.6-dev\non linux_amd64')).toBe(false);
    expect(tofu.expectVersion('OpenTofu v1.12.5')).toBe(false);
  });
});
