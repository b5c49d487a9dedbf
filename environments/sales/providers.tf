# Credentials come from the environment only: GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET
# (or GENESYSCLOUD_ACCESS_TOKEN). Nothing secret lives in this repository.
provider "genesyscloud" {
  aws_region = var.genesys_region

  # Only set to reach the local emulated org (the embedded default); production leaves it null.
  dynamic "gateway" {
    for_each = var.gateway == null ? [] : [var.gateway]
    content {
      protocol = gateway.value.protocol
      host     = gateway.value.host
      port     = gateway.value.port
    }
  }
}
