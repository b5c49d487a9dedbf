# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.
# Paths are relative to the module folder, where `tofu test` runs.

mock_provider "genesyscloud" {}

variables {
  common_substitutions = { division = "Support" }
  queue_names          = { "Support - Phone Tier 1" = "Support - Phone Tier 1" }
  flows = [
    {
      name          = "Support Inbound Call"
      filepath      = "tests/fixtures/inbound-call.yaml"
      queues        = { support_queue = "Support - Phone Tier 1" }
      substitutions = { greeting = "Thanks for calling support." }
    },
    {
      name     = "Support In-Queue Call"
      filepath = "tests/fixtures/in-queue-call.yaml"
    },
  ]
}

run "keys_flows_by_name_and_fills_substitutions" {
  command = plan

  assert {
    condition     = toset(keys(genesyscloud_flow.this)) == toset(["Support Inbound Call", "Support In-Queue Call"])
    error_message = "Flows must be keyed by their names."
  }

  assert {
    condition     = genesyscloud_flow.this["Support Inbound Call"].filepath == "tests/fixtures/inbound-call.yaml"
    error_message = "filepath must be passed through."
  }

  assert {
    condition     = genesyscloud_flow.this["Support Inbound Call"].substitutions["support_queue"] == "Support - Phone Tier 1"
    error_message = "Queue placeholders must be filled from queue_names."
  }

  assert {
    condition     = genesyscloud_flow.this["Support Inbound Call"].substitutions["flow_name"] == "Support Inbound Call"
    error_message = "flow_name must always be the flow's name."
  }

  assert {
    condition     = genesyscloud_flow.this["Support In-Queue Call"].substitutions["division"] == "Support"
    error_message = "common_substitutions must reach every flow."
  }

  assert {
    condition     = genesyscloud_flow.this["Support Inbound Call"].substitutions["greeting"] == "Thanks for calling support."
    error_message = "A flow's own substitutions must be passed through."
  }
}

run "outputs_ids_by_flow_name" {
  command = apply

  assert {
    condition     = output.ids["Support In-Queue Call"] == genesyscloud_flow.this["Support In-Queue Call"].id
    error_message = "ids must carry each flow's id."
  }

  assert {
    condition     = output.files["Support Inbound Call"] == "tests/fixtures/inbound-call.yaml"
    error_message = "files must map each flow to its YAML file."
  }
}

run "rejects_a_missing_file" {
  command = plan

  variables {
    flows = [{ name = "Support Inbound Call", filepath = "tests/fixtures/missing.yaml" }]
  }

  expect_failures = [var.flows]
}

run "rejects_a_file_with_two_flow_types" {
  command = plan

  variables {
    flows = [{ name = "Broken", filepath = "tests/fixtures/not-a-flow.yaml" }]
  }

  expect_failures = [var.flows]
}

run "rejects_duplicate_flow_names" {
  command = plan

  variables {
    flows = [
      { name = "Support In-Queue Call", filepath = "tests/fixtures/in-queue-call.yaml" },
      { name = "Support In-Queue Call", filepath = "tests/fixtures/in-queue-call.yaml" },
    ]
  }

  expect_failures = [var.flows]
}

run "rejects_overriding_flow_name" {
  command = plan

  variables {
    flows = [{ name = "Support In-Queue Call", filepath = "tests/fixtures/in-queue-call.yaml", substitutions = { flow_name = "Other" } }]
  }

  expect_failures = [var.flows]
}

run "rejects_a_queue_this_root_does_not_manage" {
  command = plan

  variables {
    flows = [{
      name          = "Support Inbound Call"
      filepath      = "tests/fixtures/inbound-call.yaml"
      queues        = { support_queue = "Sales - Phone" }
      substitutions = { greeting = "Hello." }
    }]
  }

  expect_failures = [genesyscloud_flow.this]
}

run "rejects_a_placeholder_without_a_value" {
  command = plan

  variables {
    flows = [{
      name     = "Support Inbound Call"
      filepath = "tests/fixtures/inbound-call.yaml"
      queues   = { support_queue = "Support - Phone Tier 1" }
    }]
  }

  expect_failures = [genesyscloud_flow.this]
}

run "reads_existing_flows_by_name_and_adds_their_ids" {
  command = plan

  variables {
    existing_flows = { "Sales In-Queue Call" = "inqueuecall" }
  }

  assert {
    condition     = data.genesyscloud_flow.existing["Sales In-Queue Call"].type == "inqueuecall"
    error_message = "An existing flow must be read by its name and type."
  }

  assert {
    condition     = contains(keys(output.ids), "Sales In-Queue Call") && contains(keys(output.ids), "Support In-Queue Call")
    error_message = "ids must hold the existing flows as well as the deployed ones."
  }
}

run "refuses_a_flow_both_deployed_and_read" {
  command = plan

  variables {
    existing_flows = { "Support In-Queue Call" = "inqueuecall" }
  }

  expect_failures = [data.genesyscloud_flow.existing]
}
