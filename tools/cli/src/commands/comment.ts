// `cxops comment`: put the summary on the pull request as ONE comment, updated on every push.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CxError, redactSecrets } from '@cxops/core';
import { emit } from '../output.ts';

export function registerComment(program: Command): void {
  program
    .command('comment')
    .description(
      'Create or update the one sticky cxops comment on the current pull request (GitHub Actions context)',
    )
    .requiredOption('--body-file <file>', 'markdown to post (e.g. the output of `cxops summarize --out`)')
    .option(
      '--name <name>',
      'which cxops comment this is (plan-summary, drift, …); each name has its own comment',
      'plan-summary',
    )
    .option('--pr <number>', 'the pull request to comment on, when the event is not one (a push to main)')
    .addHelpText(
      'after',
      '\nReads GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_TOKEN and GITHUB_API_URL, as GitHub Actions sets them.',
    )
    .action(async (opts: { bodyFile: string; name: string; pr?: string }, command: Command) => {
      const {
        createOctokit,
        readPullRequestContext,
        readRepositoryContext,
        stickyMarker,
        upsertStickyComment,
      } = await import('@cxops/github');
      const body = await readFile(opts.bodyFile, 'utf8').catch(() => {
        throw new CxError({
          action: 'post the PR comment',
          reason: `${opts.bodyFile} cannot be read`,
          fix: 'run `npx cxops summarize … --out <file>` first',
        });
      });
      const context = opts.pr
        ? { ...readRepositoryContext(), pullNumber: Number(opts.pr) }
        : readPullRequestContext();
      const result = await upsertStickyComment({
        octokit: createOctokit({ token: context.token, baseUrl: context.baseUrl }),
        owner: context.owner,
        repo: context.repo,
        pullNumber: context.pullNumber,
        // Whatever wrote the file, nothing shaped like a credential is posted.
        body: redactSecrets(body),
        marker: stickyMarker(opts.name),
      });
      emit(command, result, () => `Comment ${result.action}: ${result.url}`);
    });
}
