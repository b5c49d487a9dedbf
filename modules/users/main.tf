# Users keyed by email, with their routing skills, and their role grants (one genesyscloud_user_roles per user
# that has any role). Skills and roles are given by name and resolved through the ids other modules output.

locals {
  users = { for user in var.users : user.email => user }

  # email => role names to grant (own roles plus default_roles).
  roles = { for email, user in local.users : email => distinct(concat(var.default_roles, user.roles)) }

  # The names each id map knows, as maps of true: a lookup is O(1), where contains(keys(...)) scans every name.
  known_skills = tomap({ for skill in keys(var.skill_ids) : skill => true })
  known_roles  = tomap({ for role in keys(var.role_ids) : role => true })

  # Names each user refers to that the given id maps do not know (reported by the preconditions below).
  unknown = {
    for email, user in local.users : email => {
      skills = [for skill in keys(user.skills) : skill if !lookup(local.known_skills, skill, false)]
      roles  = [for role in local.roles[email] : role if !lookup(local.known_roles, role, false)]
    }
  }
}

resource "genesyscloud_user" "this" {
  for_each = local.users

  email           = each.key
  name            = each.value.name
  title           = each.value.title
  department      = each.value.department
  state           = each.value.state
  acd_auto_answer = each.value.acd_auto_answer
  division_id     = var.division_id

  # Always set (possibly to []), so skills granted by hand in Genesys Cloud show up as drift.
  routing_skills = [
    for skill, proficiency in each.value.skills : {
      skill_id    = var.skill_ids[skill]
      proficiency = proficiency
    } if lookup(local.known_skills, skill, false)
  ]

  lifecycle {
    precondition {
      condition     = length(local.unknown[each.key].skills) == 0
      error_message = "User '${each.key}' has skills that do not exist here: ${join(", ", local.unknown[each.key].skills)}. Add them to skills (owned by this root) or existing_skills (owned by environments/org), or fix the spelling."
    }
  }
}

resource "genesyscloud_user_roles" "this" {
  # Keyed like the users, with each user's id as the value: chaining for_each over the user resource reads the
  # users once, instead of evaluating `genesyscloud_user.this[each.key]` (all instances) once per grant.
  for_each = { for email, user in genesyscloud_user.this : email => user.id if length(local.roles[email]) > 0 }

  user_id = each.value

  dynamic "roles" {
    for_each = [for role in local.roles[each.key] : role if lookup(local.known_roles, role, false)]
    content {
      role_id      = var.role_ids[roles.value]
      division_ids = contains(var.org_wide_roles, roles.value) ? ["*"] : (var.division_id == null ? null : [var.division_id])
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.unknown[each.key].roles) == 0
      error_message = "User '${each.key}' is granted roles that are not known here: ${join(", ", local.unknown[each.key].roles)}. Roles are created by environments/org; list the name in existing_roles of this root (or fix the spelling)."
    }
  }
}
