# The org-wide objects, owned by this root and by no other: divisions, custom roles, and the skills and wrap-up
# codes every department shares. Department roots (sales, support, billing) read them by name through data
# sources, so apply this root first, and change these objects only here.

module "permissions" {
  source = "../../modules/permissions"

  divisions = var.divisions
  roles     = var.roles
}

module "skills" {
  source = "../../modules/skills"

  skills = var.shared_skills
}

module "wrapup_codes" {
  source = "../../modules/wrapup-codes"

  # null: visible in all divisions, so every department's queues can offer them.
  division_id  = null
  wrapup_codes = var.shared_wrapup_codes
}
