output "ids" {
  description = "Queue id by name. Use it where another object needs a queue id."
  value       = { for name, queue in genesyscloud_routing_queue.this : name => try(queue.id, null) }
}

output "names" {
  description = "Queue name by name, read from the created queues. Pass it to the flows module as queue_names: a flow that names a queue then waits until that queue exists."
  value       = { for name, queue in genesyscloud_routing_queue.this : name => try(queue.name, name) }
}

output "members" {
  description = "Managed member emails by queue name (queues whose membership is left to supervisors are absent)."
  value       = { for queue in var.queues : queue.name => sort(keys(queue.members)) if queue.members != null }
}
