# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.

mock_provider "genesyscloud" {}

variables {
  division_id    = "division-support"
  default_roles  = ["employee"]
  org_wide_roles = ["employee"]
  skill_ids = {
    "Technical Support" = "skill-tech"
    "Spanish"           = "skill-es"
  }
  role_ids = {
    "employee"                  = "role-employee"
    "Contact Center Agent"      = "role-agent"
    "Contact Center Supervisor" = "role-supervisor"
  }
  users = [
    {
      email  = "ana.lopez@example.com"
      name   = "Ana Lopez"
      title  = "Support Agent"
      skills = { "Technical Support" = 3, "Spanish" = 5 }
      roles  = ["Contact Center Agent"]
    },
    {
      email = "grace.kim@example.com"
      name  = "Grace Kim"
      title = "Support Supervisor"
      roles = ["Contact Center Supervisor"]
    },
  ]
}

run "keys_users_by_email" {
  command = plan

  assert {
    condition     = toset(keys(genesyscloud_user.this)) == toset(["ana.lopez@example.com", "grace.kim@example.com"])
    error_message = "Users must be keyed by email, not by list position."
  }

  assert {
    condition     = genesyscloud_user.this["ana.lopez@example.com"].name == "Ana Lopez" && genesyscloud_user.this["ana.lopez@example.com"].state == "active"
    error_message = "Name must be passed through and state must default to active."
  }

  assert {
    condition     = genesyscloud_user.this["grace.kim@example.com"].division_id == "division-support"
    error_message = "Users must be created in the given division."
  }
}

run "resolves_skills_to_ids_with_proficiency" {
  command = plan

  assert {
    condition = genesyscloud_user.this["ana.lopez@example.com"].routing_skills == toset([
      { skill_id = "skill-tech", proficiency = 3 },
      { skill_id = "skill-es", proficiency = 5 },
    ])
    error_message = "Skills must be resolved from names to ids, with their proficiency."
  }

  assert {
    condition     = length(genesyscloud_user.this["grace.kim@example.com"].routing_skills) == 0
    error_message = "A user without skills must have an empty skill set (managed), so hand-made grants show as drift."
  }
}

run "grants_roles_in_the_users_division_and_org_wide_roles_everywhere" {
  command = plan

  assert {
    condition     = toset(keys(genesyscloud_user_roles.this)) == toset(["ana.lopez@example.com", "grace.kim@example.com"])
    error_message = "Every user with roles must get one user_roles resource keyed by email."
  }

  assert {
    condition = genesyscloud_user_roles.this["ana.lopez@example.com"].roles == toset([
      { role_id = "role-employee", division_ids = toset(["*"]) },
      { role_id = "role-agent", division_ids = toset(["division-support"]) },
    ])
    error_message = "Own roles must be granted in the users' division, org_wide_roles in all divisions."
  }
}

run "outputs_ids_by_email" {
  command = apply

  assert {
    condition     = output.ids["grace.kim@example.com"] == genesyscloud_user.this["grace.kim@example.com"].id
    error_message = "ids must carry each user's id."
  }

  assert {
    condition     = output.role_grants["grace.kim@example.com"] == tolist(["Contact Center Supervisor", "employee"])
    error_message = "role_grants must list own roles plus default roles."
  }
}

run "rejects_a_user_without_an_email" {
  command = plan

  variables {
    users = [{ name = "No Email" }]
  }

  expect_failures = [var.users]
}

run "rejects_a_malformed_email" {
  command = plan

  variables {
    users = [{ email = "ana.lopez.example.com", name = "Ana Lopez" }]
  }

  expect_failures = [var.users]
}

run "rejects_an_email_with_spaces" {
  command = plan

  variables {
    users = [{ email = "ana lopez@example.com", name = "Ana Lopez" }]
  }

  expect_failures = [var.users]
}

run "rejects_the_same_email_twice_ignoring_case" {
  command = plan

  variables {
    users = [
      { email = "ana.lopez@example.com", name = "Ana Lopez" },
      { email = "Ana.Lopez@example.com", name = "Ana Lopez (2)" },
    ]
  }

  expect_failures = [var.users]
}

run "rejects_proficiency_above_5" {
  command = plan

  variables {
    users = [{ email = "ana.lopez@example.com", name = "Ana Lopez", skills = { "Spanish" = 7 } }]
  }

  expect_failures = [var.users]
}

run "rejects_unknown_skills" {
  command = plan

  variables {
    users = [{ email = "ana.lopez@example.com", name = "Ana Lopez", skills = { "Klingon" = 3 } }]
  }

  expect_failures = [genesyscloud_user.this]
}

run "rejects_unknown_roles" {
  command = plan

  variables {
    users = [{ email = "ana.lopez@example.com", name = "Ana Lopez", roles = ["Master Admin"] }]
  }

  expect_failures = [genesyscloud_user_roles.this]
}
