export * from './apply-run.ts';
export { stagesOf, shareTokens, shareBudget } from './schedule.ts';
export * from './select.ts';
