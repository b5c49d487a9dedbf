variable "flows" {
  description = <<-EOT
    Architect flows this root deploys, one object per flow, keyed in state by `name`. Each has:

    - `filepath`: the Architect YAML file (relative to the folder Terraform runs in, i.e. the environment root).
      Its single top-level key is the flow type (inboundCall, inqueueCall, inboundEmail, ...). Write the name
      as `name: '{{flow_name}}'`: this module always substitutes flow_name with `name`, so the deployed flow and
      the Terraform key cannot drift apart. Renaming a flow deploys a NEW flow and leaves the old one behind.
    - `queues`: placeholder => queue name, e.g. { tier1_queue = "Support - Phone Tier 1" }, resolved through
      queue_names so the flow is deployed only after the queues it transfers to exist. Architect refers to
      queues by name: in the YAML write `targetQueue: { lit: { name: '{{tier1_queue}}' } }`.
    - `substitutions`: other placeholder => literal value (greetings, division name, ...).
    - `force_unlock`: unlock a flow someone left checked out in Architect before publishing (default false).
  EOT
  type = list(object({
    name          = string
    filepath      = string
    queues        = optional(map(string), {})
    substitutions = optional(map(string), {})
    force_unlock  = optional(bool, false)
  }))
  default = []

  validation {
    condition     = alltrue([for f in var.flows : trimspace(f.name) != "" && f.name == trimspace(f.name)])
    error_message = "Flow names must not be empty or start/end with spaces; fix these entries in flows: ${join(", ", [for f in var.flows : "'${f.name}'" if trimspace(f.name) == "" || f.name != trimspace(f.name)])}."
  }

  validation {
    condition     = length(distinct([for f in var.flows : lower(f.name)])) == length(var.flows)
    error_message = "Flow names must be unique. Listed more than once in flows: ${join(", ", distinct([for i, f in var.flows : "'${f.name}'" if index([for x in var.flows : lower(x.name)], lower(f.name)) != i]))}. Give each flow its own name."
  }

  validation {
    condition     = alltrue([for f in var.flows : can(regex("\\.ya?ml$", f.filepath)) && fileexists(f.filepath)])
    error_message = "Flow file not found: ${join(", ", [for f in var.flows : "flow '${f.name}' -> '${f.filepath}'" if !(can(regex("\\.ya?ml$", f.filepath)) && fileexists(f.filepath))])}. filepath is an Architect YAML file (.yaml or .yml), relative to the folder Terraform runs in (the environment root), e.g. \"flows/support-inbound-call.yaml\"."
  }

  validation {
    condition     = alltrue([for f in var.flows : !fileexists(f.filepath) || try(length(keys(yamldecode(file(f.filepath)))) == 1 && yamldecode(file(f.filepath))[keys(yamldecode(file(f.filepath)))[0]].name != null, false)])
    error_message = "Not an Architect flow file: ${join(", ", [for f in var.flows : "'${f.filepath}'" if !(!fileexists(f.filepath) || try(length(keys(yamldecode(file(f.filepath)))) == 1 && yamldecode(file(f.filepath))[keys(yamldecode(file(f.filepath)))[0]].name != null, false))])}. The file must be valid YAML (quote placeholders: name: '{{flow_name}}') with exactly one top-level key, the flow type (e.g. inboundCall:), and a name under it."
  }

  validation {
    condition     = alltrue([for f in var.flows : !contains(concat(keys(f.substitutions), keys(f.queues)), "flow_name") && length(setintersection(keys(f.substitutions), keys(f.queues))) == 0])
    error_message = "Placeholder clash: ${join(", ", [for f in var.flows : "flow '${f.name}'" if !(!contains(concat(keys(f.substitutions), keys(f.queues)), "flow_name") && length(setintersection(keys(f.substitutions), keys(f.queues))) == 0)])}. flow_name is set from the flow's name and cannot be overridden, and a placeholder may be in queues or in substitutions, not both."
  }
}

variable "queue_names" {
  description = "Queue name by name, for the queues flows may transfer to. Pass the queues module's names output, so each flow waits for its queues."
  type        = map(string)
  default     = {}
}

variable "common_substitutions" {
  description = "Placeholder => value substituted in every flow file, e.g. { division = \"Support\" }. A flow's own substitutions win."
  type        = map(string)
  default     = {}
}

variable "existing_flows" {
  description = "Flows this root uses but does not deploy, read by name: flow name => type (inqueuecall | inqueueemail | inqueueshortmessage | inboundcall | ...), e.g. { \"Support In-Queue Call\" = \"inqueuecall\" }. Their ids join the ids output, so queues can name them."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for type in values(var.existing_flows) : can(regex("^[a-z]+$", type))])
    error_message = "existing_flows types are lower-case Architect flow types such as inqueuecall, inqueueemail or inboundcall; fix: ${join(", ", [for name, type in var.existing_flows : "'${name}' = '${type}'" if !can(regex("^[a-z]+$", type))])}."
  }
}
