output "queue_ids" {
  description = "Queue id by name."
  value       = module.department.queue_ids
}

output "flow_ids" {
  description = "Flow id by name, in-queue and inbound flows."
  value       = module.department.flow_ids
}
