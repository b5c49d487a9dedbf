// Where the genesyscloud provider sends its calls, read from the environment the same way it reads it: a gateway
// (TF_VAR_gateway, whose null fields the provider fills from GENESYSCLOUD_GATEWAY_* when it starts) or the
// region (GENESYSCLOUD_REGION → api.<domain> and login.<domain>). Every tool that calls the Platform API
// beside the provider (audit, onboarding, the rate governor) resolves it here, so they all reach the same org.
import { CxError } from './errors.ts';

/** The provider's region map (provider/provider.go getRegionMap in v1.82.0): AWS region → Genesys domain. */
export const REGION_DOMAINS: Readonly<Record<string, string>> = {
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

/** The Genesys domain of a region; `action` says what needed it, for the error. */
export function regionDomain(region: string, action: string): string {
  const domain = REGION_DOMAINS[region];
  if (!domain)
    throw new CxError({
      action,
      reason: `GENESYSCLOUD_REGION is "${region}", which is not a Genesys Cloud region`,
      fix: `set it to one of ${Object.keys(REGION_DOMAINS).join(', ')}`,
    });
  return domain;
}

interface GatewaySetting {
  protocol?: string | null;
  host?: string | null;
  port?: string | number | null;
}

/**
 * The base URL of the gateway the provider would use (one host serves /api/v2 and /oauth/token), or undefined
 * when no gateway is set and the provider reaches its region.
 */
export function gatewayBaseUrl(env: Record<string, string | undefined>, action: string): string | undefined {
  if (!env.TF_VAR_gateway) return undefined;
  let setting: GatewaySetting;
  try {
    setting = JSON.parse(env.TF_VAR_gateway) as GatewaySetting;
  } catch {
    throw new CxError({
      action,
      reason: 'TF_VAR_gateway is not JSON',
      fix: 'set it as {"protocol":"http","host":"127.0.0.1","port":"8089"} (or {} with GENESYSCLOUD_GATEWAY_*), or unset it for a real org',
    });
  }
  const protocol = setting.protocol ?? env.GENESYSCLOUD_GATEWAY_PROTOCOL ?? 'http';
  const host = setting.host ?? env.GENESYSCLOUD_GATEWAY_HOST ?? '127.0.0.1';
  const port = String(setting.port ?? env.GENESYSCLOUD_GATEWAY_PORT ?? '');
  // As the SDK does: no :port for 80 and 443.
  return !port || port === '80' || port === '443' ? `${protocol}://${host}` : `${protocol}://${host}:${port}`;
}

/**
 * What points the provider at a gateway on this machine (the emulated org, or the rate governor): `gateway = {}`
 * in the plan and the address in GENESYSCLOUD_GATEWAY_*, read when the provider starts — so a plan saved with it
 * does not pin an address, and its apply can be sent through another (the governor of the apply run).
 */
export function loopbackGatewayEnv(port: number | string): Record<string, string> {
  return {
    TF_VAR_gateway: '{}',
    GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
    GENESYSCLOUD_GATEWAY_HOST: '127.0.0.1',
    GENESYSCLOUD_GATEWAY_PORT: String(port),
  };
}
