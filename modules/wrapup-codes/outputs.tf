output "ids" {
  description = "Wrap-up code id by name, for every code this module knows: the ones it created and the existing ones it read. Pass it to the queues module as wrapup_code_ids."
  value = merge(
    { for name, code in data.genesyscloud_routing_wrapupcode.existing : name => try(code.id, null) },
    { for name, code in genesyscloud_routing_wrapupcode.this : name => try(code.id, null) },
  )
}

output "created_ids" {
  description = "Wrap-up code id by name, only for the codes this root owns (created here)."
  value       = { for name, code in genesyscloud_routing_wrapupcode.this : name => try(code.id, null) }
}

output "names" {
  description = "Names of every wrap-up code this module knows (created and existing), sorted."
  value       = sort(concat(keys(genesyscloud_routing_wrapupcode.this), keys(data.genesyscloud_routing_wrapupcode.existing)))
}
