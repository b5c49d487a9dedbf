// Loads a plan JSON file in one streaming pass: the file is never held as one string, and each top-level
// key is assembled once. Bad input (not JSON, truncated, not a plan, a format version we do not read) gets
// an error naming the file and the fix; nothing is guessed.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import streamObject from 'stream-json/streamers/stream-object.js';
import { CxError } from '@cxops/core';
import type { PlanJson } from './model.ts';

/** Plan JSON format versions this loader understands (Terraform/OpenTofu keep 1.x backwards compatible). */
export const SUPPORTED_FORMAT_MAJOR = 1;

export interface LoadedPlan {
  file: string;
  plan: PlanJson;
}

export async function loadPlan(file: string): Promise<LoadedPlan> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    throw new CxError({
      action: `read the plan ${file}`,
      reason: 'the file does not exist',
      fix: 'run the plan target first (`tofu show -json tfplan > plan.json`)',
    });
  }
  if (info.size === 0) {
    throw new CxError({
      action: `read the plan ${file}`,
      reason: 'the file is empty',
      where: file,
      fix: 'regenerate it with `tofu show -json tfplan`; an interrupted run leaves empty files',
    });
  }
  const plan: Record<string, unknown> = {};
  try {
    await pipeline(
      createReadStream(file),
      streamObject.withParserAsStream(),
      new Writable({
        objectMode: true,
        write(item: { key: string; value: unknown }, _encoding, done) {
          plan[item.key] = item.value;
          done();
        },
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CxError({
      action: `read the plan ${file}`,
      reason: `it is not complete, valid JSON (${message})`,
      where: file,
      fix: 'regenerate it with `tofu show -json tfplan > plan.json`; a truncated file usually means the run was interrupted or the disk filled up',
    });
  }
  return { file, plan: checkPlan(file, plan) };
}

function checkPlan(file: string, value: Record<string, unknown>): PlanJson {
  const version = value.format_version;
  if (typeof version !== 'string') {
    throw new CxError({
      action: `read the plan ${file}`,
      reason: 'it has no format_version, so it is not the JSON of a plan',
      where: file,
      fix: 'pass the output of `tofu show -json <planfile>` (not the plan file itself, not `tofu plan` text, not a state file)',
    });
  }
  const major = Number(version.split('.')[0]);
  if (major !== SUPPORTED_FORMAT_MAJOR) {
    throw new CxError({
      action: `read the plan ${file}`,
      reason: `its format_version is ${version}; cxops reads ${SUPPORTED_FORMAT_MAJOR}.x`,
      where: `${file}: format_version`,
      fix: 'render it with OpenTofu 1.10+ or Terraform 1.10+, or upgrade cxops',
    });
  }
  if (value.resource_changes !== undefined && !Array.isArray(value.resource_changes)) {
    throw new CxError({
      action: `read the plan ${file}`,
      reason: 'resource_changes is not a list',
      where: `${file}: resource_changes`,
      fix: 'regenerate the file with `tofu show -json`',
    });
  }
  return value as unknown as PlanJson;
}

/** For tests and small in-memory uses: the same checks on an already parsed value. */
export function planFromValue(value: unknown, label = '<memory>'): PlanJson {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CxError({
      action: `read the plan ${label}`,
      reason: 'it is not a JSON object',
      fix: 'pass the output of `tofu show -json <planfile>`',
    });
  }
  return checkPlan(label, value as Record<string, unknown>);
}
