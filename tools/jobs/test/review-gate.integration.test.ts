// Apply only what was reviewed, with real plans: one department in a scratch workspace, planned and applied by
// the real cxops (tofu, the real genesyscloud provider, the local S3 state server and the emulated org). The
// reviewed digests are copied as the plan workflow's artifact would be downloaded. Two ways the merge-time plan
// can differ from the review — the org changed outside code; the code changed after review — are refused with
// what differs; the same plan is applied. Takes about two to three minutes (ten plans with the real provider).
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@cxops/test-support/paths';
import { scratchDepartment, type ScratchDepartment } from '@cxops/test-support/scratch-department';

const QUEUE = 'Gate - Billing Phone';
const COMMIT_A = 'a'.repeat(40);
const COMMIT_B = 'b'.repeat(40);

const department = (description: string) => `module "department" {
  source = "../../modules/department"

  division     = "Home"
  skills       = ["Gate - Disputes"]
  wrapup_codes = [{ name = "Gate - Resolved", description = "Solved on this contact" }]

  queues = [
    {
      name           = "${QUEUE}"
      description    = "${description}"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
    },
  ]
}
`;

let dept: ScratchDepartment;

/** Plans for review at `commit` and returns a folder laid out as the downloaded artifact. */
async function review(commit: string): Promise<string> {
  const planned = await dept.cli(['plan', 'billing'], { CXOPS_REVIEW_COMMIT: commit });
  expect(planned.exitCode, planned.stderr).toBe(0);
  const reviewed = await tempDir();
  const artifact = path.join(reviewed, 'plan-review-billing');
  await mkdir(artifact, { recursive: true });
  for (const file of ['summary.md', 'policy.json', 'digest.json', 'review.json'])
    await cp(path.join(dept.workspace, 'dist', 'plans', 'billing', file), path.join(artifact, file));
  return reviewed;
}

const applyReviewed = (reviewed: string, commit: string) =>
  dept.cli(['review', 'apply', 'billing', '--reviewed', reviewed], { CXOPS_REVIEW_COMMIT: commit });

async function queueDescription(): Promise<string> {
  const listed = await dept.cli(['emulator', 'objects', 'queues', '--json']);
  const queues = JSON.parse(listed.stdout) as { name: string; description?: string }[];
  return queues.find((q) => q.name === QUEUE)!.description ?? '';
}

beforeAll(async () => {
  dept = await scratchDepartment('billing', department('Billing questions'));
  // The department as it runs in production before the change under review.
  expect((await dept.cli(['plan', 'billing'])).exitCode).toBe(0);
  const applied = await dept.cli(['apply', 'billing']);
  expect(applied.exitCode, applied.stderr).toBe(0);
}, 600_000);

