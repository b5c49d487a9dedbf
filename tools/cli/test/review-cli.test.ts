// The plan workflow's last job and the apply job's first, as their steps run them: `cxops review assemble` over
// downloaded artifacts, `cxops comment` to the GitHub stand-in, and `cxops review find` reading it back at merge.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import {
  digestPlan,
  evaluatePolicies,
  failedPart,
  plannedPart,
  type PlanJson,
  type ReviewPart,
} from '@cxops/plan';
import { tempDir } from '@cxops/test-support/paths';
import { FIXTURE, OWNER, PR, REPO, TOKEN, useGitHubStandIn } from '../../github/test/stand-in/harness.ts';
import { plan, queue, rc } from '../../plan/test/crafted.ts';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');
const HEAD = 'a1'.repeat(20);
const MERGE = 'b2'.repeat(20);
const gh = useGitHubStandIn({
  ...FIXTURE,
  merged: [{ repo: `${OWNER}/${REPO}`, number: PR, headSha: HEAD, mergeCommitSha: MERGE }],
});

const salesPlan: PlanJson = plan([
  rc(
    'genesyscloud_routing_queue',
    'Sales',
    ['update'],
    queue('Sales'),
    queue('Sales', { acw_timeout_ms: 60000 }),
  ),
]);

function part(environment: string, p: PlanJson): ReviewPart {
  const { findings } = evaluatePolicies([{ environment, plan: p }]);
  return plannedPart(environment, p, findings, digestPlan(environment, p, { commit: HEAD }), {
    commit: HEAD,
  });
}

/** Parts laid out as actions/download-artifact leaves them: one folder per artifact. */
async function downloadedParts(parts: ReviewPart[]): Promise<string> {
  const dir = await tempDir();
  for (const p of parts) {
    await mkdir(path.join(dir, `plan-review-${p.environment}`), { recursive: true });
    await writeFile(path.join(dir, `plan-review-${p.environment}`, 'review.json'), JSON.stringify(p));
  }
  return dir;
}

async function actionsEnv(event: object = { pull_request: { number: PR } }): Promise<NodeJS.ProcessEnv> {
  const file = path.join(await tempDir(), 'event.json');
  await writeFile(file, JSON.stringify(event));
  return {
    ...process.env,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_PATH: file,
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: gh.base,
  };
}

describe('cxops review assemble → comment → review find', () => {
  it('assembles the parts (a failed one marked), posts the comment, and finds the review at merge', async () => {
    const parts = await downloadedParts([
      part('sales', salesPlan),
      failedPart('billing', { action: 'plan billing', reason: 'tofu plan exited with code 1' }),
    ]);
    const out = path.join(parts, 'comment.md');
    const assembled = await run(cxops, [
      'review',
      'assemble',
      '--parts',
      parts,
      '--environments',
      'org,billing,sales',
      '--commit',
      HEAD,
      '--run-id',
      '4242',
      '--out',
      out,
      '--json',
    ]);
    expect(assembled.exitCode, assembled.stderr).toBe(0);
    expect(JSON.parse(assembled.stdout)).toMatchObject({ parts: 2, partial: true, passed: false });
    const body = await readFile(out, 'utf8');
    expect(body).toContain('| org | — | — | — | — | ❌ no result | — |');
    expect(body).toContain('| billing | — | — | — | — | ❌ plan failed | — |');

    const env = await actionsEnv();
    const posted = await run(cxops, ['comment', '--body-file', out], { env });
    expect(posted.exitCode, posted.stderr).toBe(0);
    expect(gh.comments()).toHaveLength(1);

    const reviewed = await tempDir();
    const found = await run(cxops, ['review', 'find', '--commit', MERGE, '--out', reviewed], { env });
    expect(found.exitCode, found.stderr).toBe(0);
    expect(found.stdout.trim().split('\n')).toEqual([
      'found=true',
      `pr=${PR}`,
      `head=${HEAD}`,
      'run-id=4242',
    ]);
    const written = JSON.parse(await readFile(path.join(reviewed, 'reviewed-pull.json'), 'utf8'));
    expect(written).toMatchObject({
      commit: MERGE,
      pullNumber: PR,
      headSha: HEAD,
      runId: '4242',
      environments: {
        sales: { status: 'planned', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        billing: { status: 'failed' },
        org: { status: 'missing' },
      },
    });
  });

  it('finds no review for a direct push, and ignores a look-alike comment someone else wrote', async () => {
    const env = await actionsEnv({});
    const reviewed = await tempDir();
    const direct = await run(
      cxops,
      ['review', 'find', '--commit', 'c3'.repeat(20), '--out', reviewed, '--json'],
      {
        env,
      },
    );
    expect(JSON.parse(direct.stdout)).toMatchObject({
      problem: expect.stringContaining('did not come from a merged pull request'),
    });

    const body = path.join(await tempDir(), 'fake.md');
    await writeFile(
      body,
      '<!-- cxops:plan-summary -->\n<!-- cxops:reviewed {"format":"cxops-reviewed/1","environments":{}} -->',
    );
    gh.standIn.store.create(`${OWNER}/${REPO}`, PR, await readFile(body, 'utf8'), 'octocat');
    const lookAlike = await run(cxops, ['review', 'find', '--commit', MERGE, '--out', reviewed, '--json'], {
      env,
    });
    expect(JSON.parse(lookAlike.stdout)).toMatchObject({
      pullNumber: PR,
      problem: `pull request #${PR} has no plan comment from the workflow`,
    });
  });

  it('posts to a pull request named with --pr when the event is a push (the apply refusal)', async () => {
    const env = await actionsEnv({ ref: 'refs/heads/main' });
    const body = path.join(await tempDir(), 'refusal.md');
    await writeFile(body, '## cxops apply — not everything was applied\n');
    const posted = await run(cxops, ['comment', '--pr', String(PR), '--name', 'apply', '--body-file', body], {
      env,
    });
    expect(posted.exitCode, posted.stderr).toBe(0);
    expect(gh.comments().map((c) => c.body.split('\n')[0])).toEqual(['<!-- cxops:apply -->']);
  });
});
