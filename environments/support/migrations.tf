# State moves for changes of address. Keep each entry until every copy of this root's state has been applied
# past it; then it may be deleted.

# ------------------------------------------------------------------------------------------------------------
# Issue 4 — skills moved from a resource in this root into modules/skills; "Spanish" moved to environments/org.
# ------------------------------------------------------------------------------------------------------------

moved {
  from = genesyscloud_routing_skill.this["Technical Support"]
  to   = module.skills.genesyscloud_routing_skill.this["Technical Support"]
}

moved {
  from = genesyscloud_routing_skill.this["Billing Disputes"]
  to   = module.skills.genesyscloud_routing_skill.this["Billing Disputes"]
}

# What is left at the old address is "Spanish", now shared by every department and owned by environments/org.
# Forget it here instead of deleting it; then adopt it in the org root before its first apply:
#   (environments/org) tofu import 'module.skills.genesyscloud_routing_skill.this["Spanish"]' <skill id>
removed {
  from = genesyscloud_routing_skill.this

  lifecycle {
    destroy = false
  }
}
