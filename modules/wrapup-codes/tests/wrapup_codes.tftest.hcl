# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.

mock_provider "genesyscloud" {}

variables {
  wrapup_codes = [
    { name = "Support - RMA Issued", description = "Hardware return authorised" },
    { name = "Support - Password Reset" },
  ]
  existing_wrapup_codes = ["Callback Scheduled"]
  division_id           = "division-support"
}

run "creates_one_code_per_name_in_the_division" {
  command = plan

  assert {
    condition     = toset(keys(genesyscloud_routing_wrapupcode.this)) == toset(["Support - RMA Issued", "Support - Password Reset"])
    error_message = "Wrap-up codes must be keyed by their names."
  }

  assert {
    condition     = genesyscloud_routing_wrapupcode.this["Support - RMA Issued"].description == "Hardware return authorised"
    error_message = "The description must be passed through."
  }

  assert {
    condition     = genesyscloud_routing_wrapupcode.this["Support - Password Reset"].division_id == "division-support"
    error_message = "Codes must be created in the given division."
  }

  assert {
    condition     = toset(keys(data.genesyscloud_routing_wrapupcode.existing)) == toset(["Callback Scheduled"])
    error_message = "Existing codes must be read by name."
  }
}

run "outputs_merge_created_and_existing_codes" {
  command = apply

  assert {
    condition     = toset(keys(output.ids)) == toset(["Support - RMA Issued", "Support - Password Reset", "Callback Scheduled"])
    error_message = "ids must cover created and existing codes."
  }

  assert {
    condition     = output.ids["Callback Scheduled"] == data.genesyscloud_routing_wrapupcode.existing["Callback Scheduled"].id
    error_message = "ids must carry the existing code's id."
  }

  assert {
    condition     = toset(keys(output.created_ids)) == toset(["Support - RMA Issued", "Support - Password Reset"])
    error_message = "created_ids must cover only the codes created here."
  }
}

run "rejects_duplicate_names_ignoring_case" {
  command = plan

  variables {
    wrapup_codes = [{ name = "Resolved" }, { name = "RESOLVED" }]
  }

  expect_failures = [var.wrapup_codes]
}

run "rejects_a_code_owned_by_two_roots" {
  command = plan

  variables {
    wrapup_codes          = [{ name = "Callback Scheduled" }]
    existing_wrapup_codes = ["Callback Scheduled"]
  }

  expect_failures = [data.genesyscloud_routing_wrapupcode.existing]
}
