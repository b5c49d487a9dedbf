export * from './stack.ts';
export * from './state-bucket.ts';
export * from './backend.ts';
export * from './process.ts';
export * from './released-locks.ts';
export * from './target.ts';
export * from './emulated-org.ts';
export * from './state-store.ts';
