// Apply only what was reviewed. At merge the environment is planned again; that plan's digest is compared with
// the digest reviewed on the pull request (downloaded from the plan run). The same digest: that new plan is
// applied. A different one — the org changed outside code, or the merged code is not what was planned — and
// nothing is applied: the refusal names every difference (objects and attributes) and asks for a fresh review.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CxError, EXIT, writeFileAtomic } from '@cxops/core';
import {
  compareDigests,
  describeDifferences,
  digestIsIntact,
  type DigestDifference,
  type PlanDigest,
} from '@cxops/plan';
import { applyReviewedPlan, planEnvironment } from './environment-jobs.ts';
import { readDigests, readJsonFile } from './review.ts';
import { findRoot, planFolder, type OpenOptions } from './session.ts';

/** What the apply job learnt from GitHub about the merge (written by `cxops review find`). */
export interface ReviewedPull {
  format: 'cxops-reviewed-pull/1';
  /** The commit on main being applied. */
  commit: string;
  pullNumber?: number;
  /** The pull request's head when merged: the review must be of this commit. */
  headSha?: string;
  commentUrl?: string;
  /** The workflow run whose artifacts hold the reviewed digests. */
  runId?: string;
  /** Each environment's reviewed digest hash, as the PR comment shows it. */
  environments?: Record<string, { status: string; sha256?: string }>;
  /** Why there is no usable review (a direct push, no comment, a comment without a record). */
  problem?: string;
}

export const REVIEWED_PULL_FILE = 'reviewed-pull.json';

export interface GateOptions extends Omit<OpenOptions, 'backend'> {
  /** Folder of the reviewed digests (the plan run's artifacts, any depth). */
  reviewedDir: string;
  /** What the PR comment recorded; without it only the digests in reviewedDir are used (local runs). */
  pull?: ReviewedPull;
  summaryLimit: number;
}

export type GateOutcome = 'applied' | 'nothing-to-apply' | 'refused';

export interface GateResult {
  environment: string;
  outcome: GateOutcome;
  /** One sentence: why this outcome. */
  reason: string;
  reviewed?: { commit?: string; sha256: string };
  now: { commit?: string; sha256: string; changes: number };
  differences: DigestDifference[];
  /** The explanation for people (also written to dist/plans/<env>/gate.md). */
  markdown: string;
  /** The engine's report when applied. */
  output?: string;
}

/** Plans again and applies that plan only if it is the reviewed one; a refusal throws, naming the differences. */
export async function applyWhatWasReviewed(root: string, options: GateOptions): Promise<GateResult> {
  const result = await checkAgainstReview(root, options);
  const target = { target: options.target, env: options.env, envOverrides: options.envOverrides };
  if (result.outcome === 'applied') result.output = (await applyReviewedPlan(root, target)).output;
  return result;
}

/**
 * Plans the environment again (dist/plans/<env>/) and compares that plan's digest with the reviewed one. Its
 * outcome says what may happen next ('applied': the new plan may be applied); a refusal throws. `cxops apply
 * --reviewed` runs it as the plan step of a governed run and applies with the scheduler.
 */
