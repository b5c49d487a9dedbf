// A provider that crashes while it configures itself (provider v1.82.0's race on the gateway block, see
// @cxops/terraform provider-crash.ts) on an environment's FIRST apply: the engine records an empty state and then
// refuses the reviewed plan as stale. `cxops apply` plans again and applies that plan when it does exactly what
// the reviewed one did, and applies nothing when it does not. The crash is staged by a wrapper around the real
// tofu: the first apply runs with no client secret, so the provider fails to configure and tofu records the
// empty state exactly as after the crash, and the wrapper prints the crash's message. Everything else is the
// real cxops, tofu, provider, S3 server and emulated org. Takes under a minute.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { PROVIDER_CRASHED_CONFIGURING } from '@cxops/test-support/engine-messages';
import { requireToolchainBinary, tempDir } from '@cxops/test-support/paths';
import { scratchDepartment, type ScratchDepartment } from '@cxops/test-support/scratch-department';

const SKILL = 'Crash - Disputes';
const LATE_SKILL = 'Crash - Added after review';

const department = (skills: string[]) =>
  `module "department" {\n  source = "../../modules/department"\n\n  division = "Home"\n  skills   = ${JSON.stringify(skills)}\n}\n`;

let wrapper: string;

// The stand-in engine, written for each test (temporary folders go after each): on the first apply (CRASH_MARK
// not there yet) it stages the crash; with CRASH_THEN_MAIN set it also replaces the root's main.tf, as if the
// code had changed since the review.
beforeEach(async () => {
  const dir = await tempDir();
  wrapper = path.join(dir, 'tofu');
  await writeFile(path.join(dir, 'crash.txt'), PROVIDER_CRASHED_CONFIGURING);
  await writeFile(
    wrapper,
    [
      '#!/bin/sh',
      `real='${requireToolchainBinary('tofu')}'`,
      'if [ "$1" = apply ] && [ ! -e "$CRASH_MARK" ]; then',
      '  touch "$CRASH_MARK"',
      '  GENESYSCLOUD_OAUTHCLIENT_SECRET= "$real" "$@" >/dev/null 2>&1',
      '  if [ -n "$CRASH_THEN_MAIN" ]; then cp "$CRASH_THEN_MAIN" main.tf; fi',
      `  cat '${path.join(dir, 'crash.txt')}' >&2`,
      '  exit 1',
      'fi',
      'exec "$real" "$@"',
    ].join('\n'),
  );
  await chmod(wrapper, 0o755);
}, 60_000);

async function skillsNamed(dept: ScratchDepartment, name: string): Promise<unknown[]> {
  const listed = await dept.cli(['emulator', 'objects', 'skills', '--json']);
  return (JSON.parse(listed.stdout) as { name: string }[]).filter((s) => s.name === name);
}

describe('a first apply whose provider crashed while configuring', () => {
  it('is planned again and applied, because the new plan does what the reviewed one did', async () => {
    const dept = await scratchDepartment('billing', department([SKILL]));
    const planned = await dept.cli(['plan', 'billing']);
    expect(planned.exitCode, planned.stderr).toBe(0);

    const crashed = path.join(await tempDir(), 'crashed');
    const applied = await dept.cli(['apply', 'billing'], { CXOPS_TF_BINARY: wrapper, CRASH_MARK: crashed });
    expect(applied.exitCode, `${applied.stdout}\n${applied.stderr}`).toBe(0);
    // The crash was staged, the plan was made again, and the skill exists once.
    expect(existsSync(crashed)).toBe(true);
    expect(existsSync(path.join(dept.workspace, 'dist', 'plans', 'billing', 'replanned', 'tfplan'))).toBe(
      true,
    );
    expect(await skillsNamed(dept, SKILL)).toHaveLength(1);
    // The reviewed files are left as they were reviewed.
    expect(
      await readFile(path.join(dept.workspace, 'dist', 'plans', 'billing', 'summary.md'), 'utf8'),
    ).toContain(SKILL);

    const again = await dept.cli(['plan', 'billing']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(await dept.planFile('summary.md')).toMatch(/no changes/i);
  }, 300_000);

  it('is not applied when the new plan differs from the reviewed one (the code changed meanwhile)', async () => {
    const dept = await scratchDepartment('sales', department([SKILL]));
    const planned = await dept.cli(['plan', 'sales']);
    expect(planned.exitCode, planned.stderr).toBe(0);

    const dir = await tempDir();
    await writeFile(path.join(dir, 'main.tf'), department([SKILL, LATE_SKILL]));
    const applied = await dept.cli(['apply', 'sales'], {
      CXOPS_TF_BINARY: wrapper,
      CRASH_MARK: path.join(dir, 'crashed'),
      CRASH_THEN_MAIN: path.join(dir, 'main.tf'),
    });
    expect(applied.exitCode).toBe(1);
    expect(applied.stderr).toContain('refuses the saved plan as stale; nothing was changed');
    expect(await skillsNamed(dept, SKILL)).toHaveLength(0);
    expect(await skillsNamed(dept, LATE_SKILL)).toHaveLength(0);
  }, 300_000);
});
