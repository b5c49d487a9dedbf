# One department's contact center: the domain modules composed and wired the way every department root needs
# them. The division, the roles and the skills and wrap-up codes all departments share are owned by
# environments/org (modules/org) and only read here by name, so apply org first. Everything is wired through
# module outputs, so Terraform derives the order:
# org lookups and skills -> users -> in-queue flows -> queues -> inbound flows.

locals {
  # Roles to look up: every role granted to someone in this department.
  role_names = distinct(concat(var.default_roles, flatten([for user in var.users : user.roles])))

  division_id = module.permissions.division_ids[var.division]
}

module "permissions" {
  source = "../permissions"

  existing_divisions = [var.division]
  existing_roles     = local.role_names
}

module "skills" {
  source = "../skills"

  skills          = var.skills
  existing_skills = var.shared_skills
}

module "wrapup_codes" {
  source = "../wrapup-codes"

  division_id           = local.division_id
  wrapup_codes          = var.wrapup_codes
  existing_wrapup_codes = var.shared_wrapup_codes
}

module "users" {
  source = "../users"

  division_id    = local.division_id
  users          = var.users
  skill_ids      = module.skills.ids
  role_ids       = module.permissions.role_ids
  default_roles  = var.default_roles
  org_wide_roles = var.org_wide_roles
}

module "in_queue_flows" {
  source = "../flows"

  flows                = var.in_queue_flows
  existing_flows       = var.existing_flows
  common_substitutions = { division = var.division }
}

module "queues" {
  source = "../queues"

  division_id          = local.division_id
  queues               = var.queues
  default_wrapup_codes = var.default_wrapup_codes
  user_ids             = module.users.ids
  wrapup_code_ids      = module.wrapup_codes.ids
  skill_ids            = module.skills.ids
  flow_ids             = module.in_queue_flows.ids
}

module "inbound_flows" {
  source = "../flows"

  flows                = var.inbound_flows
  queue_names          = module.queues.names
  common_substitutions = { division = var.division }
}
