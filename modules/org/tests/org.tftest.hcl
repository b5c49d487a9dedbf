# tofu test (or terraform test) with a mocked provider: no API calls, no credentials.
# Needs the genesyscloud provider binary for its schema, like every `tofu test` with mock_provider.
# What is tested is the composition: what the org root owns and creates. The domain modules test their own
# logic and validation.

mock_provider "genesyscloud" {}

variables {
  divisions = [{ name = "Support" }, { name = "Sales", description = "Sales department" }]
  roles = [{
    name                = "Contact Center Agent"
    permission_policies = [{ domain = "routing", entity_name = "queue", action_set = ["view", "join"] }]
  }]
  shared_skills       = ["English", "Spanish"]
  shared_wrapup_codes = [{ name = "Transferred" }]
}

run "creates_every_org_wide_object_and_reads_none" {
  command = plan

  assert {
    condition     = toset(keys(output.division_ids)) == toset(["Support", "Sales"]) && keys(output.role_ids) == ["Contact Center Agent"]
    error_message = "The org root must create its divisions and roles."
  }

  assert {
    condition     = toset(keys(output.shared_skill_ids)) == toset(["English", "Spanish"]) && keys(output.shared_wrapup_code_ids) == ["Transferred"]
    error_message = "The org root must create the shared skills and wrap-up codes."
  }

  assert {
    condition     = module.skills.names == tolist(["English", "Spanish"]) && module.wrapup_codes.names == tolist(["Transferred"])
    error_message = "The org root must not read skills or wrap-up codes owned elsewhere."
  }
}
