// Where the governor sends what the provider gives it: API calls to api.<domain>, the OAuth token call to
// login.<domain> (the SDK derives one from the other the same way), or both to one base URL (the emulated org,
// or a gateway of your own). Region → domain as in the provider's region map.
import { CxError } from '@cxops/core';

export interface Upstream {
  /** Base URL of the Platform API (paths /api/v2/...). */
  api: string;
  /** Base URL of the login service (path /oauth/token). */
  login: string;
}

const REGION_DOMAINS: Record<string, string> = {
  'us-east-1': 'mypurecloud.com',
  'us-east-2': 'use2.us-gov-pure.cloud',
  'us-west-2': 'usw2.pure.cloud',
  'ca-central-1': 'cac1.pure.cloud',
  'sa-east-1': 'sae1.pure.cloud',
  'mx-central-1': 'mxc1.pure.cloud',
  'eu-west-1': 'mypurecloud.ie',
  'eu-west-2': 'euw2.pure.cloud',
  'eu-central-1': 'mypurecloud.de',
  'eu-central-2': 'euc2.pure.cloud',
  'eusc-de-east-1': 'edee1.eusc-pure.cloud',
  'me-central-1': 'mec1.pure.cloud',
  'ap-south-1': 'aps1.pure.cloud',
  'ap-southeast-1': 'apse1.pure.cloud',
  'ap-southeast-2': 'mypurecloud.com.au',
  'ap-northeast-1': 'mypurecloud.jp',
  'ap-northeast-2': 'apne2.pure.cloud',
  'ap-northeast-3': 'apne3.pure.cloud',
};

export function regionUpstream(region: string): Upstream {
  const domain = REGION_DOMAINS[region];
  if (!domain)
    throw new CxError({
      action: 'find the Genesys Cloud API to pace',
      reason: `GENESYSCLOUD_REGION is "${region}", which is not a Genesys Cloud region`,
      fix: `set it to one of ${Object.keys(REGION_DOMAINS).join(', ')}`,
    });
  return { api: `https://api.${domain}`, login: `https://login.${domain}` };
}

/** One base URL for both (the emulated org answers /oauth/token and /api/v2 on one port). */
export function singleUpstream(baseUrl: string): Upstream {
  return { api: baseUrl, login: baseUrl };
}

/**
 * The upstream an environment's provider would have reached on its own: its gateway (the embedded default sets
 * one: TF_VAR_gateway, with null fields read from GENESYSCLOUD_GATEWAY_*) or its region's hosts.
 */
export function upstreamOf(env: Record<string, string | undefined>): Upstream {
  if (env.TF_VAR_gateway) {
    const parsed = JSON.parse(env.TF_VAR_gateway) as { protocol?: string; host?: string; port?: string };
    const protocol = parsed.protocol ?? env.GENESYSCLOUD_GATEWAY_PROTOCOL ?? 'http';
    const host = parsed.host ?? env.GENESYSCLOUD_GATEWAY_HOST ?? '127.0.0.1';
    const port = parsed.port ?? env.GENESYSCLOUD_GATEWAY_PORT;
    return singleUpstream(`${protocol}://${host}${port ? `:${port}` : ''}`);
  }
  const region = env.GENESYSCLOUD_REGION;
  if (!region)
    throw new CxError({
      action: 'find the Genesys Cloud API to pace',
      reason: 'neither a gateway (TF_VAR_gateway) nor GENESYSCLOUD_REGION is set',
      fix: 'set GENESYSCLOUD_REGION to your org’s region, e.g. us-east-1',
    });
  return regionUpstream(region);
}

/**
 * What sends a provider through the governor: a gateway whose address comes from the environment when the
 * provider starts, so the same setting serves a plan and the later apply of that saved plan.
 */
export function governedEnv(port: number): Record<string, string> {
  return {
    TF_VAR_gateway: '{}',
    GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
    GENESYSCLOUD_GATEWAY_HOST: '127.0.0.1',
    GENESYSCLOUD_GATEWAY_PORT: String(port),
  };
}
