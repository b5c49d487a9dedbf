// `cxops review`: the plan workflow's last job (assemble the one comment from every environment's part), and
// the apply job's gate (find what the merged pull request reviewed; apply an environment only if its plan
// now is that plan).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '@cxops/core';
import type { ReviewedPull } from '@cxops/jobs';
import { emit } from '../output.ts';
import { SUMMARY_LIMIT } from '../summary-limit.ts';

const list = (value: string) =>
  value
    .split(/[,\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);

export function registerReview(program: Command): void {
  const review = program
    .command('review')
    .description('Assemble the plan review comment, and apply at merge only what was reviewed');

  review
    .command('assemble')
    .description("Build the one PR comment from every environment's review part (the plan jobs' artifacts)")
    .requiredOption('--parts <dir>', 'folder the review parts were downloaded to (any depth)')
    .option('--environments <list>', 'the environments the plan jobs ran for, in order (comma-separated)', '')
    .option('--out <file>', 'write the markdown here (default: print it)')
    .option('--commit <sha>', 'the commit that was planned (the pull request head)')
    .option('--run-id <id>', 'this workflow run, where the apply job finds the digests')
    .option('--run-url <url>', 'this workflow run, linked for logs and the full summaries')
    .action(
      async (
        opts: {
          parts: string;
          environments: string;
          out?: string;
          commit?: string;
          runId?: string;
          runUrl?: string;
        },
        command: Command,
      ) => {
        const { assembleReview } = await import('@cxops/jobs');
        const result = await assembleReview({
          partsDir: opts.parts,
          expected: list(opts.environments),
          limit: SUMMARY_LIMIT,
          commit: opts.commit,
          runId: opts.runId,
          runUrl: opts.runUrl,
        });
        if (opts.out) await writeFileAtomic(opts.out, `${result.markdown}\n`);
        emit(
          command,
          {
            out: opts.out,
            parts: result.parts,
            partial: result.partial,
            passed: result.passed,
            truncated: result.truncated,
            record: result.record,
          },
          () =>
            opts.out
              ? `Comment written to ${opts.out} from ${result.parts} part(s)${result.partial ? ' — partial: some environments have no plan' : ''}.`
              : result.markdown,
        );
      },
    );

  review
    .command('find')
    .description(
      'Find the merged pull request of a commit on main and the review its comment records (GitHub Actions context)',
    )
    .requiredOption('--commit <sha>', 'the commit being applied (GITHUB_SHA of the push)')
    .requiredOption('--out <dir>', 'folder to write reviewed-pull.json into (the apply job reads it)')
    .addHelpText(
      'after',
      '\nPrints key=value lines (pr, head, run-id, found) for $GITHUB_OUTPUT. Reads GITHUB_REPOSITORY, GITHUB_TOKEN, GITHUB_API_URL.',
    )
    .action(async (opts: { commit: string; out: string }, command: Command) => {
      const { createOctokit, findMergedPullRequest, readRepositoryContext } = await import('@cxops/github');
      const { REVIEWED_PULL_FILE } = await import('@cxops/jobs');
      const { parseReviewedRecord } = await import('@cxops/plan');
      const context = readRepositoryContext();
      const pull = await findMergedPullRequest({
        octokit: createOctokit({ token: context.token, baseUrl: context.baseUrl }),
        owner: context.owner,
        repo: context.repo,
        commit: opts.commit,
      });
      const record = pull?.commentBody ? parseReviewedRecord(pull.commentBody) : undefined;
      const found: ReviewedPull = {
        format: 'cxops-reviewed-pull/1',
        commit: opts.commit,
        ...(pull ? { pullNumber: pull.number, headSha: pull.headSha, commentUrl: pull.commentUrl } : {}),
        ...(record ? { runId: record.runId, environments: record.environments } : {}),
      };
      if (!pull) found.problem = `commit ${opts.commit.slice(0, 12)} did not come from a merged pull request`;
      else if (!pull.commentBody)
        found.problem = `pull request #${pull.number} has no plan comment from the workflow`;
      else if (!record) found.problem = `the plan comment of pull request #${pull.number} records no review`;
      await mkdir(opts.out, { recursive: true });
      await writeFileAtomic(path.join(opts.out, REVIEWED_PULL_FILE), `${JSON.stringify(found, null, 2)}\n`);
      emit(command, found, () =>
        [
          `found=${found.problem ? 'false' : 'true'}`,
          `pr=${found.pullNumber ?? ''}`,
          `head=${found.headSha ?? ''}`,
          `run-id=${found.runId ?? ''}`,
        ].join('\n'),
      );
    });

  review
    .command('apply')
    .description(
      'Plan an environment again and apply that plan only if its digest equals the reviewed one; else refuse and explain',
    )
    .argument('<root>', 'environments/<department> or a department name')
    .requiredOption(
      '--reviewed <dir>',
      'folder of the reviewed digests (and reviewed-pull.json, from `review find`)',
    )
    .action(async (root: string, opts: { reviewed: string }, command: Command) => {
      const { applyWhatWasReviewed, readReviewedPull } = await import('@cxops/jobs');
      const pull = await readReviewedPull(opts.reviewed);
      const result = await applyWhatWasReviewed(root, {
        reviewedDir: opts.reviewed,
        pull,
        summaryLimit: SUMMARY_LIMIT,
      });
      emit(command, result, () =>
        result.outcome === 'applied'
          ? `${result.environment}: the plan matches the review (${result.now.sha256.slice(0, 12)}); applied.\n${result.output?.trimEnd() ?? ''}`
          : `${result.environment}: ${result.reason}.`,
      );
    });
}
