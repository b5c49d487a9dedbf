export * from './apply-run.ts';
export { stagesOf, shareBudget, StageShares } from './schedule.ts';
export * from './select.ts';
