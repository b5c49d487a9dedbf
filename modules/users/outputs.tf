output "ids" {
  description = "User id by email. Pass it to the queues module as user_ids to resolve queue members."
  value       = { for email, user in genesyscloud_user.this : email => try(user.id, null) }
}

output "names" {
  description = "User name by email."
  value       = { for email, user in genesyscloud_user.this : email => try(user.name, null) }
}

output "role_grants" {
  description = "Role names granted by email (users without any role are absent)."
  value       = { for email, roles in local.roles : email => sort(roles) if length(roles) > 0 }
}
