export * from './model.ts';
export * from './load.ts';
export * from './values.ts';
export * from './select.ts';
export * from './describe.ts';
export * from './summary.ts';
export * from './policies/index.ts';
export * from './drift.ts';
