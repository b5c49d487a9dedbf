import { describe, expect, it } from 'vitest';
import { checkMapping, matchesPattern } from '../src/mapping-file.ts';

describe('the onboarding mapping file', () => {
  it('reads departments with their division and patterns, and owners of single objects', () => {
    expect(
      checkMapping(
        {
          departments: { sales: { division: 'Home', queues: ['Sales *'] } },
          assign: { skills: { English: 'org' }, users: { 'a@example.com': 'sales' } },
        },
        'm.json',
      ),
    ).toEqual({
      departments: { sales: { division: 'Home', queues: ['Sales *'] } },
      assign: { skills: { English: 'org' }, users: { 'a@example.com': 'sales' } },
    });
  });

  it('names the field and the fix for bad input', () => {
    expect(() => checkMapping({ departments: { Sales: { division: 'x' } } }, 'm.json')).toThrow(
      /departments\.Sales: a department folder is lower case/,
    );
    expect(() => checkMapping({ departments: { sales: {} } }, 'm.json')).toThrow(
      /departments\.sales\.division: is required/,
    );
    expect(() => checkMapping({ departments: { sales: { division: 'S', queues: 'x' } } }, 'm.json')).toThrow(
      /departments\.sales\.queues: must be a list/,
    );
    expect(() => checkMapping({ assign: { teams: {} } }, 'm.json')).toThrow(/assign\.teams: unknown kind/);
    expect(() => checkMapping({ extra: 1 }, 'm.json')).toThrow(/extra: unknown field/);
  });

  it('matches * as any text, without regard to case, and nothing else as a pattern', () => {
    expect(matchesPattern('Sales - Phone', 'sales *')).toBe(true);
    expect(matchesPattern('Sales.Phone', 'Sales?Phone')).toBe(false);
    expect(matchesPattern('a@sales.example.com', '*@sales.example.com')).toBe(true);
  });
});
