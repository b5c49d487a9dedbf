// What a plan leaves for review besides its summary: the digest of its changes (digest.json) and its share of
// the PR comment (review.json), both safe to upload. Written after every plan of an environment; a plan that
// fails leaves a review.json that says so, so the comment can mark it.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { CxError, redactSecrets, run, secretValuesOf, workspaceRoot, writeFileAtomic } from '@cxops/core';
import type { RootIdentity } from '@cxops/layout';
import {
  digestPlan,
  failedPart,
  plannedPart,
  type PlanDigest,
  type PolicyReport,
  type ReviewPart,
} from '@cxops/plan';
import { loadEnvironmentPlans } from './plans.ts';

/**
 * The files of dist/plans/<env>/ that may leave the runner (the plan workflow uploads exactly these). tfplan,
 * plan.json and drift.json hold sensitive values and never do.
 */
export const REVIEW_FILES = ['summary.md', 'policy.json', 'digest.json', 'review.json'] as const;

/** The commit a plan is reviewed for: the pull request's head in CI (CXOPS_REVIEW_COMMIT), else git's HEAD. */
export async function reviewCommit(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const given = env.CXOPS_REVIEW_COMMIT?.trim();
  if (given) return given;
  const head = await run('git', ['rev-parse', 'HEAD'], { cwd: workspaceRoot() }).catch(() => undefined);
  return head?.exitCode === 0 ? head.stdout.trim() : undefined;
}

/** Runs a plan and records its digest and review part; a failed plan records a failed part, then rethrows. */
export async function withReviewRecord<T extends { jsonFile: string; report: PolicyReport; summary: string }>(
  identity: RootIdentity,
  outDir: string,
  plan: () => Promise<T>,
): Promise<T> {
  const environment = identity.environment!.name;
  const knownSecrets = secretValuesOf();
  const commit = await reviewCommit();
  let result: T;
  try {
    result = await plan();
  } catch (error) {
    if (error instanceof CxError) {
      // What an older plan left must not pass for this one's.
      for (const file of ['summary.md', 'policy.json', 'digest.json'])
        await rm(path.join(outDir, file), { force: true });
      const part = failedPart(environment, failureOf(error), { commit, knownSecrets });
      await writeJson(path.join(outDir, 'review.json'), part);
    }
    throw error;
  }
  // The summary and findings describe values the plan holds in clear: credential-shaped ones are hidden
  // before anything can upload them.
  for (const file of ['summary.md', 'policy.json']) await redactFile(path.join(outDir, file), knownSecrets);
  result.summary = redactSecrets(result.summary, { known: knownSecrets });
  const [input] = await loadEnvironmentPlans([result.jsonFile]);
  const digest = digestPlan(environment, input!.plan, { commit, knownSecrets });
  await writeJson(path.join(outDir, 'digest.json'), digest);
  const part = plannedPart(environment, input!.plan, result.report.findings, digest, {
    commit,
    knownSecrets,
  });
  await writeJson(path.join(outDir, 'review.json'), part);
  return result;
}

/** The error's action and reason, with the engine's own error headline (never its detail lines, which may quote values). */
function failureOf(error: CxError): { action: string; reason: string } {
  const headline = /^[\s│╷]*Error: (.+)$/m.exec(error.details.output ?? '')?.[1]?.trim();
  const { action, reason } = error.details;
  return { action, reason: headline ? `${reason}: ${headline}` : reason };
}

async function redactFile(file: string, known: readonly string[]): Promise<void> {
  if (!existsSync(file)) return;
  const text = await readFile(file, 'utf8');
  const clean = redactSecrets(text, { known });
  if (clean !== text) await writeFileAtomic(file, clean);
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Every file called `name` below `dir` (artifacts land in one folder per artifact, or merged). */
export async function filesNamed(dir: string, name: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name === name)
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Reads a JSON file written by cxops, with an error naming the file when it is not. */
export async function readJsonFile<T>(file: string, what: string): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    throw new CxError({
      action: `read ${what}`,
      reason: error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : 'it cannot be read',
      where: file,
      fix: 'download the artifact again, or plan again: these files are written by `cxops plan`',
    });
  }
}

export async function readReviewParts(dir: string): Promise<ReviewPart[]> {
  const parts: ReviewPart[] = [];
  for (const file of await filesNamed(dir, 'review.json')) {
    const part = await readJsonFile<ReviewPart>(file, 'a review part');
    if (part?.format !== 'cxops-review-part/1' || typeof part.environment !== 'string')
      throw new CxError({
        action: 'read a review part',
        reason: 'it is not a review part written by `cxops plan` (no format cxops-review-part/1)',
        where: file,
        fix: 'pass the folder the plan jobs’ artifacts were downloaded to',
      });
    parts.push(part);
  }
  return parts;
}

export async function readDigests(dir: string): Promise<Map<string, { file: string; digest: PlanDigest }>> {
  const found = new Map<string, { file: string; digest: PlanDigest }>();
  for (const file of await filesNamed(dir, 'digest.json')) {
    const digest = await readJsonFile<PlanDigest>(file, 'a plan digest');
    if (digest?.format !== 'cxops-plan-digest/1' || typeof digest.environment !== 'string')
      throw new CxError({
        action: 'read a plan digest',
        reason: 'it is not a digest written by `cxops plan` (no format cxops-plan-digest/1)',
        where: file,
        fix: 'pass the folder the plan jobs’ artifacts were downloaded to',
      });
    const seen = found.get(digest.environment);
    if (seen)
      throw new CxError({
        action: `choose the reviewed digest of ${digest.environment}`,
        reason: `two digests name it: ${seen.file} and ${file}`,
        fix: 'download the artifacts of one plan run only',
      });
    found.set(digest.environment, { file, digest });
  }
  return found;
}
