# The department roots' moved blocks, shared as versions.tf and providers.tf are: no root loads this file from
# here; every department root links to it (environments/<department>/migrations.tf -> ../department-migrations.tf).

################################################################################
# Migrations: root layout v1 -> v2 ("One house"): the module calls of a department root moved into
# modules/department. Keep these blocks until every department's state has been applied with them; removing
# one earlier makes Terraform destroy and recreate what it moves.
################################################################################

moved {
  from = module.permissions
  to   = module.department.module.permissions
}

moved {
  from = module.skills
  to   = module.department.module.skills
}

moved {
  from = module.wrapup_codes
  to   = module.department.module.wrapup_codes
}

moved {
  from = module.users
  to   = module.department.module.users
}

moved {
  from = module.in_queue_flows
  to   = module.department.module.in_queue_flows
}

moved {
  from = module.queues
  to   = module.department.module.queues
}

moved {
  from = module.inbound_flows
  to   = module.department.module.inbound_flows
}
