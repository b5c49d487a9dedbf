# A small department in the org's home division: one skill of its own, one wrap-up code, two people, an
# in-queue flow, a phone queue and an email queue, and an inbound flow that transfers to the phone queue. It
# reads only what every org has (the Home division and the built-in employee role), so it plans in a new org.
# Flow paths are relative to this folder, where Terraform runs.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "department" {
  source = "../.."

  division = "Home"

  skills       = ["Example - Dept Networking"]
  wrapup_codes = [{ name = "Example - Dept Resolved", description = "Solved on this contact" }]

  default_wrapup_codes = ["Example - Dept Resolved"]

  in_queue_flows = [{ name = "Example Dept In-Queue Call", filepath = "flows/in-queue-call.yaml" }]

  inbound_flows = [{
    name          = "Example Dept Inbound Call"
    filepath      = "flows/inbound-call.yaml"
    queues        = { support_queue = "Example - Dept Phone" }
    substitutions = { greeting = "Thank you for calling the example department." }
  }]

  queues = [
    {
      name           = "Example - Dept Phone"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow  = "Example Dept In-Queue Call"
      members        = { "example.dept.agent@example.com" = 1 }
    },
    {
      name              = "Example - Dept Email"
      media_settings    = { email = {} }
      acw_wrapup_prompt = "OPTIONAL"
    },
  ]

  users = [
    {
      email  = "example.dept.agent@example.com"
      name   = "Example Dept Agent"
      title  = "Support Agent"
      skills = { "Example - Dept Networking" = 3 }
    },
    {
      email = "example.dept.lead@example.com"
      name  = "Example Dept Lead"
      title = "Team Lead"
    },
  ]
}
