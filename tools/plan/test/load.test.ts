// loadPlan both ways — read whole (JSON.parse) and streamed — on the same files: the same plan out, and the
// same clear refusals of files that are not a plan cxops can read.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CxError } from '@cxops/core';
import { tempDir } from '@cxops/test-support/paths';
import { loadPlan, STREAM_FROM_BYTES, type LoadOptions } from '../src/index.ts';
import { plan, queue, rc } from './crafted.ts';

const QUEUE = 'genesyscloud_routing_queue';

const sample = plan(
  [
    rc(QUEUE, 'Billing', ['update'], queue('Billing'), queue('Billing', { acw_timeout_ms: 60000 })),
    rc(QUEUE, 'Sales – Köln 東京', ['create'], null, queue('Sales – Köln 東京'), {
      after_unknown: { id: true },
    }),
    rc(QUEUE, 'Old', ['delete'], queue('Old'), null),
  ],
  { prior_state: { values: { root_module: { resources: [] } } }, variables: { n: { value: 1.5e-7 } } },
);

async function fileWith(text: string | Buffer, name = 'plan.json'): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, text);
  return file;
}

async function refusal(file: string, options: LoadOptions): Promise<CxError> {
  const error: unknown = await loadPlan(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CxError);
  return error as CxError;
}

describe.each([
  { read: 'whole', options: {} },
  { read: 'streamed', options: { streamFrom: 0 } },
] as const)('loadPlan, read $read', ({ read, options }) => {
  it('returns the plan exactly as written, non-Latin names and numbers included', async () => {
    const loaded = await loadPlan(await fileWith(JSON.stringify(sample, null, 2)), options);
    expect(loaded.read).toBe(read);
    expect(loaded.plan).toEqual(sample);
  });

  it('accepts a UTF-8 byte order mark before the JSON', async () => {
    const file = await fileWith(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(sample))]),
    );
    expect((await loadPlan(file, options)).plan).toEqual(sample);
  });

  it('refuses a truncated file, naming it and the fix', async () => {
    const text = JSON.stringify(sample);
    const file = await fileWith(text.slice(0, Math.floor(text.length / 2)));
    const error = await refusal(file, options);
    expect(error.message).toContain(`Can't read the plan ${file}: it is not complete, valid JSON`);
    expect(error.details.fix).toContain('tofu show -json');
  });

  it('refuses corrupt JSON without quoting the plan (it can hold sensitive values)', async () => {
    const text = JSON.stringify(sample, null, 2).replace('"Billing"', '"Billing" "pin-4711"');
    const file = await fileWith(text);
    const error = await refusal(file, options);
    expect(error.message).toContain('it is not complete, valid JSON');
    expect(error.format()).not.toContain('pin-4711');
    expect(error.details.where).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('refuses an empty file', async () => {
    expect((await refusal(await fileWith(''), options)).message).toContain('the file is empty');
  });

  it('refuses a state file and JSON that is not an object', async () => {
    const state = await fileWith(JSON.stringify({ version: 4, resources: [] }));
    expect((await refusal(state, options)).message).toContain(
      'it has no format_version, so it is not the JSON of a plan',
    );
    if (read === 'whole') {
      // The streamed reader takes objects only and reports anything else as invalid JSON.
      const list = await fileWith('[1, 2]');
      expect((await refusal(list, options)).message).toContain('it has no format_version');
    }
  });

  it('refuses a future format version', async () => {
    const file = await fileWith(JSON.stringify({ format_version: '2.0', resource_changes: [] }));
    expect((await refusal(file, options)).message).toContain('its format_version is 2.0; cxops reads 1.x');
  });

  it('refuses resource_changes that is not a list', async () => {
    const file = await fileWith(JSON.stringify({ format_version: '1.2', resource_changes: {} }));
    expect((await refusal(file, options)).message).toContain('resource_changes is not a list');
  });
});

describe('loadPlan, choosing the way by size', () => {
  it(`reads plans under ${STREAM_FROM_BYTES / 1024 / 1024} MiB whole and streams larger ones`, async () => {
    const file = await fileWith(JSON.stringify(sample));
    expect((await loadPlan(file)).read).toBe('whole');
    const size = Buffer.byteLength(JSON.stringify(sample));
    expect((await loadPlan(file, { streamFrom: size })).read).toBe('streamed');
    expect((await loadPlan(file, { streamFrom: size + 1 })).read).toBe('whole');
  });

  it('says where corrupt JSON breaks, by line and column, when reading whole', async () => {
    const file = await fileWith('{\n  "format_version": "1.2"\n  "resource_changes": []\n}\n');
    expect((await refusal(file, {})).details.where).toBe(`${file}:3:3`);
  });

  it('explains UTF-16 files, which Windows PowerShell 5 writes with `>`', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(sample), 'utf16le')]);
    const error = await refusal(await fileWith(utf16), {});
    expect(error.message).toContain('it is UTF-16 text, not UTF-8');
    expect(error.details.fix).toContain('Out-File -Encoding utf8');
  });

  it('refuses a missing file with the fix', async () => {
    const error = await refusal(path.join(await tempDir(), 'nowhere.json'), {});
    expect(error.message).toContain('the file does not exist');
  });
});
