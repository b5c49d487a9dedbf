// Plan assertions typed by the provider's schema. Each `@ts-expect-error` below is a wrong use that must NOT
// compile: if the types stopped catching it, the directive itself would fail `npm run typecheck`. The correct
// uses run against a Genesys-shaped plan; the wrong ones also fail at run time, for code that is not compiled.
import { describe, expect, it } from 'vitest';
import '../src/matchers.ts';
import { absent, select, unknownAfterApply } from '../src/index.ts';
import { plan, queue, rc } from './crafted.ts';

const QUEUE = 'genesyscloud_routing_queue';

const billing = plan([
  rc(
    QUEUE,
    'Billing',
    ['update'],
    queue('Billing', { media_settings_call: [{ alerting_timeout_sec: 8 }] }),
    queue('Billing', { acw_timeout_ms: 60000, media_settings_call: [{ alerting_timeout_sec: 12 }] }),
  ),
  rc(
    'genesyscloud_flow',
    'Billing In-Queue',
    ['create'],
    null,
    { filepath: 'flows/in-queue.yaml', substitutions: { flow_name: 'Billing In-Queue' } },
    { after_unknown: { id: true, name: true } },
  ),
  rc('terraform_data', 'legacy', ['delete'], { input: { name: 'Legacy' } }, null),
]);

describe('typed matchers: correct uses compile and pass', () => {
  it('take the resource type from the selector: a type, an object with type, or an address', () => {
    expect(billing).toUpdate('genesyscloud_routing_queue');
    expect(billing).toUpdate({ type: QUEUE, name: 'Billing', where: { acw_timeout_ms: 60000 } });
    expect(billing).toChangeAttribute({ type: QUEUE, name: 'Billing' }, 'acw_timeout_ms', 30000, 60000);
    expect(billing).toChangeAttribute(
      'module.x.genesyscloud_routing_queue.this["Billing"]',
      'media_settings_call.0.alerting_timeout_sec',
      8,
      12,
    );
    expect(billing).toChangeAttribute(
      { type: 'genesyscloud_flow', key: 'Billing In-Queue' },
      'substitutions.flow_name',
      absent,
      'Billing In-Queue',
    );
    expect(billing).toChangeAttribute({ type: 'genesyscloud_flow' }, 'name', absent, unknownAfterApply);
  });

  it('take the resource type as a type parameter', () => {
    expect(billing).toChangeAttribute<'genesyscloud_routing_queue'>(
      { name: 'Billing' },
      'acw_timeout_ms',
      30000,
      60000,
    );
  });

  it('stay untyped for other resource types and name-only selectors', () => {
    expect(billing).toDelete('module.x.terraform_data.this["legacy"]');
    expect(billing).toChangeAttribute(
      'module.x.terraform_data.this["legacy"]',
      'input.name',
      'Legacy',
      absent,
    );
    expect(billing).toChangeAttribute({ name: 'Billing' }, 'acw_timeout_ms', 30000, 60000);
  });

  it('select() returns the schema types, unknown-aware', () => {
    const [q] = select(billing, QUEUE);
    const timeout: number | null | undefined = q?.after?.acw_timeout_ms;
    expect(timeout).toBe(60000);
    expect(q?.afterAt('media_settings_call.0.alerting_timeout_sec')).toEqual({ state: 'known', value: 12 });
    const [flow] = select(billing, { type: 'genesyscloud_flow' });
    expect(flow?.afterAt('name')).toEqual({ state: 'unknown' });
    expect(flow?.afterAt('substitutions.flow_name')).toEqual({ state: 'known', value: 'Billing In-Queue' });
    const [legacy] = select(billing, 'terraform_data');
    expect(legacy?.beforeAt('input')).toEqual({ state: 'known', value: { name: 'Legacy' } });
  });
});

describe('typed matchers: wrong uses do not compile (and fail at run time too)', () => {
  it('a misspelt attribute', () => {
    expect(() =>
      // @ts-expect-error 'acw_timout_ms' is not an attribute of genesyscloud_routing_queue
      expect(billing).toChangeAttribute({ type: QUEUE, name: 'Billing' }, 'acw_timout_ms', 30000, 60000),
    ).toThrow(/to change acw_timout_ms/);
    expect(() =>
      expect(billing).toChangeAttribute<'genesyscloud_routing_queue'>(
        { name: 'Billing' },
        // @ts-expect-error the type parameter makes the path checked too
        'acw_timeout',
        30000,
        60000,
      ),
    ).toThrow(/to change acw_timeout from/);
    expect(() =>
      expect(billing).toChangeAttribute(
        'genesyscloud_routing_queue',
        // @ts-expect-error a misspelt attribute inside a nested block
        'media_settings_call.0.alerting_timeout',
        8,
        12,
      ),
    ).toThrow();
  });

  it('a value of the wrong type', () => {
    expect(() =>
      // @ts-expect-error acw_timeout_ms is a number, not a string
      expect(billing).toChangeAttribute({ type: QUEUE, name: 'Billing' }, 'acw_timeout_ms', '30000', 60000),
    ).toThrow();
  });

  it('a misspelt resource type, and a misspelt attribute in a where clause or in select()', () => {
    // @ts-expect-error genesyscloud_routing_queu is not a type the modules use
    expect(() => expect(billing).toUpdate('genesyscloud_routing_queu')).toThrow();
    // @ts-expect-error the same in an object selector
    expect(() => expect(billing).toUpdate({ type: 'genesyscloud_routing_queu' })).toThrow();
    // @ts-expect-error acw_timout_ms is not an attribute of genesyscloud_routing_queue
    expect(() => expect(billing).toUpdate({ type: QUEUE, where: { acw_timout_ms: 60000 } })).toThrow();
    const [q] = select(billing, QUEUE);
    // @ts-expect-error select() results are typed too
    expect(q?.afterAt('acw_timout_ms')).toEqual({ state: 'absent' });
  });
});
