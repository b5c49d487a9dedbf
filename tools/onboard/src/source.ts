// Where onboarding reads from: the embedded default (the local stack's emulated org) or a real org, reached
// with GENESYSCLOUD_ACCESS_TOKEN or an OAuth client (GENESYSCLOUD_OAUTHCLIENT_ID/SECRET) in GENESYSCLOUD_REGION —
// the variables the provider reads. --api-url points at any other base (a gateway).
import { CxError, EXIT, REGION_DOMAINS } from '@cxops/core';
import { ensureEmulator } from '@cxops/stack';
import { PlatformClient, type Credentials } from './api-client.ts';

export interface SourceOptions {
  /** `emulated` (default): the local stack's emulated org; `live`: a real org from GENESYSCLOUD_* variables. */
  org?: 'emulated' | 'live';
  /** Base URL of the API, instead of the region's or the emulated org's (the token URL is `<it>/oauth/token`). */
  apiUrl?: string;
  region?: string;
  env?: NodeJS.ProcessEnv;
  concurrency?: number;
}

export interface OrgSource {
  client: PlatformClient;
  /** Where it reads, for the report: "emulated org at http://127.0.0.1:…" or "us-east-1 (api.mypurecloud.com)". */
  description: string;
}

export async function openSource(options: SourceOptions = {}): Promise<OrgSource> {
  const env = options.env ?? process.env;
  if ((options.org ?? 'emulated') === 'emulated') {
    const baseUrl = options.apiUrl ?? (await ensureEmulator()).emulator!.url;
    // The emulated org accepts any client; these placeholders never leave the machine.
    const credentials: Credentials = {
      kind: 'client',
      clientId: 'cxops-local',
      clientSecret: 'cxops-local',
      tokenUrl: new URL('/oauth/token', baseUrl).toString(),
    };
    return {
      client: new PlatformClient({ baseUrl, credentials, concurrency: options.concurrency }),
      description: `the emulated org at ${baseUrl}`,
    };
  }
  const region = options.region ?? env.GENESYSCLOUD_REGION ?? 'us-east-1';
  const domain = REGION_DOMAINS[region];
  if (!domain && !options.apiUrl)
    throw new CxError({
      action: 'reach the org',
      reason: `unknown region '${region}'`,
      fix: `set GENESYSCLOUD_REGION (or --region) to one of ${Object.keys(REGION_DOMAINS).join(', ')}`,
    });
  const baseUrl = options.apiUrl ?? `https://api.${domain}`;
  const tokenUrl = options.apiUrl
    ? new URL('/oauth/token', options.apiUrl).toString()
    : `https://login.${domain}/oauth/token`;
  let credentials: Credentials;
  if (env.GENESYSCLOUD_ACCESS_TOKEN) credentials = { kind: 'token', token: env.GENESYSCLOUD_ACCESS_TOKEN };
  else if (env.GENESYSCLOUD_OAUTHCLIENT_ID && env.GENESYSCLOUD_OAUTHCLIENT_SECRET)
    credentials = {
      kind: 'client',
      clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID,
      clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET,
      tokenUrl,
    };
  else
    throw new CxError({
      action: 'reach the org',
      reason:
        'no credentials: neither GENESYSCLOUD_ACCESS_TOKEN nor GENESYSCLOUD_OAUTHCLIENT_ID and _SECRET is set',
      fix: 'export the OAuth client the provider uses (a read-only one is enough), or onboard the emulated org without --org live',
      exitCode: EXIT.unavailable,
    });
  return {
    client: new PlatformClient({ baseUrl, credentials, concurrency: options.concurrency }),
    description: domain ? `${region} (${new URL(baseUrl).host})` : new URL(baseUrl).host,
  };
}
