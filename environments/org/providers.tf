# Shared root wiring: this file exists once, here. Every department root links to it
# (environments/<department>/providers.tf -> ../org/providers.tf), so a change here plans every root.
#
# Credentials come from the environment only: GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET
# (or GENESYSCLOUD_ACCESS_TOKEN). Nothing secret lives in this repository.
provider "genesyscloud" {
  aws_region = var.genesys_region

  # Only set to reach the local emulated org or the rate governor; production plans without cxops leave it null.
  # A field left null is read by the provider from GENESYSCLOUD_GATEWAY_PROTOCOL/HOST/PORT when it starts, so a
  # saved plan made with `gateway = {}` can be applied through another address (the governor of the apply run).
  dynamic "gateway" {
    for_each = var.gateway == null ? [] : [var.gateway]
    content {
      protocol = gateway.value.protocol
      host     = gateway.value.host
      port     = gateway.value.port
    }
  }
}

# The provider's two settings live beside it, so the one linked file carries the whole wiring (hence the
# tflint-ignore: the standard module structure would want them in variables.tf).

# tflint-ignore: terraform_standard_module_structure
variable "genesys_region" {
  description = "Genesys Cloud region of the org, e.g. us-east-1 or eu-west-1. Null when a gateway is set."
  type        = string
  default     = null
}

# tflint-ignore: terraform_standard_module_structure
variable "gateway" {
  description = "Where to send API calls instead of the region's hosts: the local emulated org or the rate governor. Null fields come from GENESYSCLOUD_GATEWAY_* at run time. Null in production without cxops."
  type = object({
    protocol = optional(string)
    host     = optional(string)
    port     = optional(string)
  })
  default = null
}
