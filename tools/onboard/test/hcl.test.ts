import { describe, expect, it } from 'vitest';
import { hclQuote } from '@cxops/core';
import { importBlock, moduleBlock } from '../src/hcl.ts';

describe('the HCL writer', () => {
  it('writes a module call as tofu fmt does: aligned runs, long values one entry a line, notes as comments', () => {
    const text = moduleBlock('department', '../../modules/department', [
      { name: 'division', value: 'Sales' },
      { name: 'existing_flows', value: { 'Sales Hold': 'inqueuecall' }, note: 'Read by name.' },
      {
        name: 'users',
        value: [{ email: 'a@example.com', name: 'A', skills: { 'Sales - Phone': 3 }, roles: ['Agent'] }],
      },
    ]);
    expect(text).toBe(`module "department" {
  source = "../../modules/department"

  division = "Sales"

  # Read by name.
  existing_flows = { "Sales Hold" = "inqueuecall" }

  users = [{ email = "a@example.com", name = "A", skills = { "Sales - Phone" = 3 }, roles = ["Agent"] }]
}
`);
  });

  it('writes import blocks over a map, and never lets a name interpolate', () => {
    expect(importBlock('module.x.genesyscloud_routing_skill.this', { A: '1' })).toBe(
      'import {\n  for_each = { A = "1" }\n  to       = module.x.genesyscloud_routing_skill.this[each.key]\n  id       = each.value\n}\n',
    );
    const long = Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`Queue number ${i}`, `id-${i}-0000000000`]),
    );
    expect(importBlock('r.this', long)).toMatch(
      /^import \{\n {2}for_each = \{\n {4}"Queue number 0" = "id-0-0000000000"\n[\s\S]*\n {2}\}\n {2}to = r\.this\[each\.key\]\n {2}id = each\.value\n\}\n$/,
    );
    expect(hclQuote('${var.x} %{if}')).toBe('"$${var.x} %%{if}"');
  });
});

describe('comments', () => {
  it('wrap at 110 columns without breaking `inline code`', async () => {
    const { comment } = await import('../src/hcl.ts');
    const text = comment(`${'word '.repeat(19)}then \`cxops onboard --adopt-flows\` ends it.`);
    expect(text.split('\n').every((line) => line.length <= 110)).toBe(true);
    expect(text).toContain('`cxops onboard --adopt-flows`');
  });
});
