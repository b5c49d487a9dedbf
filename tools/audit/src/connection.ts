// Where the audit API is and how to log in, read from the same environment the genesyscloud provider reads:
// a gateway (TF_VAR_gateway, the local emulated org) or the region (GENESYSCLOUD_REGION → api.<domain>),
// and a token (GENESYSCLOUD_ACCESS_TOKEN) or client credentials (GENESYSCLOUD_OAUTHCLIENT_ID/_SECRET).
import { CxError, EXIT } from '@cxops/core';

export interface AuditConnection {
  /** Platform API root, e.g. https://api.mypurecloud.com (no trailing slash). */
  apiBase: string;
  /** Where /oauth/token is, e.g. https://login.mypurecloud.com. */
  loginBase: string;
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
}

/** The provider's region map (provider.go getRegionMap): aws_region → domain of api. and login. */
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

const ACTION = 'reach the Genesys Cloud audit API';

function gatewayBase(json: string): string {
  let gateway: { protocol?: string; host?: string; port?: string | number };
  try {
    gateway = JSON.parse(json) as typeof gateway;
  } catch {
    throw new CxError({
      action: ACTION,
      reason: 'TF_VAR_gateway is not JSON',
      fix: 'set it as {"protocol":"http","host":"127.0.0.1","port":"8089"}, or unset it for a real org',
    });
  }
  const protocol = gateway.protocol ?? 'http';
  const port = String(gateway.port ?? '');
  // As the SDK does: no :port for 80 and 443.
  const hostPort = !port || port === '80' || port === '443' ? gateway.host : `${gateway.host}:${port}`;
  return `${protocol}://${hostPort ?? '127.0.0.1'}`;
}

export function auditConnectionFromEnv(env: Record<string, string | undefined>): AuditConnection {
  const credentials = {
    ...(env.GENESYSCLOUD_ACCESS_TOKEN ? { accessToken: env.GENESYSCLOUD_ACCESS_TOKEN } : {}),
    ...(env.GENESYSCLOUD_OAUTHCLIENT_ID ? { clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID } : {}),
    ...(env.GENESYSCLOUD_OAUTHCLIENT_SECRET ? { clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET } : {}),
  };
  if (!credentials.accessToken && !(credentials.clientId && credentials.clientSecret))
    throw new CxError({
      action: ACTION,
      reason:
        'no credentials: GENESYSCLOUD_ACCESS_TOKEN, or GENESYSCLOUD_OAUTHCLIENT_ID and _SECRET, must be set',
      fix: 'set the OAuth client the provider uses (its role needs audits:audit:view to say who changed what)',
      exitCode: EXIT.unavailable,
    });
  if (env.TF_VAR_gateway) {
    const base = gatewayBase(env.TF_VAR_gateway);
    return { apiBase: base, loginBase: base, ...credentials };
  }
  const region = env.GENESYSCLOUD_REGION || 'us-east-1';
  const domain = REGION_DOMAINS[region];
  if (!domain)
    throw new CxError({
      action: ACTION,
      reason: `GENESYSCLOUD_REGION is "${region}", which is not a Genesys Cloud region`,
      fix: `use one of ${Object.keys(REGION_DOMAINS).join(', ')}`,
    });
  return { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}`, ...credentials };
}
