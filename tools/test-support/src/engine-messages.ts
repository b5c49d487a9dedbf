// What OpenTofu 1.12.6 printed in real runs, for tests of how the tooling reads it.

/** The provider crashed while it configured itself (the demo's org apply in CI; see provider-crash.ts). */
export const PROVIDER_CRASHED_CONFIGURING = `
Error: Plugin did not respond

  with provider["registry.opentofu.org/mypurecloud/genesyscloud"],
  on providers.tf line 6, in provider "genesyscloud":
   6: provider "genesyscloud" {

The plugin encountered an error, and failed to respond to the
plugin.(*GRPCProvider).ConfigureProvider call. The plugin logs may contain
more details.
`;
