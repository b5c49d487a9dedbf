import { describe, expect, it } from 'vitest';
import { arrayBody, arrayOf, body, number, objectOf, recordOf, requiredText, string } from '../src/check.ts';
import { GenesysError } from '../src/errors.ts';

/** The 400 a check throws: its message and the field it names. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof GenesysError)
      return { status: error.status, message: error.message, field: error.extra.details?.[0]?.fieldName };
    throw error;
  }
  throw new Error('the check passed');
}

const settings = objectOf<{ timeoutMs?: number; prompt?: string }>({ timeoutMs: number, prompt: string });
const queue = body<{ name: string; acw?: { timeoutMs?: number; prompt?: string }; tags?: string[] }>({
  name: requiredText,
  acw: settings,
  tags: arrayOf(string),
});

describe('request checks', () => {
  it('returns the body typed, keeping fields it does not know as sent and leaving out null ones', () => {
    expect(queue({ name: 'Billing', acw: { timeoutMs: 30000, extra: true }, tags: ['a'], other: 1 })).toEqual(
      {
        name: 'Billing',
        acw: { timeoutMs: 30000, extra: true },
        tags: ['a'],
        other: 1,
      },
    );
    expect(queue({ name: 'Billing', acw: null, tags: null })).toEqual({ name: 'Billing' });
  });

  it('refuses a value of the wrong JSON type with a 400 naming its path', () => {
    expect(refusal(() => queue({ name: 'B', acw: { timeoutMs: '30' } }))).toEqual({
      status: 400,
      message: 'acw.timeoutMs must be a number.',
      field: 'acw.timeoutMs',
    });
    expect(refusal(() => queue({ name: 'B', tags: 'a' })).message).toBe('tags must be an array.');
    expect(refusal(() => queue({ name: 'B', tags: ['a', null] })).message).toBe('tags must not hold null.');
    expect(refusal(() => recordOf(number)({ call: 'x' }, 'utilization')).field).toBe('utilization.call');
  });

  it('says a missing or blank name is required, as the API does', () => {
    expect(refusal(() => queue({ name: '  ' }))).toMatchObject({
      message: 'name is required.',
      field: 'name',
    });
    expect(refusal(() => queue({}))).toMatchObject({ message: 'name is required.' });
  });

  it('refuses a body that is not an object, and an array body that is not an array or too long', () => {
    expect(refusal(() => queue([])).message).toBe('The request body must be a JSON object.');
    expect(refusal(() => queue(undefined)).message).toBe('The request body must be a JSON object.');
    expect(refusal(() => arrayBody({}, string)).message).toBe('The request body must be a JSON array.');
    expect(refusal(() => arrayBody(['a', 'b'], string, 1)).message).toBe(
      'At most 1 entries are allowed per request; got 2.',
    );
    expect(arrayBody(['a', 'b'], string, 2)).toEqual(['a', 'b']);
  });
});
