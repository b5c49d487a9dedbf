export * from './environment.ts';
export * from './objects.ts';
export * from './lock.ts';
export * from './history.ts';
export * from './doctor.ts';
