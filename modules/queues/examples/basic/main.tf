# A phone queue with members and wrap-up codes, and an email queue whose members supervisors manage by hand.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "wrapup_codes" {
  source = "../../../wrapup-codes"

  wrapup_codes = [{ name = "Example - Resolved" }, { name = "Example - Escalated" }]
}

module "users" {
  source = "../../../users"

  users = [
    { email = "example.queue.agent@example.com", name = "Example Queue Agent" },
    { email = "example.queue.lead@example.com", name = "Example Queue Lead" },
  ]
}

module "queues" {
  source = "../.."

  user_ids             = module.users.ids
  wrapup_code_ids      = module.wrapup_codes.ids
  default_wrapup_codes = ["Example - Resolved"]

  queues = [
    {
      name           = "Example - Phone"
      description    = "80 % of calls answered within 20 seconds"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      wrapup_codes   = ["Example - Escalated"]
      members = {
        "example.queue.agent@example.com" = 1
        "example.queue.lead@example.com"  = 2
      }
    },
    {
      name              = "Example - Email"
      media_settings    = { email = { service_level_percentage = 0.9, service_level_duration_ms = 14400000 } }
      acw_wrapup_prompt = "OPTIONAL"
    },
  ]
}
