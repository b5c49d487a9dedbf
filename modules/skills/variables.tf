variable "skills" {
  description = <<-EOT
    Routing skills this root owns and creates, by name, e.g. ["Technical Support", "Support Tier 2"]. Skill
    names are unique in the org (compared without regard to case), so a skill that another root owns (usually
    environments/org) belongs in `existing_skills` instead. Renaming a skill replaces it (new id): agents lose
    it until the next apply.
  EOT
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.skills : trimspace(s) != "" && s == trimspace(s)])
    error_message = "Skill names must not be empty or start/end with spaces; fix these entries in skills: ${join(", ", [for s in var.skills : "'${s}'" if trimspace(s) == "" || s != trimspace(s)])}."
  }

  validation {
    condition     = length(distinct([for s in var.skills : lower(s)])) == length(var.skills)
    error_message = "Skill names must be unique (Genesys Cloud ignores case when comparing them). Listed more than once in skills: ${join(", ", distinct([for i, s in var.skills : "'${s}'" if index([for x in var.skills : lower(x)], lower(s)) != i]))}. Remove the duplicates."
  }
}

variable "existing_skills" {
  description = <<-EOT
    Names of skills another root owns (usually environments/org, e.g. language skills such as "Spanish"), read
    by name so this root can use their ids. This module never creates, changes or deletes them; the owning root
    must have been applied first.
  EOT
  type        = list(string)
  default     = []

  validation {
    condition     = length(distinct([for s in var.existing_skills : lower(s)])) == length(var.existing_skills)
    error_message = "Listed more than once in existing_skills: ${join(", ", distinct([for i, s in var.existing_skills : "'${s}'" if index([for x in var.existing_skills : lower(x)], lower(s)) != i]))}. Remove the duplicates."
  }
}
