import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunResult } from '@cxops/core';
import { PROVIDER_CRASHED_CONFIGURING as CRASHED_CONFIGURING } from '@cxops/test-support/engine-messages';
import { tempDir } from '@cxops/test-support/paths';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../src/engine.ts';
import {
  providerCrashedBeforeWork,
  PROVIDER_CRASH_RETRIES,
  StalePlanAfterCrash,
} from '../src/provider-crash.ts';
import { applyPlanFile, runEngine, type RootRunOptions } from '../src/runner.ts';

/** The same crash in the middle of an apply: objects may have been changed, so it is not run again. */
const CRASHED_APPLYING = `
Error: Plugin did not respond

  with module.department.genesyscloud_routing_queue.this["billing"],
  on ../../modules/queues/main.tf line 1, in resource "genesyscloud_routing_queue" "this":

The plugin encountered an error, and failed to respond to the
plugin.(*GRPCProvider).ApplyResourceChange call. The plugin logs may contain
more details.
`;

const result = (exitCode: number, stderr: string): RunResult => ({
  exitCode,
  stdout: '',
  stderr,
  durationMs: 1,
  timedOut: false,
});

describe('providerCrashedBeforeWork', () => {
  it('knows a crash while the provider configured itself, wherever the engine wrapped the line', () => {
    expect(providerCrashedBeforeWork(result(1, CRASHED_CONFIGURING))).toBe(true);
    expect(
      providerCrashedBeforeWork(
        result(1, 'failed to respond to the plugin.(*GRPCProvider).ConfigureProvider\ncall.'),
      ),
    ).toBe(true);
    expect(
      providerCrashedBeforeWork(
        result(1, 'Error: Failed to load plugin schemas\nplugin exited before we could connect'),
      ),
    ).toBe(true);
  });

  it('does not take a crash during work, another failure or a success for one', () => {
    expect(providerCrashedBeforeWork(result(1, CRASHED_APPLYING))).toBe(false);
    expect(
      providerCrashedBeforeWork(result(1, 'Error: failed to authorize Genesys Cloud client credentials')),
    ).toBe(false);
    expect(providerCrashedBeforeWork(result(0, CRASHED_CONFIGURING))).toBe(false);
  });
});

describe('runEngine after a provider crash', () => {
  let dir: string;
  let engine: Engine;

  // A stand-in engine: it prints CRASH_TEXT and fails on its first CRASHES runs, then succeeds; every run is
  // counted in a file.
  beforeEach(async () => {
    dir = await tempDir('cxops-crash-');
    const binary = path.join(dir, 'engine.sh');
    await writeFile(
      binary,
      [
        '#!/bin/sh',
        'n=$(cat "$COUNTER" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$COUNTER"',
        'if [ "$n" -le "$CRASHES" ]; then printf "%s\\n" "$CRASH_TEXT" >&2; exit 1; fi',
        'if [ -n "$STALE" ]; then printf "\\nError: Saved plan is stale\\n" >&2; exit 1; fi',
        'echo "Apply complete! Resources: 1 added, 0 changed, 0 destroyed."',
      ].join('\n'),
    );
    await chmod(binary, 0o755);
    engine = { binary, flavor: 'opentofu', version: '1.12.6', env: process.env };
  });

  const runs = async () => Number(await readFile(path.join(dir, 'count'), 'utf8'));
  const settings = (crashes: number, crashText: string) => ({
    COUNTER: path.join(dir, 'count'),
    CRASHES: String(crashes),
    CRASH_TEXT: crashText,
  });
  const apply = (crashes: number, crashText: string, options: Omit<RootRunOptions, 'env'> = {}) =>
    runEngine(engine, dir, ['apply', '-input=false', 'tfplan'], {
      env: settings(crashes, crashText),
      ...options,
    });

  it('runs the command again when the provider crashed while configuring, and says so', async () => {
    const said: string[] = [];
    let prepared = 0;
    const applied = await apply(1, CRASHED_CONFIGURING, {
      onOutput: (chunk) => said.push(chunk),
      beforeRerun: async () => {
        prepared += 1;
      },
    });
    expect(applied.exitCode).toBe(0);
    expect(applied.stdout).toContain('Apply complete!');
    expect(applied.providerCrashes).toBe(1);
    expect(await runs()).toBe(2);
    expect(prepared).toBe(1);
    expect(said.join('')).toContain('running `apply` again (1 of 2)');
  });

  it('tells a saved plan refused as stale after a crash (a first apply) from any other failure', async () => {
    const stale = applyPlanFile(engine, dir, 'tfplan', {
      env: { ...settings(1, CRASHED_CONFIGURING), STALE: '1' },
    });
    await expect(stale).rejects.toBeInstanceOf(StalePlanAfterCrash);
    await expect(stale).rejects.toThrow(/nothing was changed/);
    // Stale without a crash before it: the plan really is out of date, an ordinary failure.
    const outdated = applyPlanFile(engine, dir, 'tfplan', { env: { ...settings(0, ''), STALE: '1' } });
    await expect(outdated).rejects.toThrow(/exited with code 1/);
    await expect(outdated).rejects.not.toBeInstanceOf(StalePlanAfterCrash);
  });

  it('gives up after its reruns and returns the last crash', async () => {
    const applied = await apply(10, CRASHED_CONFIGURING);
    expect(applied.exitCode).toBe(1);
    expect(applied.stderr).toContain('ConfigureProvider');
    expect(await runs()).toBe(1 + PROVIDER_CRASH_RETRIES);
  });

  it('never runs again after a crash during work', async () => {
    const applied = await apply(1, CRASHED_APPLYING);
    expect(applied.exitCode).toBe(1);
    expect(applied.stderr).toContain('ApplyResourceChange');
    expect(await runs()).toBe(1);
  });
});
