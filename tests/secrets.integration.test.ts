// Secrets end to end. Credential-shaped values are planted where they get in in real life — pasted into a
// department's data (main.tf), in a sensitive variable that configures the provider, in an environment root
// variable set from the CI environment (TF_VAR_…) and in the provider's own environment variable — then the
// whole review path runs with the real cxops: plan → summary → review part → assembled comment → the GitHub
// stand-in → apply → a change → drift report, and a plan that fails quoting a value. None of the secrets may
// appear in anything cxops prints, anything the workflows upload (the review files) or the comment. The plan
// files themselves do hold them — which is why they never leave the runner — and the test checks that too, so
// it cannot pass by planting nothing. About a minute and a half (five plans with the real provider).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '@cxops/core';
import { REVIEW_FILES } from '@cxops/jobs';
import { tempDir } from '@cxops/test-support/paths';
import { scratchDepartment, type ScratchDepartment } from '@cxops/test-support/scratch-department';
import { fakeClientId, fakeClientSecret } from '@cxops/test-support/secrets';
import { OWNER, PR, REPO, TOKEN, useGitHubStandIn } from '../tools/github/test/stand-in/harness.ts';

const gh = useGitHubStandIn();
const QUEUE = 'Secrets - Support Phone';

const secrets = {
  departmentData: fakeClientSecret(),
  departmentDataLater: fakeClientSecret(),
  providerVariable: fakeClientSecret(),
  rootVariable: fakeClientSecret(),
  environment: fakeClientSecret(),
  outOfBand: fakeClientSecret(),
  failingValue: fakeClientSecret(),
};

const department = (description: string, queueName = QUEUE) => `module "department" {
  source = "../../modules/department"

  division     = "Home"
  skills       = ["Secrets - Billing"]
  wrapup_codes = [{ name = "Secrets - Escalated", description = var.escalation_note }]

  queues = [
    {
      name        = "${queueName}"
      description = "${description}"
    },
  ]
}

variable "escalation_note" {
  description = "Set from CI as TF_VAR_escalation_note (here: a secret someone put there)."
  type        = string
}

variable "oauthclient_secret" {
  description = "The provider's client secret, as some teams wire it (sensitive)."
  type        = string
  sensitive   = true
}
`;

let dept: ScratchDepartment;
const outputs: { what: string; text: string }[] = [];

/** Runs cxops as CI does: the provider's secret and the root variables come from the environment. */
async function cxops(what: string, args: string[]): Promise<RunResult> {
  const result = await dept.cli(args, {
    GENESYSCLOUD_OAUTHCLIENT_ID: fakeClientId(),
    GENESYSCLOUD_OAUTHCLIENT_SECRET: secrets.environment,
    TF_VAR_oauthclient_secret: secrets.providerVariable,
    TF_VAR_escalation_note: `Escalated: ${secrets.rootVariable}`,
  });
  outputs.push(
    { what: `${what} (stdout)`, text: result.stdout },
    { what: `${what} (stderr)`, text: result.stderr },
  );
  return result;
}

async function uploadableFiles(): Promise<{ what: string; text: string }[]> {
  const dir = path.join(dept.workspace, 'dist', 'plans', 'support');
  const names = (await readdir(dir)).filter((f) => (REVIEW_FILES as readonly string[]).includes(f));
  return Promise.all(
    names.map(async (f) => ({
      what: `dist/plans/support/${f}`,
      text: await readFile(path.join(dir, f), 'utf8'),
    })),
  );
}

function leaks(items: { what: string; text: string }[]): string[] {
  return items.flatMap(({ what, text }) =>
    Object.entries(secrets).flatMap(([name, value]) => (text.includes(value) ? [`${name} in ${what}`] : [])),
  );
}

