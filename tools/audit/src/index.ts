export * from './connection.ts';
export * from './client.ts';
export * from './actor.ts';
export * from './attribution.ts';
