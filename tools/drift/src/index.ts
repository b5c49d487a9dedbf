export * from './check.ts';
export * from './report.ts';
export * from './store.ts';
export * from './job.ts';
export * from './issues.ts';
