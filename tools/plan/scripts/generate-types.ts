// `npm run generate:types`: regenerates tools/plan/src/generated/genesyscloud.ts from the provider schema the
// toolchain saved (.toolchain/schemas/, or CXOPS_TOOLCHAIN_DIR's) for the resource types the modules use.
// `--check` writes nothing and exits 1 when the committed file differs.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CxError, workspaceRoot, writeFileAtomic } from '@cxops/core';
import { GENERATED_FILE, generateTypes } from './provider-types.ts';

async function main(): Promise<void> {
  const started = performance.now();
  const file = path.join(workspaceRoot(), GENERATED_FILE);
  const text = await generateTypes();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const size = `${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes`;
  if (process.argv.includes('--check')) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error(`${GENERATED_FILE} is stale: run \`npm run generate:types\` and commit the result.`);
      process.exitCode = 1;
      return;
    }
    console.log(`${GENERATED_FILE} is up to date (${size}; checked in ${seconds} s).`);
    return;
  }
  await writeFileAtomic(file, text);
  console.log(`wrote ${GENERATED_FILE} (${size}) in ${seconds} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof CxError ? error.format() : error);
  process.exitCode = 1;
});
