export * from './session.ts';
export * from './plans.ts';
export * from './environment-jobs.ts';
export * from './root-jobs.ts';
export * from './demo.ts';
