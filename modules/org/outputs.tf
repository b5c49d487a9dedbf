output "division_ids" {
  description = "Division id by name."
  value       = module.permissions.created_division_ids
}

output "role_ids" {
  description = "Custom role id by name."
  value       = module.permissions.created_role_ids
}

output "shared_skill_ids" {
  description = "Shared skill id by name."
  value       = module.skills.created_ids
}

output "shared_wrapup_code_ids" {
  description = "Shared wrap-up code id by name."
  value       = module.wrapup_codes.created_ids
}
