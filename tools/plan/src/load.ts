// Loads a plan JSON file, the fastest way for its size: read whole and parsed with JSON.parse, or, for files
// too large to hold as one string, streamed. Bad input (not JSON, truncated, not a plan, a format version we
// do not read) gets an error naming the file and the fix; nothing is guessed.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { CxError } from '@cxops/core';
import type { PlanJson } from './model.ts';

/** Plan JSON format versions this loader understands (Terraform/OpenTofu keep 1.x backwards compatible). */
export const SUPPORTED_FORMAT_MAJOR = 1;

/**
 * Plans of this size or larger are streamed; smaller ones are read whole. Measured with
 * tools/plan/bench/load-bench.ts: JSON.parse is 4–8× faster than the streamed parser at every size from 1 MB
 * to 250 MB, and its peak memory is no higher (both build the same whole plan, which dominates). But V8
 * cannot hold a string longer than 512 Mi characters, and the text costs its size again (twice for non-Latin
 * text) while it is parsed: above 256 MiB the plan is streamed.
 */
export const STREAM_FROM_BYTES = 256 * 1024 * 1024;

export interface LoadOptions {
  /** Stream files of at least this many bytes (default STREAM_FROM_BYTES); 0 always streams. */
  streamFrom?: number;
}

export interface LoadedPlan {
  file: string;
  plan: PlanJson;
  /** How the file was read: whole (JSON.parse) or streamed. */
  read: 'whole' | 'streamed';
}

export async function loadPlan(file: string, options: LoadOptions = {}): Promise<LoadedPlan> {
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
  const read = info.size >= (options.streamFrom ?? STREAM_FROM_BYTES) ? 'streamed' : 'whole';
  const value = read === 'whole' ? await parseWhole(file) : await parseStreamed(file);
  return { file, plan: checkPlan(file, value), read };
}

async function parseWhole(file: string): Promise<unknown> {
  const bytes = await readFile(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CxError({
      action: `read the plan ${file}`,
      reason: 'it is UTF-16 text, not UTF-8 (Windows PowerShell 5 writes UTF-16 with `>`)',
      where: file,
      fix: 'write it as UTF-8: `tofu show -json tfplan | Out-File -Encoding utf8 plan.json`, or use PowerShell 7',
    });
  }
  // A UTF-8 byte order mark is allowed in front of JSON text; JSON.parse does not skip it.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = bytes.toString('utf8', start);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw notJson(file, error, text);
  }
}

async function parseStreamed(file: string): Promise<unknown> {
  // Loaded only for the rare plan that needs it.
  const { default: streamObject } = await import('stream-json/streamers/stream-object.js');
  const plan: Record<string, unknown> = {};
  try {
    await pipeline(
      createReadStream(file),
      // Packed values only: each string and number arrives once, whole (about 1.4× faster than the default).
      streamObject.withParserAsStream({ streamValues: false }),
      new Writable({
        objectMode: true,
        write(item: { key: string; value: unknown }, _encoding, done) {
          plan[item.key] = item.value;
          done();
        },
      }),
    );
  } catch (error) {
    throw notJson(file, error);
  }
  return plan;
}

/** A parse failure, located by line and column when the parser says where; never quoting the plan's text. */
function notJson(file: string, error: unknown, text?: string): CxError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  // V8 quotes the text around the error ("…" is not valid JSON): a plan holds sensitive values, so drop it.
  const reason = message.replace(/, ".*" is not valid JSON$/s, '');
  return new CxError({
    action: `read the plan ${file}`,
    reason: `it is not complete, valid JSON (${reason})`,
    where:
      text !== undefined && position !== undefined
        ? `${file}:${lineAndColumn(text, Number(position))}`
        : file,
    fix: 'regenerate it with `tofu show -json tfplan > plan.json`; a truncated file usually means the run was interrupted or the disk filled up',
  });
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return `${line}:${position - lineStart + 1}`;
}

function checkPlan(file: string, value: unknown): PlanJson {
  if (!isObject(value) || typeof value.format_version !== 'string') {
    throw new CxError({
      action: `read the plan ${file}`,
      reason: 'it has no format_version, so it is not the JSON of a plan',
      where: file,
      fix: 'pass the output of `tofu show -json <planfile>` (not the plan file itself, not `tofu plan` text, not a state file)',
    });
  }
  const version = value.format_version as string;
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

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** For tests and small in-memory uses: the same checks on an already parsed value. */
export function planFromValue(value: unknown, label = '<memory>'): PlanJson {
  if (!isObject(value)) {
    throw new CxError({
      action: `read the plan ${label}`,
      reason: 'it is not a JSON object',
      fix: 'pass the output of `tofu show -json <planfile>`',
    });
  }
  return checkPlan(label, value);
}
