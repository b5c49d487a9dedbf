export * from './types.ts';
export * from './rules.ts';
export * from './evaluate.ts';
export * from './config.ts';
export * from './render.ts';
export * from './contact-center.ts';
