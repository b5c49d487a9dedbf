export * from './engine.ts';
export * from './runner.ts';
