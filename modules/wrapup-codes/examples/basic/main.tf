# Two wrap-up codes visible in every division.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "wrapup_codes" {
  source = "../.."

  wrapup_codes = [
    { name = "Example - Resolved", description = "The customer's issue was solved on this contact" },
    { name = "Example - Follow-up Needed" },
  ]
}
