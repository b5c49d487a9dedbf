# The three-step order every department root follows: the in-queue flow first (queues point at it), then the
# queue, then the inbound flow that transfers to the queue by name.
# Flow paths are relative to this folder, where Terraform runs.

# Region and credentials come from the environment only (GENESYSCLOUD_REGION, GENESYSCLOUD_OAUTHCLIENT_ID,
# GENESYSCLOUD_OAUTHCLIENT_SECRET or GENESYSCLOUD_ACCESS_TOKEN); nothing secret is written here.
provider "genesyscloud" {}

module "in_queue_flows" {
  source = "../.."

  common_substitutions = { division = "Home" }
  flows                = [{ name = "Example In-Queue Call", filepath = "flows/in-queue-call.yaml" }]
}

module "queues" {
  source = "../../../queues"

  flow_ids = module.in_queue_flows.ids
  queues = [{
    name           = "Example - Flow Queue"
    media_settings = { call = {} }
    in_queue_flow  = "Example In-Queue Call"
  }]
}

module "inbound_flows" {
  source = "../.."

  queue_names          = module.queues.names
  common_substitutions = { division = "Home" }
  flows = [{
    name          = "Example Inbound Call"
    filepath      = "flows/inbound-call.yaml"
    queues        = { support_queue = "Example - Flow Queue" }
    substitutions = { greeting = "Thank you for calling the example line." }
  }]
}
