import { describe, expect, it } from 'vitest';
import { templateFlow } from '../src/flow-yaml.ts';

const exported = `inboundCall:
  name: Sales Main Line
  division: Sales
  menus:
    - menu:
        choices:
          - menuTransferToAcd:
              targetQueue:
                lit:
                  name: Sales - Phone
          - menuTransferToAcd:
              targetQueue:
                lit:
                  name: Support - Phone
          - menuTransferToAcd:
              targetQueue:
                lit:
                  name: Sales - Phone
`;

describe('templateFlow', () => {
  it("turns the flow's name, its division and its department's queues into placeholders the flows module fills", () => {
    const file = templateFlow(exported, {
      name: 'Sales Main Line',
      division: 'Sales',
      departmentQueues: new Set(['Sales - Phone']),
    });
    if ('error' in file) throw new Error(file.error);
    expect(file.queues).toEqual({ sales_phone_queue: 'Sales - Phone' });
    expect(file.otherQueues).toEqual(['Support - Phone']);
    expect(file.yaml).toContain("name: '{{flow_name}}'");
    expect(file.yaml).toContain("division: '{{division}}'");
    expect(file.yaml.match(/'\{\{sales_phone_queue\}\}'/g)).toHaveLength(2);
    expect(file.yaml).toContain('name: Support - Phone');
  });

  it('substituted back, gives the exported flow', () => {
    const file = templateFlow(exported, {
      name: 'Sales Main Line',
      division: 'Sales',
      departmentQueues: new Set(['Sales - Phone']),
    });
    if ('error' in file) throw new Error(file.error);
    const values: Record<string, string> = {
      flow_name: 'Sales Main Line',
      division: 'Sales',
      ...file.queues,
    };
    const published = file.yaml.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key]!);
    expect(published.replace(/'/g, '')).toBe(exported);
  });

  it("keeps a division that is not the department's, and refuses YAML that is not one flow or already has placeholders", () => {
    const other = templateFlow('inqueueCall:\n  name: Hold\n  division: Home\n', {
      name: 'Hold',
      division: 'Sales',
      departmentQueues: new Set(),
    });
    expect('yaml' in other && other.yaml).toBe("inqueueCall:\n  name: '{{flow_name}}'\n  division: Home\n");
    expect(templateFlow('a: {name: x}\nb: {name: y}\n', { name: 'x', departmentQueues: new Set() })).toEqual({
      error: 'its YAML does not have exactly one top-level key (the flow type)',
    });
    expect(
      templateFlow("inboundCall:\n  name: '{{x}}'\n", { name: '{{x}}', departmentQueues: new Set() }),
    ).toMatchObject({
      error: expect.stringContaining('placeholders'),
    });
    expect(
      templateFlow('inboundCall:\n  name: Other\n', { name: 'Mine', departmentQueues: new Set() }),
    ).toEqual({
      error: "its YAML names it 'Other', not 'Mine'",
    });
  });
});
