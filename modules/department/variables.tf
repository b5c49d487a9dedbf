# The element types mirror the domain modules' inputs, so a department's data is type-checked where it is
# written. The domain modules validate the values (with messages that name the queue, user or flow at fault);
# their READMEs describe every field.

variable "division" {
  description = "Name of the department's division, owned by environments/org, e.g. \"Support\". Queues, users and wrap-up codes are placed in it, and roles are granted in it."
  type        = string
}

variable "skills" {
  description = "Names of the skills this department owns (created here). Skills every department shares belong to environments/org (see shared_skills). See modules/skills."
  type        = list(string)
  default     = []
}

variable "shared_skills" {
  description = "Names of shared skills owned by environments/org that this department's users have (read by name), e.g. [\"English\", \"Spanish\"]."
  type        = list(string)
  default     = []
}

variable "wrapup_codes" {
  description = "Wrap-up codes this department owns (created in its division): [{ name, description }]. See modules/wrapup-codes."
  type = list(object({
    name        = string
    description = optional(string)
  }))
  default = []
}

variable "shared_wrapup_codes" {
  description = "Names of org-wide wrap-up codes owned by environments/org that this department's queues offer (read by name)."
  type        = list(string)
  default     = []
}

variable "default_wrapup_codes" {
  description = "Wrap-up code names (own or shared) every queue of this department offers, in addition to its own."
  type        = list(string)
  default     = []
}

variable "default_roles" {
  description = "Role names granted to every user of this department, e.g. [\"employee\"] (Genesys Cloud's built-in role; leave it out and the grants remove it)."
  type        = list(string)
  default     = ["employee"]
}

variable "org_wide_roles" {
  description = "Role names granted in all divisions instead of the department's division, e.g. [\"employee\"]."
  type        = list(string)
  default     = ["employee"]
}

variable "users" {
  description = <<-EOT
    The department's people, keyed by `email`: [{ email, name, title, department, state (active | inactive;
    default active), acd_auto_answer, skills = { skill name = proficiency 0..5 }, roles = [role names] }].
    Roles are read by name from environments/org and granted in addition to default_roles. See modules/users.
  EOT
  type = list(object({
    email           = optional(string)
    name            = string
    title           = optional(string)
    department      = optional(string)
    state           = optional(string, "active")
    acd_auto_answer = optional(bool, false)
    skills          = optional(map(number), {})
    roles           = optional(list(string), [])
  }))
  default = []
}

variable "queues" {
  description = <<-EOT
    The department's queues, keyed by `name`: [{ name, description, media_settings = { call | callback | chat |
    email | message = { alerting_timeout_sec, service_level_percentage, service_level_duration_ms,
    enable_auto_answer } }, acw_wrapup_prompt (MANDATORY | OPTIONAL | MANDATORY_TIMEOUT | MANDATORY_FORCED_TIMEOUT
    | AGENT_REQUESTED), acw_timeout_ms, skill_evaluation_method (NONE | BEST | ALL), in_queue_flow, wrapup_codes,
    members = { email = ring 1..6 }, bullseye_rings, ... }]. Flows, codes, members and skills are given by
    name. See modules/queues.
  EOT
  type = list(object({
    name        = string
    description = optional(string)
    media_settings = optional(map(object({
      alerting_timeout_sec      = optional(number)
      service_level_percentage  = optional(number, 0.8)
      service_level_duration_ms = optional(number)
      enable_auto_answer        = optional(bool, false)
    })), {})
    acw_wrapup_prompt                = optional(string, "MANDATORY_TIMEOUT")
    acw_timeout_ms                   = optional(number)
    skill_evaluation_method          = optional(string, "ALL")
    in_queue_flow                    = optional(string)
    email_in_queue_flow              = optional(string)
    message_in_queue_flow            = optional(string)
    wrapup_codes                     = optional(list(string))
    members                          = optional(map(number))
    enable_transcription             = optional(bool, false)
    enable_manual_assignment         = optional(bool, false)
    suppress_in_queue_call_recording = optional(bool, true)
    calling_party_name               = optional(string)
    calling_party_number             = optional(string)
    bullseye_rings = optional(list(object({
      expansion_timeout_seconds = number
      skills_to_remove          = optional(list(string), [])
    })), [])
  }))
  default = []
}

variable "in_queue_flows" {
  description = <<-EOT
    In-queue flows (what callers hear while they wait), deployed before the queues that name them in
    in_queue_flow: [{ name, filepath, substitutions = { placeholder = value }, force_unlock }]. `filepath` is
    relative to the environment root (e.g. "flows/support-in-queue-call.yaml"); {{division}} is filled with the
    division's name. See modules/flows.
  EOT
  type = list(object({
    name          = string
    filepath      = string
    substitutions = optional(map(string), {})
    force_unlock  = optional(bool, false)
  }))
  default = []
}

variable "inbound_flows" {
  description = <<-EOT
    Inbound flows, deployed after the queues they transfer to: [{ name, filepath, queues = { placeholder = queue
    name }, substitutions = { placeholder = value }, force_unlock }]. Each queue must be one of this
    department's queues. See modules/flows.
  EOT
  type = list(object({
    name          = string
    filepath      = string
    queues        = optional(map(string), {})
    substitutions = optional(map(string), {})
    force_unlock  = optional(bool, false)
  }))
  default = []
}

variable "existing_flows" {
  description = "Flows the department's queues name but this root does not deploy, read by name: flow name => type, e.g. { \"Sales In-Queue Call\" = \"inqueuecall\" }. `cxops onboard` writes them for an adopted org until its flows are adopted (see modules/flows)."
  type        = map(string)
  default     = {}
}
