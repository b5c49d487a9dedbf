output "division_id" {
  description = "Id of the department's division (owned by environments/org, read by name)."
  value       = local.division_id
}

output "skill_ids" {
  description = "Skill id by name: the department's own skills and the shared ones it reads."
  value       = module.skills.ids
}

output "wrapup_code_ids" {
  description = "Wrap-up code id by name: the department's own codes and the shared ones it reads."
  value       = module.wrapup_codes.ids
}

output "user_ids" {
  description = "User id by email."
  value       = module.users.ids
}

output "queue_ids" {
  description = "Queue id by name."
  value       = module.queues.ids
}

output "flow_ids" {
  description = "Flow id by name, in-queue and inbound flows."
  value       = merge(module.in_queue_flows.ids, module.inbound_flows.ids)
}
