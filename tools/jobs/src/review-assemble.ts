// The last job of the plan matrix: every environment's part (downloaded artifacts) becomes the one PR comment.
// Cross-root policies (two roots managing one object) need every environment at once, so they run here, over
// the identities each part carries, with each environment's own settings and overrides.
import path from 'node:path';
import { secretValuesOf, redactSecrets, workspaceRoot } from '@cxops/core';
import { ENVIRONMENTS_DIR } from '@cxops/layout';
import {
  assembleReviewComment,
  evaluatePolicies,
  loadPolicyConfig,
  managedObjectsAsPlan,
  RULES,
  type EnvironmentPlan,
  type ReviewComment,
  type ReviewPart,
} from '@cxops/plan';
import { readReviewParts } from './review.ts';

export interface AssembleOptions {
  /** Folder of the downloaded parts (any depth). */
  partsDir: string;
  /** The environments the matrix planned, in order. */
  expected: string[];
  limit: number;
  commit?: string;
  runId?: string;
  runUrl?: string;
}

export async function assembleReview(options: AssembleOptions): Promise<ReviewComment & { parts: number }> {
  const parts = await readReviewParts(options.partsDir);
  const comment = assembleReviewComment(parts, {
    expected: options.expected,
    limit: options.limit,
    commit: options.commit,
    runId: options.runId,
    runUrl: options.runUrl,
    crossRootFindings: await crossRootFindings(parts),
  });
  // Parts are redacted when written; this is the net for one written by something else.
  const markdown = redactSecrets(comment.markdown, { known: secretValuesOf() });
  return { ...comment, markdown, parts: parts.length };
}

async function crossRootFindings(parts: ReviewPart[]) {
  const inputs: EnvironmentPlan[] = [];
  for (const part of parts) {
    if (part.status !== 'planned') continue;
    const config = await loadPolicyConfig(path.join(workspaceRoot(), ENVIRONMENTS_DIR, part.environment));
    inputs.push({ environment: part.environment, plan: managedObjectsAsPlan(part), config });
  }
  return evaluatePolicies(
    inputs,
    RULES.filter((rule) => rule.checkAll),
  ).findings;
}
