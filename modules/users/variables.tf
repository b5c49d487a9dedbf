variable "users" {
  description = <<-EOT
    The people this root owns (agents, team leads, supervisors), one object per user, keyed in state by
    `email` (their Genesys Cloud login; changing it is a new user). Each has a `name`, optional `title` and
    `department`, `state` (active | inactive; default active: set inactive for leavers, deleting a user loses
    their history), `acd_auto_answer` (default false), `skills` (skill name => proficiency 0..5, resolved
    through skill_ids) and `roles` (role names, resolved through role_ids and granted in addition to
    default_roles).
  EOT
  type = list(object({
    email           = optional(string)
    name            = string
    title           = optional(string)
    department      = optional(string)
    state           = optional(string, "active")
    acd_auto_answer = optional(bool, false)
    skills          = optional(map(number), {})
    roles           = optional(list(string), [])
  }))
  default = []

  validation {
    condition     = alltrue([for u in var.users : try(trimspace(u.email), "") != ""])
    error_message = "Every user needs an email (their login, and the key this module tracks them by). Missing for: ${join(", ", [for u in var.users : "'${u.name}'" if try(trimspace(u.email), "") == ""])}. Add email = \"first.last@your-domain\" to each."
  }

  validation {
    condition     = alltrue([for u in var.users : try(trimspace(u.email), "") == "" || can(regex("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$", u.email))])
    error_message = "Malformed email: ${join(", ", [for u in var.users : "'${u.email}' (user '${u.name}')" if !(try(trimspace(u.email), "") == "" || can(regex("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$", u.email)))])}. An email looks like first.last@example.com: one @, no spaces, and a domain with a dot."
  }

  validation {
    condition     = length(distinct([for u in var.users : lower(trimspace(u.email)) if try(trimspace(u.email), "") != ""])) == length([for u in var.users : u if try(trimspace(u.email), "") != ""])
    error_message = "Each user must have their own email (compared without regard to case). Used more than once: ${join(", ", distinct([for i, e in [for u in var.users : lower(trimspace(u.email)) if try(trimspace(u.email), "") != ""] : "'${e}'" if index([for u in var.users : lower(trimspace(u.email)) if try(trimspace(u.email), "") != ""], e) != i]))}. Remove the duplicate entry, or fix the email."
  }

  validation {
    condition     = alltrue([for u in var.users : trimspace(u.name) != ""])
    error_message = "Every user needs a name; it is empty for: ${join(", ", [for u in var.users : "'${try(u.email, "")}'" if trimspace(u.name) == ""])}."
  }

  validation {
    condition     = alltrue([for u in var.users : contains(["active", "inactive"], u.state)])
    error_message = "Unknown user state: ${join(", ", [for u in var.users : "'${try(u.email, "")}' has '${u.state}'" if !contains(["active", "inactive"], u.state)])}. Use active or inactive (lower case)."
  }

  validation {
    condition     = alltrue(flatten([for u in var.users : [for p in values(u.skills) : try(p >= 0 && p <= 5, false)]]))
    error_message = "Skill proficiency out of range: ${join("; ", flatten([for u in var.users : [for skill, p in u.skills : "user '${try(u.email, "")}' skill '${skill}' = ${try(tostring(p), "null")}" if !try(p >= 0 && p <= 5, false)]]))}. Proficiency is a rating from 0 to 5 (e.g. 1 beginner, 3 competent, 5 expert)."
  }
}

variable "division_id" {
  description = "Id of the division the users belong to, and in which their roles are granted (a department root passes its division). Null uses the home division."
  type        = string
  default     = null
}

variable "default_roles" {
  description = "Role names granted to every user here, in addition to their own roles, e.g. [\"employee\"]. Genesys Cloud grants new users the employee role; leave it out and the role grant resource removes it."
  type        = list(string)
  default     = []
}

variable "org_wide_roles" {
  description = "Role names that are granted in all divisions (\"*\") instead of the users' own division, e.g. [\"employee\"] so everyone can find colleagues in the directory."
  type        = list(string)
  default     = []
}

variable "skill_ids" {
  description = "Skill id by name, used to resolve each user's skills. Pass the skills module's ids output."
  type        = map(string)
  default     = {}
}

variable "role_ids" {
  description = "Role id by name, used to resolve roles and default_roles. Pass the permissions module's role_ids output (roles read by name from environments/org)."
  type        = map(string)
  default     = {}
}
