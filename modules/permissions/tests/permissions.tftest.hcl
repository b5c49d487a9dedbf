# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.

mock_provider "genesyscloud" {}

variables {
  divisions = [
    { name = "Support", description = "Support department" },
    { name = "Billing" },
  ]
  roles = [
    {
      name        = "Contact Center Agent"
      description = "Handles interactions from the queues they are members of"
      permission_policies = [
        { domain = "routing", entity_name = "queue", action_set = ["view", "join"] },
        { domain = "conversation", entity_name = "call", action_set = ["accept"] },
      ]
    },
  ]
  existing_roles = ["employee"]
}

run "creates_divisions_and_roles_keyed_by_name" {
  command = plan

  assert {
    condition     = toset(keys(genesyscloud_auth_division.this)) == toset(["Support", "Billing"])
    error_message = "Divisions must be keyed by their names."
  }

  assert {
    condition     = genesyscloud_auth_division.this["Support"].description == "Support department"
    error_message = "The division description must be passed through."
  }

  assert {
    condition     = toset(keys(genesyscloud_auth_role.this)) == toset(["Contact Center Agent"])
    error_message = "Roles must be keyed by their names."
  }

  assert {
    condition     = length(genesyscloud_auth_role.this["Contact Center Agent"].permission_policies) == 2
    error_message = "Every permission policy must become a permission_policies block."
  }

  assert {
    condition = contains([
      for p in genesyscloud_auth_role.this["Contact Center Agent"].permission_policies : p.action_set if p.domain == "routing" && p.entity_name == "queue"
    ], toset(["view", "join"]))
    error_message = "action_set must be passed through as given."
  }

  assert {
    condition     = length(data.genesyscloud_auth_division_home.this) == 0
    error_message = "The home division is read only when asked for."
  }
}

run "outputs_merge_created_and_existing_objects" {
  command = apply

  variables {
    existing_divisions = ["Sales"]
    read_home_division = true
  }

  assert {
    condition     = toset(keys(output.division_ids)) == toset(["Support", "Billing", "Sales"])
    error_message = "division_ids must cover created and existing divisions."
  }

  assert {
    condition     = toset(keys(output.role_ids)) == toset(["Contact Center Agent", "employee"])
    error_message = "role_ids must cover created and existing roles."
  }

  assert {
    condition     = output.role_ids["employee"] == data.genesyscloud_auth_role.existing["employee"].id
    error_message = "role_ids must carry the existing role's id."
  }

  assert {
    condition     = output.home_division_id == data.genesyscloud_auth_division_home.this[0].id
    error_message = "home_division_id must come from the home division data source."
  }
}

run "rejects_duplicate_role_names" {
  command = plan

  variables {
    roles = [{ name = "Quality Evaluator" }, { name = "quality evaluator" }]
  }

  expect_failures = [var.roles]
}

run "rejects_a_policy_without_actions" {
  command = plan

  variables {
    roles = [{ name = "Empty", permission_policies = [{ domain = "routing", entity_name = "queue", action_set = [] }] }]
  }

  expect_failures = [var.roles]
}

run "rejects_duplicate_division_names" {
  command = plan

  variables {
    divisions = [{ name = "Support" }, { name = "support" }]
  }

  expect_failures = [var.divisions]
}

run "rejects_a_division_owned_by_two_roots" {
  command = plan

  variables {
    existing_divisions = ["Support"]
  }

  expect_failures = [data.genesyscloud_auth_division.existing]
}
