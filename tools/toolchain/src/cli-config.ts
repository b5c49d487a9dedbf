// The CLI configuration that TF_CLI_CONFIG_FILE points to: providers come only from the filesystem mirror.
// There is deliberately no `direct {}` block, so a provider missing from the mirror fails at once instead of
// trying a registry this machine cannot reach.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@cxops/core';
import { PROVIDER } from './manifest.ts';
import type { ToolchainLayout } from './layout.ts';

export function renderCliConfig(layout: ToolchainLayout): string {
  const include = PROVIDER.hosts.map((host) => `"${host}/*/*"`).join(', ');
  return [
    '# Written by `cxops toolchain`; do not edit (it is rewritten on every run).',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(layout.providerMirror)}`,
    `    include = [${include}]`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Writes the config only when it changed, atomically. Returns whether it was (re)written. */
export async function writeCliConfig(layout: ToolchainLayout): Promise<boolean> {
  const content = renderCliConfig(layout);
  const current = await readFile(layout.cliConfig, 'utf8').catch(() => undefined);
  if (current === content) return false;
  await writeFileAtomic(layout.cliConfig, content);
  return true;
}

export function providerNamespaceAddress(host: string): string {
  return `${host}/${PROVIDER.namespace}/${PROVIDER.type}`;
}
