# Wrap-up codes: the ones this root owns (created, keyed by name) and the ones another root owns (read by name).

resource "genesyscloud_routing_wrapupcode" "this" {
  for_each = { for code in var.wrapup_codes : code.name => code }

  name        = each.key
  description = each.value.description
  division_id = var.division_id
}

data "genesyscloud_routing_wrapupcode" "existing" {
  for_each = toset(var.existing_wrapup_codes)

  name = each.key

  lifecycle {
    precondition {
      condition     = !contains([for c in var.wrapup_codes : lower(c.name)], lower(each.key))
      error_message = "Wrap-up code '${each.key}' is in both wrapup_codes (created here) and existing_wrapup_codes (owned by another root). A code has exactly one owning root: keep it in one of the two lists."
    }
  }
}
