// Proves a provider binary placed in the mirror is the pinned genesyscloud provider: tofu installs it from the
// mirror alone and reads its schema (kept for the plan types), then one plan against a local probe shows the
// version the provider announces in its User-Agent ("GC Terraform Provider/<version>", set at build time).
import { createServer, type Server } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CxError, run, writeFileAtomic } from '@cxops/core';
import { writeCliConfig } from './cli-config.ts';
import { providerMirrorPath, type ToolchainLayout } from './layout.ts';
import { PROVIDER } from './manifest.ts';

/** Where the provider's schema (`tofu providers schema -json`) is kept once the provider proved it works. */
export function providerSchemaPath(layout: ToolchainLayout): string {
  return path.join(layout.root, 'schemas', `${PROVIDER.type}-${PROVIDER.version}.json`);
}

/** Resource types the check insists on: the provider must be the genesyscloud one, with what the modules use. */
const EXPECTED_TYPES = ['genesyscloud_routing_queue', 'genesyscloud_user', 'genesyscloud_flow'];

export async function checkProvider(layout: ToolchainLayout, tofu: string, scratch: string): Promise<void> {
  const fail = (reason: string, output?: string) =>
    new CxError({
      action: `check the genesyscloud provider v${PROVIDER.version}`,
      reason,
      where: providerMirrorPath(layout, PROVIDER.hosts[0]),
      fix: `supply a genesyscloud provider v${PROVIDER.version} built for this platform, or let \`npx cxops toolchain\` build it from source`,
      output,
    });
  if (!existsSync(tofu)) throw fail(`tofu, which reads the provider's schema, is not at ${tofu}`);
  const root = path.join(scratch, 'provider-check');
  await mkdir(root, { recursive: true });
  await writeCliConfig(layout);
  const env = { ...process.env, TF_CLI_CONFIG_FILE: layout.cliConfig, TF_IN_AUTOMATION: '1' };
  const tofuIn = (args: string[]) => run(tofu, args, { cwd: root, env, timeoutMs: 120_000 });

  await writeFile(path.join(root, 'versions.tf'), requiredProviderHcl());
  const init = await tofuIn(['init', '-backend=false', '-input=false', '-no-color']);
  if (init.exitCode !== 0) throw fail('tofu could not install it from the mirror', init.stdout + init.stderr);

  const schema = await tofuIn(['providers', 'schema', '-json']);
  const types = resourceTypes(schema.stdout);
  const missing = EXPECTED_TYPES.filter((type) => !types.includes(type));
  if (schema.exitCode !== 0)
    throw fail('tofu could not read its schema: it does not run as a provider', schema.stderr);
  if (missing.length > 0)
    throw fail(`its schema lacks ${missing.join(', ')}: it is not the genesyscloud provider`);

  const announced = await announcedVersion(root, tofuIn);
  if (announced !== PROVIDER.version)
    throw fail(
      announced
        ? `it announces itself as version ${announced}; the environments pin ${PROVIDER.version}`
        : 'it made no API call that names its version',
    );

  await writeFileAtomic(providerSchemaPath(layout), schema.stdout);
}

function requiredProviderHcl(): string {
  return `terraform {
  required_providers {
    ${PROVIDER.type} = {
      source  = "${PROVIDER.namespace}/${PROVIDER.type}"
      version = "${PROVIDER.version}"
    }
  }
}
`;
}

function resourceTypes(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as {
      provider_schemas?: Record<string, { resource_schemas?: Record<string, unknown> }>;
    };
    return Object.values(parsed.provider_schemas ?? {}).flatMap((p) => Object.keys(p.resource_schemas ?? {}));
  } catch {
    return [];
  }
}

/**
 * Plans a root whose provider talks to a local probe: the probe notes the User-Agent of the first call and
 * refuses it (401, not retried), so the plan stops at once. Nothing leaves this machine.
 */
async function announcedVersion(
  root: string,
  tofuIn: (args: string[]) => ReturnType<typeof run>,
): Promise<string | undefined> {
  let userAgent: string | undefined;
  const probe: Server = createServer((request, response) => {
    userAgent ??= request.headers['user-agent'];
    response.writeHead(401, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ message: 'version probe', code: 'bad.credentials', status: 401 }));
  });
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = probe.address() as AddressInfo;
    await writeFile(
      path.join(root, 'probe.tf'),
      `provider "${PROVIDER.type}" {
  access_token = "version-probe"
  gateway {
    protocol = "http"
    host     = "127.0.0.1"
    port     = "${port}"
  }
}

data "genesyscloud_auth_division_home" "probe" {}
`,
    );
    await tofuIn(['plan', '-input=false', '-no-color', '-refresh=false']);
  } finally {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
  return /GC Terraform Provider\/(\S+)/.exec(userAgent ?? '')?.[1];
}
