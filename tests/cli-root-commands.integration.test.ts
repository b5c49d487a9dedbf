// The per-root commands the Nx targets call, end to end on a scratch workspace whose environment uses only
// built-in resources (terraform_data) — real tofu, real local stack (versitygw + emulator), real plan files.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { realLayout, requireToolchainBinary } from '@cxops/test-support/paths';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');
let workspace: string;
let env: NodeJS.ProcessEnv;
const cli = (...args: string[]) => run(cxops, args, { env, cwd: workspace });
const sales = () => path.join(workspace, 'environments', 'sales');

const root = (queues: string[]) => `terraform {
  backend "s3" {
    use_lockfile = true
  }
}

variable "gateway" {
  type    = any
  default = null
}

resource "terraform_data" "queue" {
  for_each = toset([${queues.map((q) => JSON.stringify(q)).join(', ')}])
  input    = { name = each.key }
}
`;

beforeAll(async () => {
  requireToolchainBinary('tofu');
  workspace = await mkdtemp(path.join(os.tmpdir(), 'cxops-ws-'));
  await writeFile(path.join(workspace, 'nx.json'), '{}');
  await mkdir(sales(), { recursive: true });
  await writeFile(path.join(sales(), 'main.tf'), root(['Inbound', 'Renewals']));
  env = {
    ...process.env,
    CXOPS_WORKSPACE_ROOT: workspace,
    CXOPS_TOOLCHAIN_DIR: realLayout.root,
    CXOPS_S3_PORT: '',
    CXOPS_EMULATOR_PORT: '',
    CXOPS_STATE_BUCKET: '',
  };
});

afterAll(async () => {
  await cli('stack', 'stop');
  await rm(workspace, { recursive: true, force: true });
});

describe('plan → apply → plan again', () => {
  it('plans (exit 2 with --detailed-exitcode when there are changes) and writes tfplan, plan.json, summary.md and policy.json', async () => {
    const result = await cli('plan', 'sales', '--json', '--detailed-exitcode');
    expect(result.exitCode, result.stderr).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      environment: 'sales',
      hasChanges: true,
      passed: true,
      cost: { operations: 2, parallelism: expect.any(Number), tokens: expect.any(Number) },
    });
    expect(JSON.parse(result.stdout).cost.calls).toBeGreaterThan(0);
    expect(JSON.parse(result.stdout).cost.expectedSeconds).toBeGreaterThan(0);
    const out = path.join(workspace, 'dist', 'plans', 'sales');
    expect(await readFile(path.join(out, 'summary.md'), 'utf8')).toContain('| sales | 2 | 0 | 0 | 0 | ✅ |');
    expect(JSON.parse(await readFile(path.join(out, 'policy.json'), 'utf8'))).toMatchObject({ passed: true });
    expect((await cli('show', 'sales')).stdout).toContain('cxops plan');
    // The text output (summary.md) ends with the predicted API calls and time of applying the plan.
    expect(await readFile(path.join(out, 'summary.md'), 'utf8')).toMatch(
      /\*\*API cost \(predicted\):\*\* about \d+ calls for 2 operations · rate floor \d+ s · expected \d+ s/,
    );
  });

  it('applies exactly the reviewed plan, after which a new plan has no changes (exit 0) and no drift', async () => {
    const applied = await cli('apply', 'sales');
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Apply complete! Resources: 2 added');
    expect((await cli('plan', 'sales', '--detailed-exitcode')).exitCode).toBe(0);
    const drift = await cli('drift', 'sales', '--json');
    expect(drift.exitCode, drift.stderr).toBe(0);
    expect(JSON.parse(drift.stdout)).toMatchObject({ environment: 'sales', drifted: [] });
  });

  it('refuses to apply a plan whose policies block, naming the fix', async () => {
    await writeFile(
      path.join(sales(), 'cxops.policy.json'),
      JSON.stringify({ rules: { 'blast-radius': { maxChanges: 1 } } }),
    );
    await writeFile(path.join(sales(), 'main.tf'), root(['Inbound', 'Renewals', 'Upsell', 'Winback']));
    const planned = await cli('plan', 'sales');
    expect(planned.exitCode).toBe(1);
    expect(planned.stdout).toContain('This plan changes 2 objects; the cap is 1.');
    const applied = await cli('apply', 'sales');
    expect(applied.exitCode).toBe(1);
    expect(applied.stderr).toContain("Can't apply sales: 1 blocking policy finding(s)");
    await writeFile(
      path.join(sales(), 'cxops.overrides.json'),
      JSON.stringify({
        overrides: [{ rule: 'blast-radius', address: '*', reason: 'seasonal queues, reviewed' }],
      }),
    );
    expect((await cli('assert', path.join(workspace, 'dist', 'plans', 'sales', 'plan.json'))).exitCode).toBe(
      0,
    );
  });

  it('summarizes several plans into one markdown file', async () => {
    const out = path.join(workspace, 'comment.md');
    const result = await cli(
      'summarize',
      path.join(workspace, 'dist', 'plans', 'sales', 'plan.json'),
      '--out',
      out,
      '--artifact-url',
      'https://ci.example/1',
    );
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('## cxops plan — 1 environment(s)');
  });
});

describe('module commands', () => {
  it('keep a module README current with terraform-docs, validate it and lint it with tflint', async () => {
    const module = path.join(workspace, 'modules', 'greeting');
    await mkdir(module, { recursive: true });
    await writeFile(
      path.join(module, 'main.tf'),
      'variable "who" {\n  description = "Who to greet."\n  type        = string\n}\n\noutput "greeting" {\n  description = "The greeting."\n  value       = "hello ${var.who}"\n}\n',
    );
    await writeFile(
      path.join(module, 'README.md'),
      '# greeting\n\n<!-- BEGIN_TF_DOCS -->\n<!-- END_TF_DOCS -->\n',
    );
    const stale = await cli('docs', module, '--check');
    expect(stale.exitCode).toBe(1);
    expect(stale.stdout).toContain('README.md is stale');
    expect((await cli('docs', module)).exitCode).toBe(0);
    expect(await readFile(path.join(module, 'README.md'), 'utf8')).toContain(
      '| <a name="input_who"></a> [who](#input\\_who) | Who to greet. | `string` | n/a | yes |',
    );
    expect((await cli('docs', module, '--check')).exitCode).toBe(0);
    const validated = await cli('validate', module);
    expect(validated.exitCode, validated.stderr).toBe(0);
    const missingVersion = await cli('lint', module);
    expect(missingVersion.exitCode).toBe(1);
    expect(missingVersion.stdout).toContain(
      'terraform "required_version" attribute is required (terraform_required_version)',
    );
    await writeFile(path.join(module, 'versions.tf'), 'terraform {\n  required_version = ">= 1.10"\n}\n');
    const linted = await cli('lint', module);
    expect(linted.exitCode, linted.stdout + linted.stderr).toBe(0);
  });
});
