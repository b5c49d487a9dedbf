import { describe, expect, it } from 'vitest';
import { environmentsOfProjects } from '../src/index.ts';

describe('environmentsOfProjects', () => {
  it('keeps the environments among Nx projects, org first and then by name, whatever order Nx gave', () => {
    expect(
      environmentsOfProjects([
        'module-queues',
        'env-support',
        'tests',
        'env-org',
        'env-billing',
        'env-sales',
      ]),
    ).toEqual(['org', 'billing', 'sales', 'support']);
  });

  it('gives an empty matrix when no environment is affected', () => {
    expect(environmentsOfProjects(['module-queues', 'tests'])).toEqual([]);
  });
});
