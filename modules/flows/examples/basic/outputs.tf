output "flow_ids" {
  description = "Flow id by name, both flows."
  value       = merge(module.in_queue_flows.ids, module.inbound_flows.ids)
}
