import { Octokit } from '@octokit/rest';

const silent = () => {};

/**
 * An octokit for one API (github.com or a GitHub Enterprise server). Its debug log would print request
 * options, the authorization header among them, and its error log would repeat what our CxError says, so
 * both stay silent. No retry plugin is installed: a failed request fails the step once, with the fix.
 */
export function createOctokit({ token, baseUrl }: { token: string; baseUrl: string }): Octokit {
  return new Octokit({
    auth: token,
    baseUrl,
    userAgent: 'cxops',
    log: { debug: silent, info: silent, warn: console.warn, error: silent },
  });
}

/** The token octokit authenticates with, so error text can be redacted of it whatever its shape. */
export async function tokenOf(octokit: Octokit): Promise<string[]> {
  try {
    const auth = (await octokit.auth()) as { token?: unknown } | undefined;
    return typeof auth?.token === 'string' ? [auth.token] : [];
  } catch {
    return [];
  }
}
