// TypeScript types of the genesyscloud resources the modules use, generated with ts-morph from the provider's
// own schema (`tofu providers schema -json`, kept by the toolchain in .toolchain/schemas/). Plan assertions use
// them, so a misspelt attribute or a value of the wrong type is a compile error instead of a test that passes
// for the wrong reason. `npm run generate:types` writes src/generated/genesyscloud.ts; a test regenerates it in
// memory and fails when the committed file is stale.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CxError, workspaceRoot } from '@cxops/core';
import { parseHcl } from '@cxops/nx-terraform';
import { PROVIDER, providerSchemaPath, toolchainLayout } from '@cxops/toolchain';
import * as prettier from 'prettier';
import {
  IndentationText,
  Project,
  QuoteKind,
  VariableDeclarationKind,
  type OptionalKind,
  type PropertySignatureStructure,
} from 'ts-morph';

/** The part of `tofu providers schema -json` this reads. */
interface SchemaAttribute {
  type?: unknown;
  nested_type?: { attributes: Record<string, SchemaAttribute>; nesting_mode: string };
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
}
interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<
    string,
    { nesting_mode: string; min_items?: number; max_items?: number; block: SchemaBlock }
  >;
  description?: string;
  deprecated?: boolean;
}
export interface ProviderSchemaFile {
  format_version: string;
  provider_schemas: Record<
    string,
    { resource_schemas?: Record<string, { version: number; block: SchemaBlock }> }
  >;
}

const PREFIX = 'genesyscloud_';

/** Where the generated types are committed, relative to the workspace root. */
export const GENERATED_FILE = 'tools/plan/src/generated/genesyscloud.ts';

/** Every `genesyscloud_*` managed resource type declared in a `.tf` file under `modulesDir`, with one file using it. */
export async function resourceTypesUsedBy(modulesDir: string): Promise<Map<string, string>> {
  const entries = await readdir(modulesDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.tf'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !file.split(path.sep).includes('.terraform'))
    .sort();
  const used = new Map<string, string>();
  for (const file of files) {
    const relative = path.relative(path.dirname(modulesDir), file);
    const hcl = await parseHcl(relative, await readFile(file, 'utf8'));
    for (const type of Object.keys((hcl.resource as Record<string, unknown> | undefined) ?? {}))
      if (type.startsWith(PREFIX) && !used.has(type)) used.set(type, relative);
  }
  return new Map([...used].sort(([a], [b]) => a.localeCompare(b)));
}

async function readProviderSchema(file: string): Promise<ProviderSchemaFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CxError({
      action: 'generate the genesyscloud types',
      reason: `the provider schema ${file} does not exist`,
      where: file,
      fix: 'run `npx cxops toolchain`: it checks the provider and saves its schema there',
    });
  }
  try {
    const schema = JSON.parse(text) as ProviderSchemaFile;
    if (typeof schema.provider_schemas !== 'object') throw new Error('no provider_schemas');
    return schema;
  } catch (error) {
    throw new CxError({
      action: 'generate the genesyscloud types',
      reason: `${file} is not the output of \`tofu providers schema -json\` (${(error as Error).message})`,
      where: file,
      fix: 'delete it and run `npx cxops toolchain` to write it again',
    });
  }
}

