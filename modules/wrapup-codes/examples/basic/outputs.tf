output "wrapup_code_ids" {
  description = "Wrap-up code id by name."
  value       = module.wrapup_codes.ids
}
