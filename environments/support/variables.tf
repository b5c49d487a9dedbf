variable "genesys_region" {
  description = "Genesys Cloud region of the org, e.g. us-east-1 or eu-west-1. Null when a gateway is set."
  type        = string
  default     = null
}

variable "gateway" {
  description = "Where to send API calls instead of the region's hosts: the local emulated org. Null in production."
  type = object({
    protocol = optional(string, "http")
    host     = optional(string, "127.0.0.1")
    port     = string
  })
  default = null
}
