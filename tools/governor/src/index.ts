export * from './budget.ts';
export * from './governor.ts';
export * from './upstream.ts';
export { credentialFingerprint } from './fingerprint.ts';
