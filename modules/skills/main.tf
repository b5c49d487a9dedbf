# Routing skills: the ones this root owns (created, keyed by name) and the ones another root owns (read by name).
# Both end up in one name => id map, so callers never need to know who owns a skill.

resource "genesyscloud_routing_skill" "this" {
  for_each = toset(var.skills)

  name = each.key
}

data "genesyscloud_routing_skill" "existing" {
  for_each = toset(var.existing_skills)

  name = each.key

  lifecycle {
    precondition {
      condition     = !contains([for s in var.skills : lower(s)], lower(each.key))
      error_message = "Skill '${each.key}' is in both skills (created here) and existing_skills (owned by another root). A skill has exactly one owning root: keep it in one of the two lists."
    }
  }
}
