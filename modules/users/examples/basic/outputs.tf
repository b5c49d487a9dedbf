output "user_ids" {
  description = "User id by email."
  value       = module.users.ids
}
