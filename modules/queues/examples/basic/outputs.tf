output "queue_ids" {
  description = "Queue id by name."
  value       = module.queues.ids
}
