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

# The org's data lives in org.auto.tfvars. The shapes are checked (with messages naming the wrong value) by the
# modules, so the complex inputs are passed through untyped here; see each module's README for the fields.

variable "divisions" {
  description = "Divisions of the org, one per department: [{ name, description }]. See modules/permissions."
  type = list(object({
    name        = string
    description = optional(string)
  }))
  default = []
}

variable "roles" {
  description = "Custom roles: [{ name, description, permission_policies = [{ domain, entity_name, action_set }] }]. See modules/permissions."
  type        = any
  default     = []
}

variable "shared_skills" {
  description = "Skills every department may use (languages, VIP handling), owned here and read by name by the department roots."
  type        = list(string)
  default     = []
}

variable "shared_wrapup_codes" {
  description = "Wrap-up codes every department's queues offer: [{ name, description }], owned here and visible in all divisions."
  type        = any
  default     = []
}
