// The type generator on a small schema written here: attribute types, null for what may be unset, nested
// blocks by nesting mode, schema flags as doc tags and type-level markers, and a clear error for a type the
// provider does not have.
import { describe, expect, it } from 'vitest';
import { renderProviderTypes, type ProviderSchemaFile } from '../scripts/provider-types.ts';

const schema: ProviderSchemaFile = {
  format_version: '1.0',
  provider_schemas: {
    'registry.opentofu.org/mypurecloud/genesyscloud': {
      resource_schemas: {
        genesyscloud_thing: {
          version: 2,
          block: {
            description: 'Genesys Cloud Thing.\n\nMore text.',
            attributes: {
              id: { type: 'string', optional: true, computed: true },
              name: { type: 'string', required: true, description: 'Thing name. Ends */ here.' },
              pin: { type: 'string', optional: true, sensitive: true },
              labels: { type: ['map', 'string'], optional: true },
              skills: {
                type: ['set', ['object', { skill_id: 'string', proficiency: 'number' }]],
                optional: true,
              },
            },
            block_types: {
              settings: {
                nesting_mode: 'list',
                max_items: 1,
                block: { attributes: { timeout_sec: { type: 'number', optional: true } } },
              },
              owner: {
                nesting_mode: 'single',
                block: { attributes: { user_id: { type: 'string', required: true } } },
              },
            },
          },
        },
      },
    },
  },
};

const types = new Map([['genesyscloud_thing', 'modules/thing/main.tf']]);

describe('renderProviderTypes', () => {
  it('writes attributes, nested blocks, paths and the schema flags', async () => {
    const text = await renderProviderTypes({ types, schema, provider: 'test 0.0.1' });
    expect(text).toContain('export interface GenesyscloudThing {');
    expect(text).toContain('  name: string;');
    expect(text).toContain('  id: string | null;');
    expect(text).toContain('  labels: Record<string, string> | null;');
    expect(text).toContain('  skills: { proficiency: number | null; skill_id: string | null }[] | null;');
    expect(text).toContain('  settings: GenesyscloudThingSettings[];');
    expect(text).toContain('  owner: GenesyscloudThingOwner | null;');
    expect(text).toContain('Thing name. Ends *\\/ here.\n   * @required');
    expect(text).toContain('@sensitive never shown in plan output');
    expect(text).toContain('@block list (at most 1)');
    expect(text).toContain('  [path: `settings.${number}.timeout_sec`]: number | null;');
    expect(text).toContain('  [path: `labels.${string}`]: string;');
    expect(text).toContain('  [path: `skills.${number}.skill_id`]: string | null;');
    expect(text).toContain("  sensitive: 'pin';");
    expect(text).toContain("  computed: 'id';");
    expect(text).toContain("  blocks: 'owner' | 'settings';");
    expect(text).toContain("export const GENESYS_RESOURCE_TYPES = ['genesyscloud_thing'] as const;");
  });

  it('refuses a resource type the schema does not have, naming the module that uses it', async () => {
    await expect(
      renderProviderTypes({
        types: new Map([['genesyscloud_queue', 'modules/queues/main.tf']]),
        schema,
        provider: 'test 0.0.1',
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        'modules/queues/main.tf uses the resource type genesyscloud_queue, which the provider schema (test 0.0.1) does not have',
      ),
    });
  });
});