export async function checkAgainstReview(root: string, options: GateOptions): Promise<GateResult> {
  const { identity } = await findRoot(root);
  const outDir = planFolder(identity);
  const environment = identity.environment!.name;
  const reviewed = await reviewedDigest(environment, options);

  const target = { target: options.target, env: options.env, envOverrides: options.envOverrides };
  await planEnvironment(root, { ...target, summaryLimit: options.summaryLimit });
  const now = await readJsonFile<PlanDigest>(path.join(outDir, 'digest.json'), 'the digest of the new plan');
  const base = {
    environment,
    reviewed: reviewed && { commit: reviewed.commit, sha256: reviewed.sha256 },
    now: { commit: now.commit, sha256: now.sha256, changes: now.changes.length },
  };

  let result: GateResult;
  if (now.changes.length === 0) {
    const reason = reviewed?.changes.length
      ? 'the plan made now has no changes (what was reviewed is already in place, or was undone): nothing to apply'
      : 'the plan has no changes: nothing to apply';
    result = { ...base, outcome: 'nothing-to-apply', reason, differences: [], markdown: '' };
  } else if (!reviewed) {
    result = refusal(base, noReviewReason(environment, options.pull), []);
  } else if (options.pull?.headSha && reviewed.commit !== options.pull.headSha) {
    result = refusal(
      base,
      `the review is of commit ${short(reviewed.commit)}, but pull request #${options.pull.pullNumber} was merged at ${short(options.pull.headSha)}: its last push was never planned`,
      [],
    );
  } else {
    const comparison = compareDigests(reviewed, now);
    result = comparison.same
      ? {
          ...base,
          outcome: 'applied',
          reason: 'the plan matches the reviewed digest',
          differences: [],
          markdown: '',
        }
      : refusal(base, 'the plan made now differs from the plan that was reviewed', comparison.differences);
  }
  result.markdown = gateMarkdown(result);
  await writeFileAtomic(path.join(outDir, 'gate.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (result.markdown) await writeFileAtomic(path.join(outDir, 'gate.md'), `${result.markdown}\n`);

  if (result.outcome === 'refused')
    throw new CxError({
      action: `apply ${environment}`,
      reason: `${result.reason}; nothing was applied`,
      where: path.join(outDir, 'gate.md'),
      fix: freshReviewFix(environment),
      output: result.differences.length ? describeDifferences(result.differences).join('\n') : undefined,
      exitCode: EXIT.failure,
    });
  return result;
}

/** What `cxops review find` wrote into the reviewed folder, when it is there (local runs have only digests). */
export async function readReviewedPull(reviewedDir: string): Promise<ReviewedPull | undefined> {
  const pullFile = path.join(reviewedDir, REVIEWED_PULL_FILE);
  if (!existsSync(pullFile)) return undefined;
  const pull = await readJsonFile<ReviewedPull>(pullFile, 'what `cxops review find` recorded');
  if (pull.format !== 'cxops-reviewed-pull/1')
    throw new CxError({
      action: 'read the reviewed pull request',
      reason: 'the file was not written by `cxops review find`',
      where: pullFile,
    });
  return pull;
}

async function reviewedDigest(environment: string, options: GateOptions): Promise<PlanDigest | undefined> {
  const recorded = options.pull?.environments?.[environment];
  // The PR comment is what reviewers saw: an environment it does not show as planned was not reviewed.
  if (options.pull && (options.pull.problem || recorded?.status !== 'planned')) return undefined;
  const found = (await readDigests(options.reviewedDir)).get(environment);
  if (!found) return undefined;
  const expectSha256 = recorded?.sha256;
  const { file, digest } = found;
  if (!digestIsIntact(digest))
    throw new CxError({
      action: `check the reviewed digest of ${environment}`,
      reason: 'its content does not match its sha256: the file was changed after the plan wrote it',
      where: file,
      fix: 'download the plan run’s artifact again; if it is still wrong, plan the pull request again',
    });
  if (expectSha256 && digest.sha256 !== expectSha256)
    throw new CxError({
      action: `check the reviewed digest of ${environment}`,
      reason: `its sha256 ${short(digest.sha256)} is not the ${short(expectSha256)} the PR comment shows`,
      where: file,
      fix: 'download the artifact of the plan run the PR comment names',
    });
  return digest;
}

function noReviewReason(environment: string, pull?: ReviewedPull): string {
  if (pull?.problem) return `no reviewed plan: ${pull.problem}`;
  const status = pull?.environments?.[environment]?.status;
  if (pull && status && status !== 'planned')
    return `pull request #${pull.pullNumber} shows no reviewed plan of ${environment} (its plan ${status === 'failed' ? 'failed' : 'left no result'})`;
  if (pull) return `pull request #${pull.pullNumber} did not plan ${environment}`;
  return 'no reviewed plan exists for this environment';
}

function refusal(
  base: Omit<GateResult, 'outcome' | 'reason' | 'differences' | 'markdown'>,
  reason: string,
  differences: DigestDifference[],
): GateResult {
  return { ...base, outcome: 'refused', reason, differences, markdown: '' };
}

function gateMarkdown(result: GateResult): string {
  if (result.outcome !== 'refused') return '';
  const lines = [
    `### cxops apply — ${result.environment}: ⛔ not applied`,
    '',
    `Nothing was applied to **${result.environment}**: ${result.reason}.`,
    '',
    `Reviewed: ${result.reviewed ? `digest \`${short(result.reviewed.sha256)}\` of commit \`${short(result.reviewed.commit)}\`` : 'nothing'}. At merge: digest \`${short(result.now.sha256)}\` of commit \`${short(result.now.commit)}\` (${result.now.changes} change(s)).`,
  ];
  if (result.differences.length)
    lines.push('', '**What differs from the review:**', '', ...describeDifferences(result.differences));
  const fix = freshReviewFix(result.environment);
  lines.push('', `**A fresh review is needed.** ${fix[0]!.toUpperCase()}${fix.slice(1)}.`);
  return lines.join('\n');
}

function freshReviewFix(environment: string): string {
  return `open a follow-up pull request that touches environments/${environment}/ (a comment in its main.tf saying why is enough): the plan workflow then shows what applying would do to the org as it is now, and merging it after review applies exactly that`;
}

const short = (sha?: string) => (sha ? sha.slice(0, 12) : 'unknown');
