variable "divisions" {
  description = <<-EOT
    Divisions this root owns and creates, keyed by name, e.g. [{ name = "Support", description = "Support
    department" }]. Only one root in the repository should create divisions (environments/org); department
    roots read theirs through `existing_divisions`. Renaming a division replaces it (new id), and Genesys Cloud
    does not move the objects of the old one.
  EOT
  type = list(object({
    name        = string
    description = optional(string)
  }))
  default = []

  validation {
    condition     = alltrue([for d in var.divisions : trimspace(d.name) != "" && d.name == trimspace(d.name)])
    error_message = "Division names must not be empty or start/end with spaces; fix these entries in divisions: ${join(", ", [for d in var.divisions : "'${d.name}'" if trimspace(d.name) == "" || d.name != trimspace(d.name)])}."
  }

  validation {
    condition     = length(distinct([for d in var.divisions : lower(d.name)])) == length(var.divisions)
    error_message = "Division names must be unique (compared without regard to case). Listed more than once in divisions: ${join(", ", distinct([for i, d in var.divisions : "'${d.name}'" if index([for x in var.divisions : lower(x.name)], lower(d.name)) != i]))}. Remove the duplicates."
  }
}

variable "roles" {
  description = <<-EOT
    Roles this root owns and creates, keyed by name. Each lists its permission policies as
    { domain, entity_name, action_set }, e.g. { domain = "routing", entity_name = "queue", action_set =
    ["view", "join"] }, and optionally general `permissions` (e.g. "group_creation"). Only one root should
    create roles (environments/org); department roots read them through `existing_roles` and grant them with the
    users module. List exact actions: wildcards ("*") are flagged by the plan policy no-permission-escalation.
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

  validation {
    condition     = alltrue([for r in var.roles : trimspace(r.name) != "" && r.name == trimspace(r.name)])
    error_message = "Role names must not be empty or start/end with spaces; fix these entries in roles: ${join(", ", [for r in var.roles : "'${r.name}'" if trimspace(r.name) == "" || r.name != trimspace(r.name)])}."
  }

  validation {
    condition     = length(distinct([for r in var.roles : lower(r.name)])) == length(var.roles)
    error_message = "Role names must be unique (compared without regard to case). Listed more than once in roles: ${join(", ", distinct([for i, r in var.roles : "'${r.name}'" if index([for x in var.roles : lower(x.name)], lower(r.name)) != i]))}. Remove the duplicates."
  }

  validation {
    condition = alltrue(flatten([
      for r in var.roles : [
        for p in r.permission_policies : trimspace(p.domain) != "" && trimspace(p.entity_name) != "" && length(p.action_set) > 0
      ]
    ]))
    error_message = "Every permission policy needs a domain, an entity_name and at least one action in action_set, e.g. { domain = \"routing\", entity_name = \"queue\", action_set = [\"view\"] }. Incomplete policies in: ${join(", ", distinct(flatten([for r in var.roles : [for p in r.permission_policies : "role '${r.name}' (${p.domain}:${p.entity_name})" if trimspace(p.domain) == "" || trimspace(p.entity_name) == "" || length(p.action_set) == 0]])))}."
  }

  validation {
    condition = alltrue(flatten([
      for r in var.roles : [
        for p in r.permission_policies : length(distinct(p.action_set)) == length(p.action_set)
      ]
    ]))
    error_message = "An action is listed twice in one policy's action_set (roles: ${join(", ", distinct(flatten([for r in var.roles : [for p in r.permission_policies : "'${r.name}' ${p.domain}:${p.entity_name}" if length(distinct(p.action_set)) != length(p.action_set)]])))}). List each action once."
  }
}

variable "existing_divisions" {
  description = "Names of divisions another root owns (environments/org), read by name so this root can place its queues, users and wrap-up codes in them. Never created, changed or deleted here; the owning root must have been applied first."
  type        = list(string)
  default     = []

  validation {
    condition     = length(distinct([for n in var.existing_divisions : lower(n)])) == length(var.existing_divisions)
    error_message = "Listed more than once in existing_divisions: ${join(", ", distinct([for i, n in var.existing_divisions : "'${n}'" if index([for x in var.existing_divisions : lower(x)], lower(n)) != i]))}. Remove the duplicates."
  }
}

variable "existing_roles" {
  description = "Names of roles another root owns (environments/org) or Genesys Cloud's built-in roles (e.g. \"employee\"), read by name so the users module can grant them. Never created, changed or deleted here."
  type        = list(string)
  default     = []

  validation {
    condition     = length(distinct(var.existing_roles)) == length(var.existing_roles)
    error_message = "Listed more than once in existing_roles: ${join(", ", distinct([for i, n in var.existing_roles : "'${n}'" if index(var.existing_roles, n) != i]))}. Remove the duplicates."
  }
}

variable "read_home_division" {
  description = "Whether to read the org's home division (one API call per plan) and return its id as home_division_id."
  type        = bool
  default     = false
}
