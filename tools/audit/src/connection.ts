// Where the audit API is and how to log in, read from the same environment the genesyscloud provider reads:
// a gateway (TF_VAR_gateway, the local emulated org) or the region (GENESYSCLOUD_REGION → api.<domain>),
// and a token (GENESYSCLOUD_ACCESS_TOKEN) or client credentials (GENESYSCLOUD_OAUTHCLIENT_ID/_SECRET).
import { CxError, EXIT, gatewayBaseUrl, regionDomain } from '@cxops/core';

export interface AuditConnection {
  /** Platform API root, e.g. https://api.mypurecloud.com (no trailing slash). */
  apiBase: string;
  /** Where /oauth/token is, e.g. https://login.mypurecloud.com. */
  loginBase: string;
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
}

const ACTION = 'reach the Genesys Cloud audit API';

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
  const base = gatewayBaseUrl(env, ACTION);
  if (base) return { apiBase: base, loginBase: base, ...credentials };
  const domain = regionDomain(env.GENESYSCLOUD_REGION || 'us-east-1', ACTION);
  return { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}`, ...credentials };
}
