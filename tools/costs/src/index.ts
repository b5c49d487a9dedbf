export * from './model.ts';
export * from './predict.ts';
export * from './choose.ts';
export { FEATURES, featureValues } from './features.ts';
export * from './apply-cost.ts';
