variable "wrapup_codes" {
  description = <<-EOT
    Wrap-up codes this root owns and creates, keyed by name, e.g. [{ name = "Support - RMA Issued",
    description = "Hardware return authorised" }]. Names are unique in the org (compared without regard to
    case); a code another root owns (usually environments/org) belongs in `existing_wrapup_codes` instead.
  EOT
  type = list(object({
    name        = string
    description = optional(string)
  }))
  default = []

  validation {
    condition     = alltrue([for c in var.wrapup_codes : trimspace(c.name) != "" && c.name == trimspace(c.name)])
    error_message = "Wrap-up code names must not be empty or start/end with spaces; fix these entries in wrapup_codes: ${join(", ", [for c in var.wrapup_codes : "'${c.name}'" if trimspace(c.name) == "" || c.name != trimspace(c.name)])}."
  }

  validation {
    condition     = length(distinct([for c in var.wrapup_codes : lower(c.name)])) == length(var.wrapup_codes)
    error_message = "Wrap-up code names must be unique (Genesys Cloud ignores case when comparing them). Listed more than once in wrapup_codes: ${join(", ", distinct([for i, c in var.wrapup_codes : "'${c.name}'" if index([for x in var.wrapup_codes : lower(x.name)], lower(c.name)) != i]))}. Remove the duplicates."
  }
}

variable "existing_wrapup_codes" {
  description = "Names of wrap-up codes another root owns (usually environments/org, e.g. \"Callback Scheduled\"), read by name so this root can assign them to its queues. This module never creates, changes or deletes them; the owning root must have been applied first."
  type        = list(string)
  default     = []

  validation {
    condition     = length(distinct([for n in var.existing_wrapup_codes : lower(n)])) == length(var.existing_wrapup_codes)
    error_message = "Listed more than once in existing_wrapup_codes: ${join(", ", distinct([for i, n in var.existing_wrapup_codes : "'${n}'" if index([for x in var.existing_wrapup_codes : lower(x)], lower(n)) != i]))}. Remove the duplicates."
  }
}

variable "division_id" {
  description = "Id of the division the created wrap-up codes belong to (a department root passes its division). Null makes them visible in all divisions (*), which suits org-wide codes."
  type        = string
  default     = null
}
