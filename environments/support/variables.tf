variable "genesys_region" {
  description = "Genesys Cloud region of the org, e.g. us-east-1 or eu-west-1. Null when a gateway is set."
  type        = string
  default     = null
}

variable "gateway" {
  description = "Where to send API calls instead of the region's hosts: the local emulated org. Null in production."
  type = object({
    protocol = optional(string, "http")
    host     = optional(string, "127.0.0.1")
    port     = string
  })
  default = null
}

# The department's data lives in <department>.auto.tfvars. The modules check every value (with messages that
# name the queue, user or flow at fault), so the complex inputs are passed through untyped here rather than
# declared twice; each module's README lists the fields.

variable "division" {
  description = "Name of the department's division, owned by environments/org. Queues, users and wrap-up codes are placed in it, and roles are granted in it."
  type        = string
}

variable "skills" {
  description = "Names of the skills this department owns (created here). Skills every department shares belong to environments/org."
  type        = list(string)
  default     = []
}

variable "shared_skills" {
  description = "Names of shared skills owned by environments/org that this department's users have (read by name)."
  type        = list(string)
  default     = []
}

variable "wrapup_codes" {
  description = "Wrap-up codes this department owns: [{ name, description }]. See modules/wrapup-codes."
  type        = any
  default     = []
}

variable "shared_wrapup_codes" {
  description = "Names of org-wide wrap-up codes owned by environments/org that this department's queues offer (read by name)."
  type        = list(string)
  default     = []
}

variable "default_wrapup_codes" {
  description = "Wrap-up code names every queue of this department offers, in addition to its own."
  type        = list(string)
  default     = []
}

variable "default_roles" {
  description = "Role names granted to every user of this department, e.g. [\"employee\"]."
  type        = list(string)
  default     = ["employee"]
}

variable "org_wide_roles" {
  description = "Role names granted in all divisions instead of the department's division, e.g. [\"employee\"]."
  type        = list(string)
  default     = ["employee"]
}

variable "users" {
  description = "The department's people: [{ email, name, title, state, skills = { name = proficiency }, roles = [names] }]. See modules/users."
  type        = any
  default     = []
}

variable "queues" {
  description = "The department's queues: [{ name, description, media_settings, members = { email = ring }, wrapup_codes, in_queue_flow, ... }]. See modules/queues."
  type        = any
  default     = []
}

variable "in_queue_flows" {
  description = "In-queue flows (played while callers wait), deployed before the queues that use them: [{ name, filepath, substitutions }]. See modules/flows."
  type        = any
  default     = []
}

variable "inbound_flows" {
  description = "Inbound flows, deployed after the queues they transfer to: [{ name, filepath, queues = { placeholder = queue name }, substitutions }]. See modules/flows."
  type        = any
  default     = []
}
