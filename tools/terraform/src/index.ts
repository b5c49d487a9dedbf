export * from './engine.ts';
export * from './runner.ts';
export * from './progress-lines.ts';
export * from './lint-docs.ts';
export * from './provider-crash.ts';
