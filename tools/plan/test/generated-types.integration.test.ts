// The committed genesyscloud types are what the generator makes today from the toolchain's provider schema
// and the modules' HCL: regenerated in memory and compared, like the docs check.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '@cxops/core';
import { providerSchemaPath } from '@cxops/toolchain';
import { realLayout } from '@cxops/test-support/paths';
import { GENERATED_FILE, generateTypes, resourceTypesUsedBy } from '../scripts/provider-types.ts';
import { GENESYS_RESOURCE_TYPES } from '../src/index.ts';

describe('the generated genesyscloud types', () => {
  it('are up to date with the provider schema and the modules (else: npm run generate:types)', async () => {
    if (!existsSync(providerSchemaPath(realLayout)))
      throw new Error(
        `${providerSchemaPath(realLayout)} is missing: run \`npx cxops toolchain\` before the tests`,
      );
    const committed = await readFile(path.join(workspaceRoot(), GENERATED_FILE), 'utf8');
    const fresh = await generateTypes();
    const line = fresh.split('\n').findIndex((text, i) => text !== committed.split('\n')[i]);
    expect(
      fresh === committed,
      `${GENERATED_FILE} is stale from line ${line + 1}: run \`npm run generate:types\` and commit it`,
    ).toBe(true);
  });

  it('cover exactly the genesyscloud resource types the modules declare', async () => {
    const used = await resourceTypesUsedBy(path.join(workspaceRoot(), 'modules'));
    expect([...GENESYS_RESOURCE_TYPES]).toEqual([...used.keys()]);
    expect(used.get('genesyscloud_routing_queue')).toBe('modules/queues/main.tf');
  });
});
