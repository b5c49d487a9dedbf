// The plan model and the matchers on plans made by real OpenTofu.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { absent, unknownAfterApply } from '../src/matchers.ts';
import { loadPlan, renderSummary, type LoadedPlan } from '../src/index.ts';
import { realPlan } from '@cxops/test-support/real-plans';
import { tempDir } from '@cxops/test-support/paths';

const SECRET = 'hunter2-do-not-print';
const variables = `
variable "pin" {
  type      = string
  sensitive = true
}
`;
const stage1 = `${variables}
resource "terraform_data" "queue" {
  input = { name = "Billing", acw_timeout_ms = 30000, pin = var.pin }
}
resource "terraform_data" "flow" {
  input            = { name = "Main IVR" }
  triggers_replace = ["v1"]
}
resource "terraform_data" "old" {
  input = { name = "Legacy" }
}
`;
const stage2 = `${variables}
resource "terraform_data" "queue" {
  input = { name = "Billing", acw_timeout_ms = 60000, pin = var.pin }
}
resource "terraform_data" "flow" {
  input            = { name = "Main IVR" }
  triggers_replace = ["v2"]
}
resource "terraform_data" "new" {
  input = { name = "Fresh" }
}
`;

let plan: LoadedPlan;
beforeAll(async () => {
  plan = await realPlan([stage1, stage2], { pin: SECRET });
}, 120_000);

describe('loading a real plan', () => {
  it('exposes format_version, resource_changes, prior_state and configuration', () => {
    expect(plan.plan.format_version).toMatch(/^1\./);
    expect(plan.plan.resource_changes?.map((rc) => rc.address).sort()).toEqual([
      'terraform_data.flow',
      'terraform_data.new',
      'terraform_data.old',
      'terraform_data.queue',
    ]);
    expect(plan.plan.prior_state).toBeTruthy();
    expect(plan.plan.configuration).toBeTruthy();
  });

  it('refuses the same plan truncated, naming the file and the fix', async () => {
    const file = path.join(await tempDir(), 'plan.json');
    // The plan's own folder is gone (temporary); its content, re-serialised, is the same JSON.
    const text = JSON.stringify(plan.plan);
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    await expect(loadPlan(file)).rejects.toMatchObject({
      message: expect.stringContaining(`Can't read the plan ${file}: it is not complete, valid JSON`),
      details: { fix: expect.stringContaining('tofu show -json') },
    });
  });

  it('refuses a state file, an empty file and a future format version', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ version: 4, resources: [] }));
    await expect(loadPlan(path.join(dir, 'state.json'))).rejects.toThrow(
      'it has no format_version, so it is not the JSON of a plan',
    );
    await writeFile(path.join(dir, 'empty.json'), '');
    await expect(loadPlan(path.join(dir, 'empty.json'))).rejects.toThrow('the file is empty');
    await writeFile(
      path.join(dir, 'v2.json'),
      JSON.stringify({ format_version: '2.0', resource_changes: [] }),
    );
    await expect(loadPlan(path.join(dir, 'v2.json'))).rejects.toThrow(
      'its format_version is 2.0; cxops reads 1.x',
    );
  });
});

describe('plan matchers on a real plan', () => {
  it('see creates, updates, replaces and deletes by address or type', () => {
    expect(plan).toCreate('terraform_data.new');
    expect(plan).toUpdate('terraform_data.queue');
    expect(plan).toReplace('terraform_data.flow');
    expect(plan).toDelete('terraform_data.old');
    expect(plan).not.toDelete('terraform_data.queue');
    expect(plan).toCreate('terraform_data');
  });

  it('explain a failure with what the plan does instead', () => {
    expect(() => expect(plan).toDelete('terraform_data.queue')).toThrow(
      /expected the plan to delete address "terraform_data.queue"; what it does instead:\nterraform_data.queue: update/,
    );
    expect(() => expect(plan).not.toCreate('terraform_data.new')).toThrow(
      /expected the plan not to create address "terraform_data.new", but it does/,
    );
  });

  it('check an attribute change, and never treat an unknown value as absent', () => {
    expect(plan).toChangeAttribute('terraform_data.queue', 'input.acw_timeout_ms', 30000, 60000);
    // terraform_data.new's output is known only after apply: it is unknown, not absent.
    expect(plan).toChangeAttribute('terraform_data.new', 'output', absent, unknownAfterApply);
    expect(() => expect(plan).toChangeAttribute('terraform_data.new', 'output', absent, absent)).toThrow(
      /\(known after apply\)/,
    );
  });

  it('never print a sensitive value in a failure message', () => {
    let message = '';
    try {
      expect(plan).toChangeAttribute('terraform_data.queue', 'input.pin', 'x', 'y');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('(sensitive)');
    expect(message).not.toContain(SECRET);
  });

  it('report no changes for an untouched selection and changes for the plan', () => {
    expect(plan).toHaveNoChanges('terraform_data.nothing');
    expect(() => expect(plan).toHaveNoChanges()).toThrow(/expected no changes to the plan; found:/);
  });

  it('throw a TypeError naming the matcher when given something that is not a plan', () => {
    expect(() => expect({ resources: [] }).toCreate('x.y')).toThrow(
      new TypeError('toCreate: expected a plan (loadPlan() result or plan JSON object), got object'),
    );
  });
});

describe('the PR summary of a real plan', () => {
  it('shows every change and never the sensitive value', () => {
    const { markdown } = renderSummary([{ environment: 'support', plan: plan.plan }], undefined, {
      limit: 65_000,
    });
    expect(markdown).toContain('| support | 1 | 1 | 1 | 1 |');
    expect(markdown).toContain('terraform_data.old');
    expect(markdown).not.toContain(SECRET);
  });
});
