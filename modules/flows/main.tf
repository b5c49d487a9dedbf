# Architect flows from YAML files. The provider publishes the file with every {{placeholder}} replaced from
# `substitutions`; queue placeholders are filled from the queues module's outputs, which is what orders a flow
# after the queues it transfers to. file_content_hash is computed by the provider from the file (it is
# read-only in provider v1.82.0), so editing the YAML republishes the flow; editing a substitution does too.

locals {
  flows = { for flow in var.flows : flow.name => flow }

  # name => every {{placeholder}} the flow file uses (empty when the file cannot be read; validation says why).
  placeholders = {
    for name, flow in local.flows : name => distinct(flatten(try(regexall("\\{\\{([^{}]+)\\}\\}", file(flow.filepath)), [])))
  }

  # The queue names queue_names knows, as a map of true (an O(1) lookup).
  known_queues = tomap({ for queue in keys(var.queue_names) : queue => true })

  substitutions = {
    for name, flow in local.flows : name => merge(
      var.common_substitutions,
      flow.substitutions,
      { for placeholder, queue in flow.queues : placeholder => var.queue_names[queue] if lookup(local.known_queues, queue, false) },
      { flow_name = name },
    )
  }

  unknown = {
    for name, flow in local.flows : name => {
      queues       = distinct([for queue in values(flow.queues) : queue if !lookup(local.known_queues, queue, false)])
      placeholders = [for p in local.placeholders[name] : p if !contains(concat(keys(var.common_substitutions), keys(flow.substitutions), keys(flow.queues), ["flow_name"]), p)]
    }
  }
}

resource "genesyscloud_flow" "this" {
  for_each = local.flows

  filepath      = each.value.filepath
  substitutions = local.substitutions[each.key]
  force_unlock  = each.value.force_unlock

  lifecycle {
    precondition {
      condition     = length(local.unknown[each.key].queues) == 0
      error_message = "Flow '${each.key}' transfers to queues this root does not manage: ${join(", ", local.unknown[each.key].queues)}. Add the queue to queues, or fix the name in the flow's queues map."
    }
    precondition {
      condition     = length(local.unknown[each.key].placeholders) == 0
      error_message = "Flow '${each.key}' (${each.value.filepath}) uses placeholders with no value: ${join(", ", [for p in local.unknown[each.key].placeholders : "{{${p}}}"])}. Give each a value in the flow's queues or substitutions (or common_substitutions), or Architect would publish the literal text."
    }
  }
}

# Flows this root uses but does not deploy, read by name and type: an org adopted with `cxops onboard` keeps its
# in-queue flows published as they are until they are adopted explicitly (the first apply of an adopted flow
# republishes it, because the API cannot return the hash of the file it was published from).
data "genesyscloud_flow" "existing" {
  for_each = var.existing_flows

  name = each.key
  type = each.value

  lifecycle {
    precondition {
      condition     = !contains([for f in var.flows : lower(f.name)], lower(each.key))
      error_message = "Flow '${each.key}' is in both flows (deployed here) and existing_flows (read by name). A flow is either deployed by this root or read: keep it in one of the two."
    }
  }
}
