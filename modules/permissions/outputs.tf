output "division_ids" {
  description = "Division id by name, for every division this module knows: created here and existing ones read by name."
  value = merge(
    { for name, division in data.genesyscloud_auth_division.existing : name => try(division.id, null) },
    { for name, division in genesyscloud_auth_division.this : name => try(division.id, null) },
  )
}

output "role_ids" {
  description = "Role id by name, for every role this module knows: created here and existing ones read by name. Pass it to the users module as role_ids."
  value = merge(
    { for name, role in data.genesyscloud_auth_role.existing : name => try(role.id, null) },
    { for name, role in genesyscloud_auth_role.this : name => try(role.id, null) },
  )
}

output "created_division_ids" {
  description = "Division id by name, only for the divisions created here."
  value       = { for name, division in genesyscloud_auth_division.this : name => try(division.id, null) }
}

output "created_role_ids" {
  description = "Role id by name, only for the roles created here."
  value       = { for name, role in genesyscloud_auth_role.this : name => try(role.id, null) }
}

output "home_division_id" {
  description = "Id of the org's home division when read_home_division is true, otherwise null."
  value       = try(data.genesyscloud_auth_division_home.this[0].id, null)
}
