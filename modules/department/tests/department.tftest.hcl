# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.
# What is tested is the composition: which names are looked up and how the modules' outputs are wired. The
# domain modules test their own logic and validation. Paths are relative to the module folder.

mock_provider "genesyscloud" {}

override_data {
  target = module.permissions.data.genesyscloud_auth_division.existing
  values = { id = "division-support" }
}

variables {
  division             = "Support"
  skills               = ["Technical Support"]
  shared_skills        = ["Spanish"]
  wrapup_codes         = [{ name = "Support - Resolved" }]
  shared_wrapup_codes  = ["Transferred"]
  default_wrapup_codes = ["Transferred"]
  users = [
    {
      email  = "ana.lopez@example.com"
      name   = "Ana Lopez"
      skills = { "Technical Support" = 3, "Spanish" = 5 }
      roles  = ["Contact Center Agent"]
    },
    {
      email = "grace.kim@example.com"
      name  = "Grace Kim"
      roles = ["Contact Center Supervisor", "Contact Center Agent"]
    },
  ]
  in_queue_flows = [{ name = "Support In-Queue Call", filepath = "tests/fixtures/in-queue-call.yaml" }]
  queues = [{
    name          = "Support - Phone"
    in_queue_flow = "Support In-Queue Call"
    wrapup_codes  = ["Support - Resolved"]
    members       = { "ana.lopez@example.com" = 1, "grace.kim@example.com" = 2 }
  }]
  inbound_flows = [{
    name          = "Support Inbound Call"
    filepath      = "tests/fixtures/inbound-call.yaml"
    queues        = { support_queue = "Support - Phone" }
    substitutions = { greeting = "Thanks for calling support." }
  }]
}

run "reads_the_division_and_every_role_granted_by_name" {
  command = plan

  assert {
    condition     = output.division_id == "division-support"
    error_message = "The department's division must be read by name and passed on as division_id."
  }

  assert {
    condition     = toset(keys(module.permissions.role_ids)) == toset(["employee", "Contact Center Agent", "Contact Center Supervisor"])
    error_message = "Every role granted to a user, and default_roles, must be read by name exactly once."
  }

  assert {
    condition     = module.users.role_grants["grace.kim@example.com"] == sort(["employee", "Contact Center Supervisor", "Contact Center Agent"])
    error_message = "Users must be granted default_roles in addition to their own roles."
  }
}

run "knows_own_and_shared_skills_and_codes" {
  command = plan

  assert {
    condition     = module.skills.names == tolist(["Spanish", "Technical Support"])
    error_message = "Skills must be the department's own plus the shared ones it reads."
  }

  assert {
    condition     = module.wrapup_codes.names == tolist(["Support - Resolved", "Transferred"])
    error_message = "Wrap-up codes must be the department's own plus the shared ones it reads."
  }
}

run "wires_users_queues_and_flows" {
  command = plan

  assert {
    condition     = keys(module.queues.members) == ["Support - Phone"] && module.queues.members["Support - Phone"] == tolist(["ana.lopez@example.com", "grace.kim@example.com"])
    error_message = "Queue members must be resolved through the department's users."
  }

  assert {
    condition     = toset(keys(output.flow_ids)) == toset(["Support In-Queue Call", "Support Inbound Call"])
    error_message = "flow_ids must hold the in-queue and the inbound flows."
  }

  assert {
    condition     = keys(module.inbound_flows.files) == ["Support Inbound Call"] && module.inbound_flows.files["Support Inbound Call"] == "tests/fixtures/inbound-call.yaml"
    error_message = "Inbound flows must be deployed by the inbound flows module, with their file."
  }
}

run "defaults_grant_the_employee_role_everywhere" {
  command = plan

  variables {
    users = [{ email = "new.hire@example.com", name = "New Hire" }]
    queues = [{
      name          = "Support - Phone"
      in_queue_flow = "Support In-Queue Call"
      members       = { "new.hire@example.com" = 1 }
    }]
  }

  assert {
    condition     = keys(module.users.role_grants) == ["new.hire@example.com"] && module.users.role_grants["new.hire@example.com"] == tolist(["employee"])
    error_message = "default_roles must default to the built-in employee role."
  }
}
