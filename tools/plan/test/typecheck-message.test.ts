// `npm run typecheck` on plan assertions: a misspelt attribute or a value of the wrong type is refused, with
// a message that names the attribute. Compiled with the TypeScript compiler API and the repository's compiler
// options, in one program (a few seconds), from a git-ignored folder inside the workspace so `vitest` resolves.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoot } from '@cxops/core';

const ROOT = workspaceRoot();
const PROBES = path.join(ROOT, 'tools/plan/out-tsc', `typecheck-probe-${process.pid}`);

const SNIPPETS = {
  misspelt: `expect(plan).toChangeAttribute({ type: 'genesyscloud_routing_queue', name: 'Billing' }, 'acw_timout_ms', 30000, 60000);`,
  wrongValue: `expect(plan).toChangeAttribute('genesyscloud_routing_queue', 'acw_timeout_ms', '30000', 60000);`,
  nested: `expect(plan).toChangeAttribute('genesyscloud_user', 'routing_skills.0.proficency', 3, 4);`,
  right: `expect(plan).toChangeAttribute({ type: 'genesyscloud_routing_queue', name: 'Billing' }, 'acw_timeout_ms', 30000, 60000);`,
};

let errors: Record<string, string[]>;

beforeAll(async () => {
  await mkdir(PROBES, { recursive: true });
  const files = Object.fromEntries(
    Object.keys(SNIPPETS).map((name) => [name, path.join(PROBES, `${name}.ts`)]),
  );
  for (const [name, body] of Object.entries(SNIPPETS))
    await writeFile(
      files[name]!,
      [
        `import { expect } from 'vitest';`,
        `import '${path.join(ROOT, 'tools/plan/src/matchers.ts')}';`,
        `import type { PlanJson } from '${path.join(ROOT, 'tools/plan/src/index.ts')}';`,
        `declare const plan: PlanJson;`,
        body,
        '',
      ].join('\n'),
    );
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.base.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram(Object.values(files), {
    ...options,
    noEmit: true,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  errors = Object.fromEntries(
    Object.entries(files).map(([name, file]) => [
      name,
      diagnostics
        .filter((d) => d.file?.fileName === file)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}, 60_000);

afterAll(() => rm(PROBES, { recursive: true, force: true }));

describe('a plan assertion that does not compile', () => {
  it('names the misspelt attribute', () => {
    expect(errors.misspelt).toHaveLength(1);
    expect(errors.misspelt![0]).toContain(
      `Type '"acw_timout_ms"' is not assignable to type '"acw_timeout_ms"'`,
    );
  });

  it('names the attribute whose value has the wrong type', () => {
    expect(errors.wrongValue).toHaveLength(1);
    expect(errors.wrongValue![0]).toMatch(
      /\["acw_timeout_ms", "30000", 60000\][\s\S]*'"30000"' is not assignable/,
    );
  });

  it('names a misspelt attribute of a nested block', () => {
    expect(errors.nested).toHaveLength(1);
    expect(errors.nested![0]).toContain('"routing_skills.0.proficency"');
  });

  it('compiles the same assertion spelt right', () => {
    expect(errors.right).toEqual([]);
  });
});
