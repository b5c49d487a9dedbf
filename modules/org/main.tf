# The org-wide objects, owned by environments/org and by no other root: divisions, custom roles, and the skills
# and wrap-up codes every department shares. Department roots (modules/department) read them by name through
# data sources, so apply the org root first, and change these objects only there.

module "permissions" {
  source = "../permissions"

  divisions = var.divisions
  roles     = var.roles
}

module "skills" {
  source = "../skills"

  skills = var.shared_skills
}

module "wrapup_codes" {
  source = "../wrapup-codes"

  # null: visible in all divisions, so every department's queues can offer them.
  division_id  = null
  wrapup_codes = var.shared_wrapup_codes
}
