// A scratch root that uses mypurecloud/genesyscloud, initialised with the toolchain's offline CLI config.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initRoot, resolveEngine, runEngine } from '@cxops/terraform';
import { providerTrust, toolchainLayout, writeCliConfig } from '@cxops/toolchain';
import { realLayout, requireToolchainBinary, tempDir } from '@cxops/test-support/paths';

const scratchRoot = `terraform {
  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "1.82.0"
    }
  }
}

resource "genesyscloud_routing_skill" "probe" {
  name = "probe"
}
`;

describe('offline init of a root that uses mypurecloud/genesyscloud', () => {
  it('never reaches for a registry: with the provider absent from the mirror it fails at once, naming the mirror', async () => {
    requireToolchainBinary('tofu');
    // An empty mirror of our own, so the test means the same thing on every machine.
    const layout = { ...toolchainLayout(await tempDir()), bin: realLayout.bin };
    await writeCliConfig(layout);
    expect((await providerTrust(layout)).trusted).toBe(false);
    const engine = await resolveEngine({ layout, env: { ...process.env, CXOPS_TF_BINARY: '' } });
    const root = await tempDir();
    await writeFile(path.join(root, 'main.tf'), scratchRoot);

    const result = await runEngine(engine, root, ['init', '-input=false', '-no-color', '-backend=false']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('mypurecloud/genesyscloud');
    expect(result.stderr).toContain(layout.providerMirror);
    await expect(initRoot(engine, root)).rejects.toThrow(`Can't initialise ${root}`);
  });
});
