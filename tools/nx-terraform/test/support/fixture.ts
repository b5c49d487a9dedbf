// The workspace most tests use: three modules and three departments.
// - routing calls queues: support reaches queues only through routing; sales calls it directly; billing never.
// - flows reads each flow's YAML from a path it is given (relative to the root that runs it), a template of
//   its own (path.module) and the department's prompts (fileset on path.root).
// - support names its flow YAML in its tfvars (as the real departments do), billing in its main.tf, and
//   support reads hours.yaml itself.

const MODULES = {
  'modules/queues/main.tf': `resource "genesyscloud_routing_queue" "this" {
  for_each = var.queues
  name     = each.key
}
`,
  'modules/queues/variables.tf': `variable "queues" {
  description = "Queues by name."
  type        = map(object({ description = optional(string) }))
}
`,
  'modules/queues/README.md': '# queues\n\n<!-- BEGIN_TF_DOCS -->\n<!-- END_TF_DOCS -->\n',
  'modules/routing/main.tf': `module "queues" {
  source = "../queues"
  queues = var.queues
}

variable "queues" {
  description = "Queues by name."
  type        = map(object({ description = optional(string) }))
}
`,
  'modules/flows/main.tf': `resource "genesyscloud_flow" "this" {
  for_each          = var.flows
  filepath          = each.value
  file_content_hash = filesha256(each.value)
  substitutions     = { greeting = templatefile("\${path.module}/templates/greeting.tftpl", {}) }
}

locals {
  prompts = fileset(path.root, "prompts/*.txt")
}

variable "flows" {
  description = "Architect YAML file by flow name, relative to the environment root."
  type        = map(string)
}
`,
  'modules/flows/templates/greeting.tftpl': 'Hello\n',
};

const ENVIRONMENTS = {
  'environments/support/main.tf': `module "routing" {
  source = "../../modules/routing"
  queues = var.queues
}

module "flows" {
  source = "../../modules/flows"
  flows  = var.flows
}

locals {
  hours = yamldecode(file("\${path.module}/hours.yaml"))
}

variable "queues" {
  description = "Queues by name."
  type        = map(object({ description = optional(string) }))
}

variable "flows" {
  description = "Architect YAML file by flow name."
  type        = map(string)
}
`,
  'environments/support/support.auto.tfvars': `queues = { "Technical Support" = {} }
flows  = { "Support Inbound" = "flows/inbound.yaml" }
`,
  'environments/support/flows/inbound.yaml': 'inboundCall:\n  name: Support inbound\n',
  'environments/support/hours.yaml': 'open: 08:00\n',
  'environments/support/README.md': '# support\n',
  'environments/sales/main.tf': `module "queues" {
  source = "../../modules/queues"
  queues = var.queues
}

variable "queues" {
  description = "Queues by name."
  type        = map(object({ description = optional(string) }))
}
`,
  'environments/sales/terraform.tfvars': 'queues = { "Sales" = {} }\n',
  'environments/billing/main.tf': `module "flows" {
  source = "../../modules/flows"
  flows  = { "Billing Main" = "flows/main.yaml" }
}
`,
  'environments/billing/flows/main.yaml': 'inboundCall:\n  name: Billing main\n',
  'environments/billing/prompts/welcome.txt': 'Welcome to billing\n',
};

export const FIXTURE: Record<string, string> = { ...MODULES, ...ENVIRONMENTS };
