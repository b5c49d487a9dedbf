export * from './manifest.ts';
export * from './layout.ts';
export * from './stamp.ts';
export * from './go.ts';
export * from './build.ts';
export * from './provider.ts';
export * from './cli-config.ts';
export * from './ensure.ts';
