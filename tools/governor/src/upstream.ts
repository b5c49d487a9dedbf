// Where the governor sends what the provider gives it: API calls to api.<domain>, the OAuth token call to
// login.<domain> (the SDK derives one from the other the same way), or both to one base URL (the emulated org,
// or a gateway of your own). Region → domain as in the provider's region map.
import { CxError, gatewayBaseUrl, regionDomain } from '@cxops/core';

const PACE = 'find the Genesys Cloud API to pace';

export interface Upstream {
  /** Base URL of the Platform API (paths /api/v2/...). */
  api: string;
  /** Base URL of the login service (path /oauth/token). */
  login: string;
}

export function regionUpstream(region: string): Upstream {
  const domain = regionDomain(region, PACE);
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
  const gateway = gatewayBaseUrl(env, PACE);
  if (gateway) return singleUpstream(gateway);
  const region = env.GENESYSCLOUD_REGION;
  if (!region)
    throw new CxError({
      action: PACE,
      reason: 'neither a gateway (TF_VAR_gateway) nor GENESYSCLOUD_REGION is set',
      fix: 'set GENESYSCLOUD_REGION to your org’s region, e.g. us-east-1',
    });
  return regionUpstream(region);
}
