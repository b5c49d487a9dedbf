terraform {
  required_version = ">= 1.10.0"

  required_providers {
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = "1.82.0"
    }
  }

  # Partial configuration: bucket, region and endpoint come from `cxops` (-backend-config), the key is per
  # department. Native S3 locking; no DynamoDB table.
  backend "s3" {
    use_lockfile = true
  }
}
