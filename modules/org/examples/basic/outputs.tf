output "division_ids" {
  description = "Division id by name."
  value       = module.org.division_ids
}
