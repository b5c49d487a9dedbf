# The org-wide objects of a small org: one division, one custom role, one shared skill and one shared wrap-up
# code, which department roots would read by name.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "org" {
  source = "../.."

  divisions = [{ name = "Example Org Division", description = "The example department" }]

  roles = [{
    name                = "Example Org Agent"
    description         = "Sees and joins queues"
    permission_policies = [{ domain = "routing", entity_name = "queue", action_set = ["view", "join"] }]
  }]

  shared_skills       = ["Example - Org Spanish"]
  shared_wrapup_codes = [{ name = "Example - Org Transferred", description = "Handed to another queue" }]
}
