import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { TOOLS } from '@cxops/toolchain';
import { tempDir } from '@cxops/test-support/paths';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');

describe('cxops', () => {
  it('lists its commands in --help', async () => {
    const result = await run(cxops, ['--help']);
    expect(result.exitCode).toBe(0);
    for (const command of ['toolchain', 'stack', 'demo', 'emulator', 'fmt'])
      expect(result.stdout).toContain(command);
  });

  it('documents the toolchain settings and exit codes in `toolchain --help`', async () => {
    const result = await run(cxops, ['toolchain', '--help']);
    expect(result.stdout).toContain('CXOPS_TF_BINARY');
    expect(result.stdout).toContain('CXOPS_GENESYSCLOUD_PROVIDER');
    expect(result.stdout).toContain('Exit codes: 0');
  });

  it('exits 1 on an unknown command and says so', async () => {
    const result = await run(cxops, ['frobnicate']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('without Go, `toolchain` exits 3 and says what is missing and how to fix it (JSON for machines)', async () => {
    const dir = await tempDir();
    // PATH keeps node (for the CLI itself) but no go.
    const result = await run(cxops, ['toolchain', '--dir', dir, '--json'], {
      env: { ...process.env, PATH: path.dirname(process.execPath), CXOPS_PROVIDER_INSTALL: 'registry' },
    });
    expect(result.exitCode).toBe(3);
    const report = JSON.parse(result.stdout) as {
      items: { name: string; state: string; error: { reason: string; fix: string } }[];
    };
    // Every Go tool needs Go; the provider comes from the registry in this run.
    expect(report.items.filter((i) => i.state === 'failed').map((i) => i.name)).toEqual(
      TOOLS.map((tool) => tool.name),
    );
    expect(report.items[0]!.error.reason).toContain('the Go command (go) is not installed or not on PATH');
    expect(report.items[0]!.error.fix).toContain('install Go 1.26 or newer');
  });
});
