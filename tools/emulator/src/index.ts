export * from './server.ts';
export * from './context.ts';
export * from './store.ts';
export * from './errors.ts';
export * from './faults.ts';
export * from './rate-limit.ts';
export * from './metrics.ts';
export { flowIdentity } from './routes/flows.ts';
export * from './admin-client.ts';
