// The workflows' guarantees, read from the YAML itself (actionlint checks the syntax: workflows.integration):
// least privilege per job, OIDC for the state bucket, no secrets for pull requests from forks, the plan matrix
// and its one comment, nothing sensitive uploaded, and apply only through the reviewed-digest gate.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceRoot } from '@cxops/core';
import { REVIEW_FILES } from '@cxops/jobs';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string> | string;
  environment?: string;
  env?: Record<string, string>;
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean };
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  jobs: Record<string, Job>;
}

const dir = path.join(workspaceRoot(), '.github', 'workflows');
const workflows: Record<string, Workflow> = Object.fromEntries(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => [f, parse(readFileSync(path.join(dir, f), 'utf8')) as Workflow]),
);
const plan = workflows['plan.yml']!;
const apply = workflows['apply.yml']!;
const text = (job: Job) => JSON.stringify(job);
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');
const FORK_GUARD = 'github.event.pull_request.head.repo.full_name == github.repository';

describe('every workflow', () => {
  for (const [file, workflow] of Object.entries(workflows)) {
    it(`${file}: grants nothing beyond reading at the top; each job asks for what it needs`, () => {
      expect(workflow.permissions, file).toBeDefined();
      for (const [name, level] of Object.entries(workflow.permissions ?? {}))
        expect(`${name}: ${level}`, file).toMatch(/: (read|none)$/);
    });

    it(`${file}: reaches the state bucket through OIDC only (role-to-assume, id-token where needed)`, () => {
      for (const [name, job] of Object.entries(workflow.jobs)) {
        const aws = job.steps.filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
        for (const step of aws) {
          expect(step.with?.['role-to-assume'], `${file} ${name}`).toBe('${{ vars.CXOPS_STATE_ROLE_ARN }}');
          expect(step.with, `${file} ${name}`).not.toHaveProperty('aws-access-key-id');
        }
        const idToken =
          (typeof job.permissions === 'object' && job.permissions['id-token']) ||
          workflow.permissions?.['id-token'];
        expect(idToken === 'write', `${file} ${name}: id-token: write only with the AWS step`).toBe(
          aws.length > 0,
        );
      }
    });
  }

  it('never runs pull request code with secrets: no pull_request_target, fork guard on every job that reads secrets', () => {
    for (const [file, workflow] of Object.entries(workflows)) {
      expect(Object.keys(workflow.on), file).not.toContain('pull_request_target');
      if (!('pull_request' in workflow.on)) continue;
      for (const [name, job] of Object.entries(workflow.jobs))
        if (/secrets\.|pull-requests.*write/.test(text(job)))
          expect(job.if ?? '', `${file} ${name}`).toContain(FORK_GUARD);
    }
  });
});

describe('plan.yml', () => {
  it('computes the affected environments first and plans each in its own job (a matrix that does not fail fast)', () => {
    const affected = plan.jobs.affected!;
    expect(runs(affected)).toContain(
      'npx cxops affected --base "origin/${GITHUB_BASE_REF}" --head HEAD --matrix',
    );
    expect(affected.outputs?.matrix).toBe('${{ steps.affected.outputs.matrix }}');
    expect(affected.permissions).toEqual({ contents: 'read' });
    const job = plan.jobs.plan!;
    expect(job.needs).toBe('affected');
    expect(job.strategy).toEqual({
      'fail-fast': false,
      matrix: '${{ fromJSON(needs.affected.outputs.matrix) }}',
    });
    expect(runs(job)).toContain('npx cxops plan "$ENVIRONMENT"');
    expect(job.env?.CXOPS_REVIEW_COMMIT).toBe('${{ github.event.pull_request.head.sha }}');
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });

  it('uploads exactly the review files of its environment — never tfplan, plan.json or drift.json', () => {
    const uploads = plan.jobs.plan!.steps.filter((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(uploads).toHaveLength(1);
    const paths = uploads[0]!.with!.path!.trim().split('\n');
    expect(paths).toEqual(REVIEW_FILES.map((f) => `dist/plans/\${{ matrix.environment }}/${f}`));
    expect(uploads[0]!.if).toBe('always()');
  });

  it('assembles ONE comment from every part, even when some plans failed', () => {
    const job = plan.jobs.comment!;
    expect(job.needs).toEqual(['affected', 'plan']);
    expect(job.if).toMatch(/^always\(\) && needs\.affected\.result == 'success'/);
    expect(runs(job)).toContain(
      'npx cxops review assemble --parts dist/review --environments "$ENVIRONMENTS"',
    );
    expect(runs(job)).toContain('npx cxops comment --body-file dist/review/comment.md');
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(text(job)).not.toContain('secrets.');
  });

  it('keeps one run per pull request (a new push cancels the old run)', () => {
    expect(plan.concurrency).toEqual({
      group: 'plan-${{ github.event.pull_request.number }}',
      'cancel-in-progress': true,
    });
  });

  it('tells a fork why nothing is planned, with no permissions at all', () => {
    expect(plan.jobs.fork).toMatchObject({
      if: 'github.event.pull_request.head.repo.full_name != github.repository',
      permissions: {},
    });
  });
});

describe('apply.yml', () => {
  it('applies only through the reviewed-digest gate, behind the production environment', () => {
    const job = apply.jobs.apply!;
    expect(job.environment).toBe('production');
    expect(runs(job)).toContain('npx cxops apply $ENVIRONMENTS --reviewed dist/reviewed');
    for (const workflow of Object.values(workflows))
      for (const [name, other] of Object.entries(workflow.jobs)) {
        if (other === job) continue;
        expect(runs(other), name).not.toMatch(/npx cxops (review )?apply\b|-t apply\b/);
      }
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write', actions: 'read' });
  });

  it('finds the merged pull request and downloads the digests of the run its comment names', () => {
    expect(runs(apply.jobs.review!)).toContain(
      'npx cxops review find --commit "$GITHUB_SHA" --out dist/reviewed',
    );
    const download = apply.jobs.apply!.steps.find((s) => s.with?.['run-id']);
    expect(download?.with).toMatchObject({
      pattern: 'plan-review-*',
      'run-id': '${{ needs.review.outputs.run-id }}',
      path: 'dist/reviewed',
    });
  });

  it('tells the pull request when something was refused', () => {
    const report = apply.jobs.report!;
    expect(report.if).toBe("failure() && needs.review.outputs.pr != ''");
    expect(runs(report)).toContain('npx cxops comment --pr "$PR" --name apply');
    expect(text(report)).not.toContain('secrets.');
  });
});
