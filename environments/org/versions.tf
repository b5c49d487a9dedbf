# Shared root wiring: this file exists once, here. Every department root links to it
# (environments/<department>/versions.tf -> ../org/versions.tf), so a change here plans every root.
terraform {
  required_version = ">= 1.10.0"

  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "1.82.0"
    }
  }

  # Partial configuration: bucket, region and endpoint come from `cxops` (-backend-config), the key is per
  # root. Native S3 locking; no DynamoDB table.
  backend "s3" {
    use_lockfile = true
  }
}
