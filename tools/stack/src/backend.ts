// Partial S3 backend configuration for one department root, pointing at the local stack's server.
import { stateKey } from '@cxops/layout';
import type { S3Service } from './stack.ts';

export interface BackendSettings {
  /** Content of a `.s3.tfbackend` file passed with -backend-config (no secrets in it). */
  file: string;
  /** Credentials, passed to tofu through its environment only. */
  env: Record<string, string>;
}

export function localBackend(s3: S3Service, environment: string): BackendSettings {
  const file = [
    `bucket = ${JSON.stringify(s3.bucket)}`,
    `key    = ${JSON.stringify(stateKey(environment))}`,
    `region = ${JSON.stringify(s3.region)}`,
    `endpoints = { s3 = ${JSON.stringify(s3.endpoint)} }`,
    'use_path_style              = true',
    'skip_credentials_validation = true',
    'skip_requesting_account_id  = true',
    'skip_metadata_api_check     = true',
    'skip_region_validation      = true',
    '',
  ].join('\n');
  return {
    file,
    env: {
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      AWS_REGION: s3.region,
    },
  };
}