beforeAll(async () => {
  dept = await scratchDepartment('support', department(`Callbacks; token ${secrets.departmentData}`));
  await writeFile(
    path.join(dept.root, 'providers_override.tf'),
    'provider "genesyscloud" {\n  oauthclient_secret = var.oauthclient_secret\n}\n',
  );
}, 120_000);

describe.sequential('secrets planted in data, variables and the environment', () => {
  it('appear in nothing a plan prints or uploads, nor in the comment assembled from it', async () => {
    const planned = await cxops('plan (create)', ['plan', 'support']);
    expect(planned.exitCode, planned.stderr).toBe(0);
    const applied = await cxops('apply', ['apply', 'support']);
    expect(applied.exitCode, applied.stderr).toBe(0);

    await dept.writeMain(department(`Callbacks; token ${secrets.departmentDataLater}`));
    const update = await cxops('plan (update)', ['plan', 'support', '--json']);
    expect(update.exitCode, update.stderr).toBe(0);
    const summary = await dept.planFile('summary.md');
    expect(summary).toContain("Queue 'Secrets - Support Phone': description");
    // The plan itself holds the data secrets in clear: that is why tfplan and plan.json stay on the runner.
    const planJson = await dept.planFile('plan.json');
    expect(planJson).toContain(secrets.departmentDataLater);
    expect(planJson).toContain(secrets.rootVariable);

    const parts = await tempDir();
    const comment = path.join(parts, 'comment.md');
    const assembled = await cxops('review assemble', [
      'review',
      'assemble',
      '--parts',
      path.join(dept.workspace, 'dist', 'plans'),
      '--environments',
      'support',
      '--out',
      comment,
    ]);
    expect(assembled.exitCode, assembled.stderr).toBe(0);
    const event = path.join(parts, 'event.json');
    await writeFile(event, JSON.stringify({ pull_request: { number: PR } }));
    const posted = await dept.cli(['comment', '--body-file', comment], {
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_EVENT_PATH: event,
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: gh.base,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: secrets.environment,
    });
    expect(posted.exitCode, posted.stderr).toBe(0);
    const body = gh.comments()[0]!.body;
    expect(body).toContain(
      "Queue 'Secrets - Support Phone': description Callbacks; token [hidden: looks like a secret] → Callbacks; token [hidden: looks like a secret]",
    );

    expect(leaks([...outputs, ...(await uploadableFiles()), { what: 'the PR comment', text: body }])).toEqual(
      [],
    );
  }, 600_000);

  it('appear in no drift report, even when a secret is pasted into the org outside code', async () => {
    const changed = await dept.cli([
      'emulator',
      'change',
      'queues',
      QUEUE,
      `description=Pasted ${secrets.outOfBand}`,
    ]);
    expect(changed.exitCode, changed.stderr).toBe(0);
    const drift = await cxops('drift --json', ['drift', 'support', '--json']);
    expect(drift.exitCode, drift.stderr).toBe(2);
    expect(JSON.parse(drift.stdout)).toMatchObject({ environment: 'support', drifted: [{ kind: 'update' }] });
    const text = await cxops('drift', ['drift', 'support']);
    expect(text.stdout).toContain('Drift in support');
    expect(leaks(outputs)).toEqual([]);
  }, 600_000);

  it('appear nowhere when a plan fails on a value and the engine quotes it', async () => {
    await dept.writeMain(department('Callbacks', ` Support ${secrets.failingValue}`));
    const failed = await cxops('plan (failing)', ['plan', 'support']);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('Queue names must not be empty or start/end with spaces');
    expect(failed.stderr).toContain('[hidden: looks like a secret]');
    const part = JSON.parse(await dept.planFile('review.json'));
    expect(part).toMatchObject({ status: 'failed', environment: 'support' });
    // Nothing of the previous plan is left to pass for this one's.
    const uploaded = await uploadableFiles();
    expect(uploaded.map((f) => path.basename(f.what))).toEqual(['review.json']);
    expect(leaks([...outputs, ...uploaded])).toEqual([]);
  }, 600_000);
});
