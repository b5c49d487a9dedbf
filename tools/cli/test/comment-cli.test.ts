// `cxops comment` as a workflow step runs it: Actions variables, an event file, the GitHub stand-in.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, workspaceRoot } from '@cxops/core';
import { OWNER, PR, REPO, TOKEN, useGitHubStandIn } from '../../github/test/stand-in/harness.ts';
import { tempDir } from '@cxops/test-support/paths';

const cxops = path.join(workspaceRoot(), 'node_modules', '.bin', 'cxops');
const gh = useGitHubStandIn();

async function actionsEnv(): Promise<NodeJS.ProcessEnv> {
  const dir = await tempDir();
  const event = path.join(dir, 'event.json');
  await writeFile(event, JSON.stringify({ pull_request: { number: PR } }));
  return {
    ...process.env,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_EVENT_PATH: event,
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: gh.base,
  };
}

describe('cxops comment', () => {
  it('creates the sticky comment, then updates the same one on the next push', async () => {
    const env = await actionsEnv();
    const body = path.join(await tempDir(), 'summary.md');
    await writeFile(body, '## cxops plan — first push\n');
    const first = await run(cxops, ['comment', '--body-file', body, '--json'], { env });
    expect(first.exitCode, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ action: 'created' });

    await writeFile(body, '## cxops plan — second push\n');
    const second = await run(cxops, ['comment', '--body-file', body, '--json'], { env });
    expect(JSON.parse(second.stdout)).toMatchObject({
      action: 'updated',
      commentId: JSON.parse(first.stdout).commentId,
    });
    expect(gh.comments().map((c) => c.body)).toEqual([expect.stringContaining('second push')]);
  });

  it('says which Actions variable is missing, without printing the token', async () => {
    const env = await actionsEnv();
    delete env.GITHUB_EVENT_PATH;
    const body = path.join(await tempDir(), 'summary.md');
    await writeFile(body, 'x');
    const result = await run(cxops, ['comment', '--body-file', body], { env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('GITHUB_EVENT_PATH');
    expect(result.stderr + result.stdout).not.toContain(TOKEN);
  });
});
