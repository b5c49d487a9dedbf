# The org's authorization model: divisions and roles. environments/org creates them; department roots only read
# them by name (existing_divisions / existing_roles), so every division and role has exactly one owning root.

resource "genesyscloud_auth_division" "this" {
  for_each = { for division in var.divisions : division.name => division }

  name        = each.key
  description = each.value.description
}

resource "genesyscloud_auth_role" "this" {
  for_each = { for role in var.roles : role.name => role }

  name        = each.key
  description = each.value.description
  permissions = each.value.permissions

  dynamic "permission_policies" {
    for_each = each.value.permission_policies
    content {
      domain      = permission_policies.value.domain
      entity_name = permission_policies.value.entity_name
      action_set  = permission_policies.value.action_set
    }
  }
}

data "genesyscloud_auth_division" "existing" {
  for_each = toset(var.existing_divisions)

  name = each.key

  lifecycle {
    precondition {
      condition     = !contains([for d in var.divisions : lower(d.name)], lower(each.key))
      error_message = "Division '${each.key}' is in both divisions (created here) and existing_divisions (owned by another root). A division has exactly one owning root: keep it in one of the two lists."
    }
  }
}

data "genesyscloud_auth_role" "existing" {
  for_each = toset(var.existing_roles)

  name = each.key

  lifecycle {
    precondition {
      condition     = !contains([for r in var.roles : r.name], each.key)
      error_message = "Role '${each.key}' is in both roles (created here) and existing_roles (owned by another root). A role has exactly one owning root: keep it in one of the two lists."
    }
  }
}

data "genesyscloud_auth_division_home" "this" {
  count = var.read_home_division ? 1 : 0
}
