# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.

mock_provider "genesyscloud" {}

variables {
  division_id          = "division-support"
  default_wrapup_codes = ["Transferred"]
  user_ids = {
    "ana.lopez@example.com"  = "user-ana"
    "ben.okafor@example.com" = "user-ben"
  }
  wrapup_code_ids = {
    "Transferred"          = "wc-transferred"
    "Support - RMA Issued" = "wc-rma"
  }
  skill_ids = { "Support Tier 2" = "skill-tier2" }
  flow_ids  = { "Support In-Queue Call" = "flow-in-queue" }

  queues = [
    {
      name           = "Support - Phone Tier 1"
      description    = "First line for calls"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow  = "Support In-Queue Call"
      wrapup_codes   = ["Support - RMA Issued"]
      members = {
        "ana.lopez@example.com"  = 1
        "ben.okafor@example.com" = 2
      }
      bullseye_rings = [
        { expansion_timeout_seconds = 15, skills_to_remove = ["Support Tier 2"] },
        { expansion_timeout_seconds = 30 },
      ]
    },
    {
      name              = "Support - Email"
      media_settings    = { email = {} }
      acw_wrapup_prompt = "OPTIONAL"
    },
  ]
}

run "keys_queues_by_name" {
  command = plan

  assert {
    condition     = toset(keys(genesyscloud_routing_queue.this)) == toset(["Support - Phone Tier 1", "Support - Email"])
    error_message = "Queues must be keyed by their names, not by list position."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].division_id == "division-support"
    error_message = "Queues must be created in the given division."
  }
}

run "fills_media_defaults_per_media_type" {
  command = plan

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].media_settings_call[0].alerting_timeout_sec == 8
    error_message = "A call queue without alerting_timeout_sec must ring for 8 seconds."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].media_settings_call[0].service_level_percentage == 0.8
    error_message = "The service level must be passed through."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Email"].media_settings_email[0].alerting_timeout_sec == 300
    error_message = "An email queue must default to a 300 s alerting timeout."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Email"].media_settings_email[0].service_level_duration_ms == 86400000
    error_message = "An email queue must default to a 24 h service level target."
  }

  assert {
    condition     = length(genesyscloud_routing_queue.this["Support - Email"].media_settings_email) == 1
    error_message = "Only the configured media types get a media_settings block."
  }
}

run "resolves_names_to_ids" {
  command = plan

  assert {
    condition = genesyscloud_routing_queue.this["Support - Phone Tier 1"].members == toset([
      { user_id = "user-ana", ring_num = 1 },
      { user_id = "user-ben", ring_num = 2 },
    ])
    error_message = "Members must be resolved from emails to user ids with their ring numbers."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].wrapup_codes == toset(["wc-transferred", "wc-rma"])
    error_message = "Wrap-up codes must be the queue's own plus default_wrapup_codes, resolved to ids."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].queue_flow_id == "flow-in-queue"
    error_message = "in_queue_flow must be resolved to the flow id."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].bullseye_rings[0].skills_to_remove == toset(["skill-tier2"])
    error_message = "Bullseye skills must be resolved to skill ids."
  }
}

run "leaves_membership_to_supervisors_when_members_is_null" {
  command = plan

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Email"].ignore_members == true
    error_message = "A queue without members must set ignore_members, or the provider removes every member."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].ignore_members == null
    error_message = "ignore_members conflicts with members: it must stay unset when members are managed."
  }
}

run "applies_acw_timeout_only_to_timeout_prompts" {
  command = plan

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].acw_wrapup_prompt == "MANDATORY_TIMEOUT"
    error_message = "The default prompt must be MANDATORY_TIMEOUT."
  }

  assert {
    condition     = genesyscloud_routing_queue.this["Support - Phone Tier 1"].acw_timeout_ms == 120000
    error_message = "A timeout prompt without acw_timeout_ms must get default_acw_timeout_ms."
  }
}

run "outputs_ids_and_names_by_queue_name" {
  command = apply

  assert {
    condition     = output.ids["Support - Email"] == genesyscloud_routing_queue.this["Support - Email"].id
    error_message = "ids must carry each queue's id."
  }

  assert {
    condition     = output.names["Support - Email"] == "Support - Email" && output.names["Support - Phone Tier 1"] == "Support - Phone Tier 1"
    error_message = "names must map each queue name to the created queue's name."
  }

  assert {
    condition     = toset(keys(output.members)) == toset(["Support - Phone Tier 1"])
    error_message = "members must list only queues whose membership is managed here."
  }

  assert {
    condition     = output.members["Support - Phone Tier 1"] == tolist(["ana.lopez@example.com", "ben.okafor@example.com"])
    error_message = "members must list the managed member emails, sorted."
  }
}

run "rejects_alerting_timeout_below_7_seconds" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone", media_settings = { call = { alerting_timeout_sec = 5 } } }]
  }

  expect_failures = [var.queues]
}

run "rejects_service_level_written_as_a_percentage" {
  command = plan

  variables {
    queues = [{ name = "Support - Chat", media_settings = { chat = { service_level_percentage = 80 } } }]
  }

  expect_failures = [var.queues]
}

run "rejects_a_negative_service_level" {
  command = plan

  variables {
    queues = [{ name = "Support - Chat", media_settings = { chat = { service_level_percentage = -0.1 } } }]
  }

  expect_failures = [var.queues]
}

run "rejects_ring_numbers_outside_1_to_6" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone", members = { "ana.lopez@example.com" = 7 } }]
  }

  expect_failures = [var.queues]
}

run "rejects_ring_zero" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone", members = { "ana.lopez@example.com" = 0 } }]
  }

  expect_failures = [var.queues]
}

run "rejects_duplicate_queue_names_ignoring_case" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone" }, { name = "support - phone" }]
  }

  expect_failures = [var.queues]
}

run "rejects_an_unknown_media_type" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone", media_settings = { voice = {} } }]
  }

  expect_failures = [var.queues]
}

run "rejects_an_acw_timeout_with_an_optional_prompt" {
  command = plan

  variables {
    queues = [{ name = "Support - Email", acw_wrapup_prompt = "OPTIONAL", acw_timeout_ms = 60000 }]
  }

  expect_failures = [var.queues]
}

run "rejects_a_single_bullseye_ring" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone", bullseye_rings = [{ expansion_timeout_seconds = 10 }] }]
  }

  expect_failures = [var.queues]
}

run "rejects_members_that_are_not_users" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone", members = { "nobody@example.com" = 1 } }]
  }

  expect_failures = [genesyscloud_routing_queue.this]
}

run "rejects_unknown_wrapup_codes" {
  command = plan

  variables {
    queues = [{ name = "Support - Phone", wrapup_codes = ["Solved"] }]
  }

  expect_failures = [genesyscloud_routing_queue.this]
}
