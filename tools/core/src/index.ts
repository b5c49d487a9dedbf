export * from './errors.ts';
export * from './exec.ts';
export * from './files.ts';
export * from './progress.ts';
export * from './workspace.ts';
export * from './secrets.ts';
export * from './genesys-endpoints.ts';
export * from './hcl-writer.ts';