/** `genesyscloud_routing_queue` → `GenesyscloudRoutingQueue`. */
function typeName(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split('_'))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function comment(text: string | undefined): string {
  return (text ?? '').replace(/\*\//g, '*\\/').replace(/\t/g, ' ').trim();
}

function flags(a: {
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
}): string[] {
  return [
    a.required ? '@required' : undefined,
    a.optional ? '@optional' : undefined,
    a.computed
      ? a.optional
        ? '@computed set by the provider when not configured'
        : '@computed read-only'
      : undefined,
    a.sensitive ? '@sensitive never shown in plan output' : undefined,
  ].filter((f): f is string => !!f);
}

/** The TypeScript type of a cty type as it appears in plan JSON (null where the value may be unset). */
function ctyType(type: unknown): string {
  if (type === 'string') return 'string';
  if (type === 'number') return 'number';
  if (type === 'bool') return 'boolean';
  if (type === 'dynamic') return 'unknown';
  if (Array.isArray(type)) {
    const [kind, inner] = type as [string, unknown];
    if (kind === 'list' || kind === 'set') return `${wrap(ctyType(inner))}[]`;
    if (kind === 'map') return `Record<string, ${ctyType(inner)}>`;
    if (kind === 'object') {
      const fields = Object.entries(inner as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}: ${ctyType(v)} | null`);
      return `{ ${fields.join('; ')} }`;
    }
    if (kind === 'tuple') return `[${(inner as unknown[]).map(ctyType).join(', ')}]`;
  }
  return 'unknown';
}

const wrap = (t: string) => (/[|&]/.test(t) && !t.startsWith('{') ? `(${t})` : t);

/** Attribute paths (dotted, as the matchers take them) and the value found there. */
interface PathEntry {
  path: string;
  type: string;
}

function ctyPaths(prefix: string, type: unknown, out: PathEntry[]): void {
  if (!Array.isArray(type)) return;
  const [kind, inner] = type as [string, unknown];
  if (kind === 'list' || kind === 'set') {
    out.push({ path: `${prefix}.\${number}`, type: ctyType(inner) });
    ctyPaths(`${prefix}.\${number}`, inner, out);
  } else if (kind === 'map') {
    out.push({ path: `${prefix}.\${string}`, type: ctyType(inner) });
    ctyPaths(`${prefix}.\${string}`, inner, out);
  } else if (kind === 'object') {
    for (const [k, v] of Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      out.push({ path: `${prefix}.${k}`, type: `${ctyType(v)} | null` });
      ctyPaths(`${prefix}.${k}`, v, out);
    }
  }
}

class Writer {
  readonly project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces },
  });
  readonly file = this.project.createSourceFile('genesyscloud.ts');

  /** Writes the interface of one block (and of its nested blocks, first) and returns its name and paths. */
  block(name: string, block: SchemaBlock, docs: string[], paths: PathEntry[], prefix: string): string {
    const properties: OptionalKind<PropertySignatureStructure>[] = [];
    for (const [attr, a] of Object.entries(block.attributes ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      let type: string;
      if (a.nested_type) {
        const nestedName = this.block(
          typeName(name, attr),
          { attributes: a.nested_type.attributes },
          [`Nested attribute \`${attr}\` (${a.nested_type.nesting_mode}).`],
          paths,
          `${prefix}${attr}.`,
        );
        const mode = a.nested_type.nesting_mode;
        type =
          mode === 'single'
            ? nestedName
            : mode === 'map'
              ? `Record<string, ${nestedName}>`
              : `${nestedName}[]`;
      } else {
        type = ctyType(a.type);
        ctyPaths(`${prefix}${attr}`, a.type, paths);
      }
      const value = a.required ? type : `${wrap(type)} | null`;
      paths.push({ path: `${prefix}${attr}`, type: value });
      properties.push({
        name: attr,
        type: value,
        docs: [
          [comment(a.description), ...flags(a), a.deprecated ? '@deprecated' : ''].filter(Boolean).join('\n'),
        ],
      });
    }
    for (const [child, b] of Object.entries(block.block_types ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      const many = b.nesting_mode === 'list' || b.nesting_mode === 'set';
      const childPrefix = many ? `${prefix}${child}.\${number}.` : `${prefix}${child}.`;
      const limits = [
        b.min_items ? `at least ${b.min_items}` : '',
        b.max_items ? `at most ${b.max_items}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const nestedName = this.block(
        typeName(name, child),
        b.block,
        [`Block \`${child}\` (${b.nesting_mode} nesting${limits ? `, ${limits}` : ''}).`],
        paths,
        childPrefix,
      );
      const type = many ? `${nestedName}[]` : `${nestedName} | null`;
      paths.push({ path: `${prefix}${child}`, type });
      if (many) paths.push({ path: `${prefix}${child}.\${number}`, type: nestedName });
      properties.push({
        name: child,
        type,
        docs: [
          [
            comment(b.block.description),
            `@block ${b.nesting_mode}${limits ? ` (${limits})` : ''}`,
            b.min_items ? '@required' : '@optional',
          ]
            .filter(Boolean)
            .join('\n'),
        ],
      });
    }
    this.file.addInterface({ name, isExported: true, docs: docs.filter(Boolean), properties });
    return name;
  }
}

function names(block: SchemaBlock, test: (a: SchemaAttribute) => boolean | undefined): string {
  const list = Object.entries(block.attributes ?? {})
    .filter(([, a]) => test(a))
    .map(([n]) => `'${n}'`)
    .sort();
  return list.length ? list.join(' | ') : 'never';
}

export interface GenerateOptions {
  /** Resource type → a file that uses it (for messages and the header). */
  types: Map<string, string>;
  schema: ProviderSchemaFile;
  /** The provider this schema is from, e.g. `mypurecloud/genesyscloud 1.82.0`. */
  provider: string;
}

