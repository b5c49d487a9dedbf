output "skill_ids" {
  description = "Routing skill ids by name."
  value       = { for name, skill in genesyscloud_routing_skill.this : name => skill.id }
}
