export * from './roots.ts';
export * from './environments.ts';
