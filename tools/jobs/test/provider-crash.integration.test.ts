// A provider that crashes while it configures itself (provider v1.82.0's race on the gateway block, see
// @cxops/terraform provider-crash.ts) on an environment's FIRST apply: the engine records an empty state and then
// refuses the reviewed plan as stale. `cxops apply` plans again and applies that plan because it does exactly
// what the reviewed one did. The crash is staged by a wrapper around the real tofu: the first apply runs with
// no client secret, so the provider fails to configure and tofu records the empty state exactly as after the
// crash, and the wrapper prints the crash's message. Everything else is the real cxops, tofu, provider, S3
// server and emulated org. Takes about a minute.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_CRASHED_CONFIGURING } from '@cxops/test-support/engine-messages';
import { requireToolchainBinary, tempDir } from '@cxops/test-support/paths';
import { scratchDepartment, type ScratchDepartment } from '@cxops/test-support/scratch-department';

const SKILL = 'Crash - Disputes';

let dept: ScratchDepartment;
let wrapper: string;
let crashed: string;

beforeAll(async () => {
  dept = await scratchDepartment(
    'billing',
    `module "department" {\n  source = "../../modules/department"\n\n  division = "Home"\n  skills   = ["${SKILL}"]\n}\n`,
  );
  const dir = await tempDir();
  crashed = path.join(dir, 'crashed');
  wrapper = path.join(dir, 'tofu');
  await writeFile(path.join(dir, 'crash.txt'), PROVIDER_CRASHED_CONFIGURING);
  await writeFile(
    wrapper,
    [
      '#!/bin/sh',
      `real='${requireToolchainBinary('tofu')}'`,
      `if [ "$1" = apply ] && [ ! -e '${crashed}' ]; then`,
      `  touch '${crashed}'`,
      '  GENESYSCLOUD_OAUTHCLIENT_SECRET= "$real" "$@" >/dev/null 2>&1',
      `  cat '${path.join(dir, 'crash.txt')}' >&2`,
      '  exit 1',
      'fi',
      'exec "$real" "$@"',
    ].join('\n'),
  );
  await chmod(wrapper, 0o755);
}, 300_000);

describe('a first apply whose provider crashed while configuring', () => {
  it('is planned again and applied, because the new plan does what the reviewed one did', async () => {
    const planned = await dept.cli(['plan', 'billing']);
    expect(planned.exitCode, planned.stderr).toBe(0);

    const applied = await dept.cli(['apply', 'billing'], { CXOPS_TF_BINARY: wrapper });
    expect(applied.exitCode, `${applied.stdout}\n${applied.stderr}`).toBe(0);
    // The crash was staged, the plan was made again, and the skill exists once.
    expect(existsSync(crashed)).toBe(true);
    expect(existsSync(path.join(dept.workspace, 'dist', 'plans', 'billing', 'replanned', 'tfplan'))).toBe(
      true,
    );
    const listed = await dept.cli(['emulator', 'objects', 'skills', '--json']);
    const skills = (JSON.parse(listed.stdout) as { name: string }[]).filter((s) => s.name === SKILL);
    expect(skills).toHaveLength(1);
    // The reviewed files are left as they were reviewed.
    expect(
      await readFile(path.join(dept.workspace, 'dist', 'plans', 'billing', 'summary.md'), 'utf8'),
    ).toContain(SKILL);

    const again = await dept.cli(['plan', 'billing']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(await dept.planFile('summary.md')).toMatch(/no changes/i);
  }, 300_000);
});
