output "ids" {
  description = "Flow id by name: the flows deployed here and the existing_flows read by name. Pass the in-queue flows' ids to the queues module as flow_ids."
  value = merge(
    { for name, flow in data.genesyscloud_flow.existing : name => flow.id },
    { for name, flow in genesyscloud_flow.this : name => try(flow.id, null) },
  )
}

output "types" {
  description = "Flow type by name, as Genesys Cloud reports it after publishing (e.g. INBOUNDCALL, INQUEUECALL); unknown until applied."
  value       = { for name, flow in genesyscloud_flow.this : name => try(flow.type, null) }
}

output "files" {
  description = "Flow YAML file by name."
  value       = { for name, flow in local.flows : name => flow.filepath }
}
