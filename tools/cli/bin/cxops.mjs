#!/usr/bin/env node
// The tooling is TypeScript run in place through tsx: no build step stands between an edit and a run.
import { register } from 'tsx/esm/api';

// The AWS SDK (pinned) warns on every run that its releases after January 2027 need Node 22; the warning
// concerns versions this repository does not use, and it would bury every command's own output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
