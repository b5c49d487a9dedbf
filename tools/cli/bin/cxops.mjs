#!/usr/bin/env node
// cxops runs as JavaScript built from src/ (tools/cli/dist, made on first use and whenever a source changed:
// see @cxops/core/prebuilt.mjs), so it starts without compiling TypeScript and loads a command's packages only
// when that command runs. CXOPS_CLI_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (stack
// traces with source lines); so does any failure to build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The AWS SDK (pinned) warns on every run that its releases after January 2027 need Node 22; the warning
// concerns versions this repository does not use, and it would bury every command's own output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

async function fromBuild() {
  const { prebuilt } = await import('@cxops/core/prebuilt');
  return import(await prebuilt({ packageDir, entry: 'src/main.ts', splitting: true }));
}

async function fromSource() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/main.ts');
}

const { main } =
  process.env.CXOPS_CLI_FROM_SOURCE === '1'
    ? await fromSource()
    : await fromBuild().catch((error) => {
        if (process.env.CXOPS_DEBUG) console.error('cxops: no build, running the sources:', error);
        return fromSource();
      });
process.exitCode = await main(process.argv);
