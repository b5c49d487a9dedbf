output "skill_ids" {
  description = "Skill id by name."
  value       = module.skills.ids
}
