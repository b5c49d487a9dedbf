output "division_ids" {
  description = "Division id by name."
  value       = module.permissions.division_ids
}

output "role_ids" {
  description = "Role id by name."
  value       = module.permissions.role_ids
}

output "home_division_id" {
  description = "The org's home division."
  value       = module.permissions.home_division_id
}
