# The sales department: its own skills, wrap-up codes, users, queues and flows. The division, the roles and the
# skills and wrap-up codes every department shares are owned by environments/org (apply it first) and are only
# read here by name. Everything is wired through module outputs, so Terraform derives the order:
# org lookups and skills -> users -> in-queue flows -> queues -> inbound flows.

locals {
  # Roles to look up: every role granted to someone in this department.
  role_names = distinct(concat(var.default_roles, flatten([for user in var.users : try(user.roles, [])])))
}

module "permissions" {
  source = "../../modules/permissions"

  existing_divisions = [var.division]
  existing_roles     = local.role_names
}

module "skills" {
  source = "../../modules/skills"

  skills          = var.skills
  existing_skills = var.shared_skills
}

module "wrapup_codes" {
  source = "../../modules/wrapup-codes"

  division_id           = module.permissions.division_ids[var.division]
  wrapup_codes          = var.wrapup_codes
  existing_wrapup_codes = var.shared_wrapup_codes
}

module "users" {
  source = "../../modules/users"

  division_id    = module.permissions.division_ids[var.division]
  users          = var.users
  skill_ids      = module.skills.ids
  role_ids       = module.permissions.role_ids
  default_roles  = var.default_roles
  org_wide_roles = var.org_wide_roles
}

module "in_queue_flows" {
  source = "../../modules/flows"

  flows                = var.in_queue_flows
  common_substitutions = { division = var.division }
}

module "queues" {
  source = "../../modules/queues"

  division_id          = module.permissions.division_ids[var.division]
  queues               = var.queues
  default_wrapup_codes = var.default_wrapup_codes
  user_ids             = module.users.ids
  wrapup_code_ids      = module.wrapup_codes.ids
  skill_ids            = module.skills.ids
  flow_ids             = module.in_queue_flows.ids
}

module "inbound_flows" {
  source = "../../modules/flows"

  flows                = var.inbound_flows
  queue_names          = module.queues.names
  common_substitutions = { division = var.division }
}
