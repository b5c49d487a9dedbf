# One division and one narrow role, plus Genesys Cloud's built-in employee role read by name.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "permissions" {
  source = "../.."

  divisions = [{ name = "Example Division", description = "Created by the permissions module example" }]
  roles = [
    {
      name        = "Example Queue Viewer"
      description = "Can see queues and their live statistics"
      permission_policies = [
        { domain = "routing", entity_name = "queue", action_set = ["view"] },
        { domain = "analytics", entity_name = "queueObservation", action_set = ["view"] },
      ]
    },
  ]
  existing_roles     = ["employee"]
  read_home_division = true
}
