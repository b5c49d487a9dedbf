output "ids" {
  description = "Skill id by name, for every skill this module knows: the ones it created and the existing ones it read. Pass it to the users and queues modules as skill_ids."
  value = merge(
    { for name, skill in data.genesyscloud_routing_skill.existing : name => try(skill.id, null) },
    { for name, skill in genesyscloud_routing_skill.this : name => try(skill.id, null) },
  )
}

output "created_ids" {
  description = "Skill id by name, only for the skills this root owns (created here)."
  value       = { for name, skill in genesyscloud_routing_skill.this : name => try(skill.id, null) }
}

output "names" {
  description = "Names of every skill this module knows (created and existing), sorted."
  value       = sort(concat(keys(genesyscloud_routing_skill.this), keys(data.genesyscloud_routing_skill.existing)))
}
