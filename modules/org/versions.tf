terraform {
  required_version = ">= 1.10.0"

  required_providers {
    # The provider is used by the modules this one composes; the minimum is stated here too, so a root that
    # calls only this module sees it (hence the tflint-ignore: no resource here uses the provider directly).
    # tflint-ignore: terraform_unused_required_providers
    genesyscloud = {
      source  = "mypurecloud/genesyscloud"
      version = ">= 1.82.0"
    }
  }
}
