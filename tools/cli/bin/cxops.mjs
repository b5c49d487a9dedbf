#!/usr/bin/env node
// The tooling is TypeScript run in place through tsx: no build step stands between an edit and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
