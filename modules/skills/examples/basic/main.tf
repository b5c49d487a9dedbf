# A root that owns two skills. Skills another root owns (e.g. "Spanish" from environments/org) would be listed in
# existing_skills and read by name.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "skills" {
  source = "../.."

  skills          = ["Example - Networking", "Example - Tier 2"]
  existing_skills = []
}
