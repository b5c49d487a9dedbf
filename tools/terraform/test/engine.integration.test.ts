// The engine the toolchain built.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEngine } from '../src/index.ts';
import { realLayout, requireToolchainBinary } from '@cxops/test-support/paths';

describe('choosing the engine', () => {
  it('uses the toolchain tofu by default, with the offline CLI config', async () => {
    requireToolchainBinary('tofu');
    const engine = await resolveEngine({ layout: realLayout, env: { ...process.env, CXOPS_TF_BINARY: '' } });
    expect(engine).toMatchObject({
      flavor: 'opentofu',
      version: '1.12.6',
      binary: path.join(realLayout.bin, 'tofu'),
    });
    expect(engine.env.TF_CLI_CONFIG_FILE).toBe(realLayout.cliConfig);
  });
});
