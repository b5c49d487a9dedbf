// Builds the cxops CLI now (npm's `prepare`, after `npm ci`), so the first command a newcomer runs does not
// pay for it. Nothing depends on it having run: bin/cxops.mjs builds on first use and after any edit.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { build } from '@cxops/core/prebuilt';

const packageDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const started = performance.now();
await build({ packageDir, entry: 'src/main.ts', splitting: true });
console.log(`cxops built into tools/cli/dist in ${Math.round(performance.now() - started)} ms`);
