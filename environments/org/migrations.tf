################################################################################
# Migrations: root layout v1 -> v2 ("One house"): the module calls of this root moved into modules/org.
# Keep these blocks until every state of this root has been applied with them; removing one earlier makes
# Terraform destroy and recreate what it moves.
################################################################################

moved {
  from = module.permissions
  to   = module.org.module.permissions
}

moved {
  from = module.skills
  to   = module.org.module.skills
}

moved {
  from = module.wrapup_codes
  to   = module.org.module.wrapup_codes
}