/** The generated module's text, formatted as the repository's prettier formats it. */
export async function renderProviderTypes({ types, schema, provider }: GenerateOptions): Promise<string> {
  const resources =
    Object.values(schema.provider_schemas).find((p) => p.resource_schemas)?.resource_schemas ?? {};
  const writer = new Writer();
  const registry: string[] = [];
  for (const [type, usedIn] of types) {
    const resource = resources[type];
    if (!resource) {
      throw new CxError({
        action: 'generate the genesyscloud types',
        reason: `${usedIn} uses the resource type ${type}, which the provider schema (${provider}) does not have`,
        where: usedIn,
        fix: 'fix the resource type in the module (the provider contract lists the real names), or upgrade the provider',
      });
    }
    const name = typeName(type);
    const paths: PathEntry[] = [];
    writer.block(
      name,
      resource.block,
      [
        [
          comment(resource.block.description?.split('\n')[0]),
          `\`${type}\` (schema version ${resource.version}), as its values appear in plan JSON. Used by ${usedIn}.`,
        ]
          .filter(Boolean)
          .join('\n\n'),
      ],
      paths,
      '',
    );
    writer.file.addInterface({
      name: `${name}Paths`,
      isExported: true,
      docs: [
        `Every attribute path of \`${type}\` the matchers accept ("a.0.b"), with the value found there.`,
      ],
      properties: paths
        .filter((p) => !p.path.includes('${'))
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((p) => ({ name: /^[a-z_][a-z0-9_]*$/.test(p.path) ? p.path : `'${p.path}'`, type: p.type })),
      indexSignatures: paths
        .filter((p) => p.path.includes('${'))
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((p) => ({ keyName: 'path', keyType: `\`${p.path}\``, returnType: p.type })),
    });
    const block = resource.block;
    writer.file.addInterface({
      name: `${name}Schema`,
      isExported: true,
      docs: [`What the provider says about \`${type}\`'s top-level attributes, as types.`],
      properties: [
        { name: 'attributes', type: name },
        { name: 'paths', type: `${name}Paths` },
        { name: 'required', type: names(block, (a) => a.required), docs: ['Must be set in configuration.'] },
        { name: 'optional', type: names(block, (a) => a.optional), docs: ['May be set in configuration.'] },
        {
          name: 'computed',
          type: names(block, (a) => a.computed),
          docs: ['Set by the provider: known only after apply unless configured.'],
        },
        {
          name: 'sensitive',
          type: names(block, (a) => a.sensitive),
          docs: ['Never shown: plan output, matcher messages and the PR summary redact them.'],
        },
        {
          name: 'blocks',
          type: Object.keys(block.block_types ?? {}).length
            ? Object.keys(block.block_types ?? {})
                .sort()
                .map((b) => `'${b}'`)
                .join(' | ')
            : 'never',
          docs: ['Nested blocks.'],
        },
      ],
    });
    registry.push(type);
  }
  writer.file.addInterface({
    name: 'GenesysResourceSchemas',
    isExported: true,
    docs: ['Every genesyscloud resource type the modules use, by type name.'],
    properties: registry.map((type) => ({ name: type, type: `${typeName(type)}Schema` })),
  });
  writer.file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: 'GENESYS_RESOURCE_TYPES',
        initializer: `[${registry.map((t) => `'${t}'`).join(', ')}] as const`,
      },
    ],
    docs: ['The resource types above, for code that needs them at run time.'],
  });
  writer.file.insertStatements(0, [
    '// Generated by `npm run generate:types` (tools/plan/scripts/generate-types.ts) from the schema of the',
    `// ${provider} provider, for every genesyscloud resource type used under modules/.`,
    '// Do not edit: regenerate. A test fails when this file is stale.',
    '',
    '',
  ]);
  const config = await prettier.resolveConfig(path.join(workspaceRoot(), GENERATED_FILE));
  return prettier.format(writer.file.getFullText(), { ...config, parser: 'typescript' });
}

/** The generated file's text for this workspace: its modules, the toolchain's provider schema. */
export async function generateTypes(): Promise<string> {
  const root = workspaceRoot();
  const types = await resourceTypesUsedBy(path.join(root, 'modules'));
  const schema = await readProviderSchema(providerSchemaPath(toolchainLayout()));
  return renderProviderTypes({
    types,
    schema,
    provider: `${PROVIDER.namespace}/${PROVIDER.type} ${PROVIDER.version}`,
  });
}
