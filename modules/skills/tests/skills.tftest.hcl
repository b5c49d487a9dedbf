# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.

mock_provider "genesyscloud" {}

variables {
  skills          = ["Technical Support", "Support Tier 2"]
  existing_skills = ["Spanish"]
}

run "creates_one_skill_per_name" {
  command = plan

  assert {
    condition     = toset(keys(genesyscloud_routing_skill.this)) == toset(["Technical Support", "Support Tier 2"])
    error_message = "Skills must be keyed by their names, not by list position."
  }

  assert {
    condition     = genesyscloud_routing_skill.this["Support Tier 2"].name == "Support Tier 2"
    error_message = "A skill's name must be its key."
  }

  assert {
    condition     = toset(keys(data.genesyscloud_routing_skill.existing)) == toset(["Spanish"])
    error_message = "Existing skills must be read by name, not created."
  }
}

run "outputs_merge_created_and_existing_skills" {
  command = apply

  assert {
    condition     = toset(keys(output.ids)) == toset(["Technical Support", "Support Tier 2", "Spanish"])
    error_message = "ids must cover created and existing skills."
  }

  assert {
    condition     = toset(keys(output.created_ids)) == toset(["Technical Support", "Support Tier 2"])
    error_message = "created_ids must cover only the skills created here."
  }

  assert {
    condition     = output.ids["Support Tier 2"] == genesyscloud_routing_skill.this["Support Tier 2"].id
    error_message = "ids must carry the created skill's id."
  }

  assert {
    condition     = output.names == tolist(["Spanish", "Support Tier 2", "Technical Support"])
    error_message = "names must be sorted."
  }
}

run "list_order_does_not_matter" {
  command = plan

  variables {
    skills = ["Support Tier 2", "Technical Support"]
  }

  assert {
    condition     = toset(keys(genesyscloud_routing_skill.this)) == toset(["Technical Support", "Support Tier 2"])
    error_message = "Reordering the list must not change the keys."
  }
}

run "rejects_duplicate_names_ignoring_case" {
  command = plan

  variables {
    skills = ["Networking", "networking"]
  }

  expect_failures = [var.skills]
}

run "rejects_names_with_surrounding_spaces" {
  command = plan

  variables {
    skills = ["Networking "]
  }

  expect_failures = [var.skills]
}

run "rejects_a_skill_owned_by_two_roots" {
  command = plan

  variables {
    skills          = ["Spanish"]
    existing_skills = ["Spanish"]
  }

  expect_failures = [data.genesyscloud_routing_skill.existing]
}