describe.sequential('cxops review apply, with real plans against the emulated org', () => {
  it('refuses when the org changed outside code between review and merge, naming the attribute', async () => {
    await dept.writeMain(department('Billing and payment questions'));
    const reviewed = await review(COMMIT_A);
    const changed = await dept.cli([
      'emulator',
      'change',
      'queues',
      QUEUE,
      'description=Edited in the admin UI',
    ]);
    expect(changed.exitCode, changed.stderr).toBe(0);

    const refused = await applyReviewed(reviewed, COMMIT_A);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(
      "Can't apply billing: the plan made now differs from the plan that was reviewed; nothing was applied",
    );
    expect(refused.stderr).toContain(
      '`description`: reviewed "Billing questions" → "Billing and payment questions"; now "Edited in the admin UI" → "Billing and payment questions"',
    );
    expect(refused.stderr).toContain('open a follow-up pull request that touches environments/billing/');
    expect(await queueDescription()).toBe('Edited in the admin UI');
    const gate = await dept.planFile('gate.md');
    expect(gate).toContain('### cxops apply — billing: ⛔ not applied');
    expect(gate).toContain('**A fresh review is needed.**');
    expect(JSON.parse(await dept.planFile('gate.json'))).toMatchObject({
      outcome: 'refused',
      reviewed: { commit: COMMIT_A },
      differences: [{ kind: 'attribute', attribute: 'description' }],
    });
  }, 600_000);

  it('applies after a fresh review: the same digest at merge applies that plan', async () => {
    const reviewed = await review(COMMIT_A);
    const applied = await applyReviewed(reviewed, COMMIT_A);
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('billing: the plan matches the review');
    expect(applied.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await queueDescription()).toBe('Billing and payment questions');
    expect(JSON.parse(await dept.planFile('gate.json'))).toMatchObject({ outcome: 'applied' });
  }, 600_000);

  it('refuses when the merged code is not the reviewed code (another commit changed it after review)', async () => {
    await dept.writeMain(department('Billing questions, weekdays'));
    const reviewed = await review(COMMIT_A);
    await dept.writeMain(department('Billing questions, every day'));
    const refused = await applyReviewed(reviewed, COMMIT_B);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(
      '`description`: reviewed "Billing and payment questions" → "Billing questions, weekdays"; now "Billing and payment questions" → "Billing questions, every day"',
    );
    expect(await queueDescription()).toBe('Billing and payment questions');
  }, 600_000);

  it('refuses a review of an older push than the one merged, even when the plans agree', async () => {
    const reviewed = await review(COMMIT_A);
    await writeFile(
      path.join(reviewed, 'reviewed-pull.json'),
      JSON.stringify({
        format: 'cxops-reviewed-pull/1',
        commit: 'c'.repeat(40),
        pullNumber: 7,
        headSha: COMMIT_B,
        runId: '1',
        environments: {
          billing: {
            status: 'planned',
            sha256: JSON.parse(
              await readFile(path.join(reviewed, 'plan-review-billing', 'digest.json'), 'utf8'),
            ).sha256,
          },
        },
      }),
    );
    const refused = await applyReviewed(reviewed, COMMIT_B);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(
      `the review is of commit ${COMMIT_A.slice(0, 12)}, but pull request #7 was merged at ${COMMIT_B.slice(0, 12)}`,
    );
  }, 600_000);

  it('refuses an environment with changes that nobody reviewed, and a digest file edited after the plan', async () => {
    const unreviewed = await applyReviewed(await tempDir(), COMMIT_B);
    expect(unreviewed.exitCode).toBe(1);
    expect(unreviewed.stderr).toContain('no reviewed plan exists for this environment');

    const reviewed = await review(COMMIT_B);
    const file = path.join(reviewed, 'plan-review-billing', 'digest.json');
    const digest = JSON.parse(await readFile(file, 'utf8'));
    digest.changes[0].attributes.description.after = 'something else';
    await writeFile(file, JSON.stringify(digest));
    const tampered = await applyReviewed(reviewed, COMMIT_B);
    expect(tampered.exitCode).toBe(1);
    expect(tampered.stderr).toContain('its content does not match its sha256');
    expect(await queueDescription()).toBe('Billing and payment questions');
  }, 600_000);

  it('in the apply workflow (`cxops apply --reviewed`, under the rate governor): refuses a changed plan, applies the reviewed one', async () => {
    const stale = await review(COMMIT_B);
    const changed = await dept.cli(['emulator', 'change', 'queues', QUEUE, 'description=Edited once more']);
    expect(changed.exitCode, changed.stderr).toBe(0);
    const refused = await dept.cli(['apply', 'billing', '--reviewed', stale], {
      CXOPS_REVIEW_COMMIT: COMMIT_B,
    });
    expect(refused.exitCode).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toContain(
      'the plan made now differs from the plan that was reviewed; nothing was applied',
    );
    expect(await queueDescription()).toBe('Edited once more');

    const fresh = await review(COMMIT_B);
    const applied = await dept.cli(['apply', 'billing', '--reviewed', fresh], {
      CXOPS_REVIEW_COMMIT: COMMIT_B,
    });
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('✔ billing: applied');
    expect(applied.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await queueDescription()).toBe('Billing questions, every day');
  }, 600_000);
});
