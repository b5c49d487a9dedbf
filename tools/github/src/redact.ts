// Defence in depth for error text: GitHub does not echo tokens and octokit already redacts the authorization
// header, but an error message is printed in CI logs that anyone with read access can see.

/** GitHub's token shapes: personal (classic and fine-grained), OAuth, user-to-server, app and Actions tokens. */
const GITHUB_TOKEN_SHAPE = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g;

export function redactTokens(text: string, secrets: readonly string[] = []): string {
  let result = text.replace(GITHUB_TOKEN_SHAPE, '[REDACTED]');
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join('[REDACTED]');
  return result;
}
