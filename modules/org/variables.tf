# The element types mirror the domain modules' inputs; the domain modules validate the values (with messages
# that name the division, role, skill or code at fault) and their READMEs describe every field.

variable "divisions" {
  description = "Divisions of the org, one per department: [{ name, description }]. Department roots read theirs by name; renaming one replaces it. See modules/permissions."
  type = list(object({
    name        = string
    description = optional(string)
  }))
  default = []
}

variable "roles" {
  description = <<-EOT
    Custom roles: [{ name, description, permissions = [general permissions], permission_policies = [{ domain,
    entity_name, action_set }] }], e.g. { domain = "routing", entity_name = "queue", action_set = ["view",
    "join"] }. List exact actions: wildcards are flagged by the plan policy no-permission-escalation. See
    modules/permissions.
  EOT
  type = list(object({
    name        = string
    description = optional(string)
    permissions = optional(list(string), [])
    permission_policies = optional(list(object({
      domain      = string
      entity_name = string
      action_set  = list(string)
    })), [])
  }))
  default = []
}

variable "shared_skills" {
  description = "Skills every department may use (languages, VIP handling), owned here and read by name by the department roots (their shared_skills)."
  type        = list(string)
  default     = []
}

variable "shared_wrapup_codes" {
  description = "Wrap-up codes every department's queues may offer: [{ name, description }], visible in all divisions and read by name by the department roots (their shared_wrapup_codes)."
  type = list(object({
    name        = string
    description = optional(string)
  }))
  default = []
}
