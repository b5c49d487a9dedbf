# Two agents with skills and the built-in employee role.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "skills" {
  source = "../../../skills"

  skills = ["Example - Networking"]
}

module "permissions" {
  source = "../../../permissions"

  existing_roles = ["employee"]
}

module "users" {
  source = "../.."

  skill_ids      = module.skills.ids
  role_ids       = module.permissions.role_ids
  default_roles  = ["employee"]
  org_wide_roles = ["employee"]

  users = [
    {
      email  = "example.agent.one@example.com"
      name   = "Example Agent One"
      title  = "Support Agent"
      skills = { "Example - Networking" = 3 }
    },
    {
      email = "example.agent.two@example.com"
      name  = "Example Agent Two"
      title = "Support Agent"
    },
  ]
}
