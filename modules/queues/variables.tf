variable "queues" {
  description = <<-EOT
    The queues this root owns, one object per queue. The queue's `name` is its key in state: renaming a queue
    needs a `moved` block, or Genesys Cloud gets a new queue (new id) and loses the old one's statistics.

    - `media_settings`: map keyed by media type (call, callback, chat, email, message) of
      { alerting_timeout_sec, service_level_percentage, service_level_duration_ms, enable_auto_answer }.
      Defaults per media type: alerting 8 s (call), 30 s (callback, chat, message), 300 s (email); service level
      0.8 (80 %) in 20 s (call, callback), 30 s (chat, message), 24 h (email). A media type that is left out is
      not managed here.
    - `acw_wrapup_prompt`: MANDATORY | OPTIONAL | MANDATORY_TIMEOUT (default) | MANDATORY_FORCED_TIMEOUT |
      AGENT_REQUESTED. `acw_timeout_ms` (1000..3600000, default 120000) applies to the timeout prompts only.
    - `skill_evaluation_method`: NONE | BEST | ALL (default, as in Genesys Cloud).
    - `in_queue_flow`, `email_in_queue_flow`, `message_in_queue_flow`: flow names, resolved through flow_ids.
    - `wrapup_codes`: wrap-up code names, resolved through wrapup_code_ids (added to default_wrapup_codes).
      Null (and no defaults) leaves the queue's codes unmanaged.
    - `members`: map of user email => ring number (1..6, 1 is offered first), resolved through user_ids.
      Null (the default) leaves membership to supervisors in Genesys Cloud; {} removes every member.
    - `bullseye_rings`: 2..6 rings of { expansion_timeout_seconds, skills_to_remove (skill names) }.
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

  validation {
    condition     = alltrue([for q in var.queues : trimspace(q.name) != "" && q.name == trimspace(q.name)])
    error_message = "Queue names must not be empty or start/end with spaces; fix these entries in queues: ${join(", ", [for q in var.queues : "'${q.name}'" if trimspace(q.name) == "" || q.name != trimspace(q.name)])}."
  }

  validation {
    condition     = length(distinct([for q in var.queues : lower(q.name)])) == length(var.queues)
    error_message = "Queue names must be unique (Genesys Cloud ignores case when comparing them). Listed more than once in queues: ${join(", ", distinct([for i, q in var.queues : "'${q.name}'" if index([for x in var.queues : lower(x.name)], lower(q.name)) != i]))}. Give each queue its own name, or merge the two entries."
  }

  validation {
    condition     = alltrue(flatten([for q in var.queues : [for media in keys(q.media_settings) : contains(["call", "callback", "chat", "email", "message"], media)]]))
    error_message = "Unknown media type in media_settings: ${join(", ", flatten([for q in var.queues : [for media in keys(q.media_settings) : "queue '${q.name}' media_settings.${media}" if !contains(["call", "callback", "chat", "email", "message"], media)]]))}. Use call, callback, chat, email or message."
  }

  validation {
    condition     = alltrue(flatten([for q in var.queues : [for m in values(q.media_settings) : m.alerting_timeout_sec == null || try(m.alerting_timeout_sec >= 7 && floor(m.alerting_timeout_sec) == m.alerting_timeout_sec, false)]]))
    error_message = "Alerting timeout too short: ${join("; ", flatten([for q in var.queues : [for media, m in q.media_settings : "queue '${q.name}' media_settings.${media}.alerting_timeout_sec = ${m.alerting_timeout_sec}" if !(m.alerting_timeout_sec == null || try(m.alerting_timeout_sec >= 7 && floor(m.alerting_timeout_sec) == m.alerting_timeout_sec, false))]]))}. Genesys Cloud rings an agent for at least 7 seconds: use a whole number of 7 or more (the defaults are 8 for calls, 30 for chats, callbacks and messages, 300 for emails)."
  }

  validation {
    condition     = alltrue(flatten([for q in var.queues : [for m in values(q.media_settings) : m.service_level_percentage >= 0 && m.service_level_percentage <= 1]]))
    error_message = "Service level out of range: ${join("; ", flatten([for q in var.queues : [for media, m in q.media_settings : "queue '${q.name}' media_settings.${media}.service_level_percentage = ${m.service_level_percentage}" if !(m.service_level_percentage >= 0 && m.service_level_percentage <= 1)]]))}. It is a fraction between 0 and 1: write 0.8 for \"80 % answered within service_level_duration_ms\"."
  }

  validation {
    condition     = alltrue(flatten([for q in var.queues : [for m in values(q.media_settings) : m.service_level_duration_ms == null || try(m.service_level_duration_ms >= 1000 && floor(m.service_level_duration_ms) == m.service_level_duration_ms, false)]]))
    error_message = "Service level target too short: ${join("; ", flatten([for q in var.queues : [for media, m in q.media_settings : "queue '${q.name}' media_settings.${media}.service_level_duration_ms = ${m.service_level_duration_ms}" if !(m.service_level_duration_ms == null || try(m.service_level_duration_ms >= 1000 && floor(m.service_level_duration_ms) == m.service_level_duration_ms, false))]]))}. It is in milliseconds and at least 1000: write 20000 for 20 seconds."
  }

  validation {
    condition     = alltrue(flatten([for q in var.queues : [for ring in values(q.members == null ? {} : q.members) : try(ring >= 1 && ring <= 6 && floor(ring) == ring, false)]]))
    error_message = "Ring number out of range: ${join("; ", flatten([for q in var.queues : [for email, ring in(q.members == null ? {} : q.members) : "queue '${q.name}' member '${email}' has ring ${try(tostring(ring), "null")}" if !try(ring >= 1 && ring <= 6 && floor(ring) == ring, false)]]))}. Ring numbers are whole numbers from 1 (offered first) to 6 (offered last)."
  }

  validation {
    condition     = alltrue([for q in var.queues : contains(["MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED"], q.acw_wrapup_prompt)])
    error_message = "Unknown acw_wrapup_prompt: ${join(", ", [for q in var.queues : "queue '${q.name}' has '${q.acw_wrapup_prompt}'" if !contains(["MANDATORY", "OPTIONAL", "MANDATORY_TIMEOUT", "MANDATORY_FORCED_TIMEOUT", "AGENT_REQUESTED"], q.acw_wrapup_prompt)])}. Use MANDATORY, OPTIONAL, MANDATORY_TIMEOUT, MANDATORY_FORCED_TIMEOUT or AGENT_REQUESTED (upper case)."
  }

  validation {
    condition     = alltrue([for q in var.queues : q.acw_timeout_ms == null || try(q.acw_timeout_ms >= 1000 && q.acw_timeout_ms <= 3600000 && !contains(["MANDATORY", "OPTIONAL"], q.acw_wrapup_prompt), false)])
    error_message = "Invalid acw_timeout_ms: ${join("; ", [for q in var.queues : "queue '${q.name}' has ${q.acw_timeout_ms} with acw_wrapup_prompt ${q.acw_wrapup_prompt}" if !(q.acw_timeout_ms == null || try(q.acw_timeout_ms >= 1000 && q.acw_timeout_ms <= 3600000 && !contains(["MANDATORY", "OPTIONAL"], q.acw_wrapup_prompt), false))])}. After-call work time is in milliseconds between 1000 (1 s) and 3600000 (60 min), and only applies to MANDATORY_TIMEOUT, MANDATORY_FORCED_TIMEOUT and AGENT_REQUESTED: remove it for MANDATORY or OPTIONAL."
  }

  validation {
    condition     = alltrue([for q in var.queues : contains(["NONE", "BEST", "ALL"], q.skill_evaluation_method)])
    error_message = "Unknown skill_evaluation_method: ${join(", ", [for q in var.queues : "queue '${q.name}' has '${q.skill_evaluation_method}'" if !contains(["NONE", "BEST", "ALL"], q.skill_evaluation_method)])}. Use NONE, BEST or ALL."
  }

  validation {
    condition     = alltrue([for q in var.queues : length(q.bullseye_rings) == 0 || (length(q.bullseye_rings) >= 2 && length(q.bullseye_rings) <= 6)])
    error_message = "Bullseye routing needs between 2 and 6 rings: ${join(", ", [for q in var.queues : "queue '${q.name}' has ${length(q.bullseye_rings)}" if !(length(q.bullseye_rings) == 0 || (length(q.bullseye_rings) >= 2 && length(q.bullseye_rings) <= 6))])}. Add rings, or remove bullseye_rings to route without them."
  }

  validation {
    condition     = alltrue(flatten([for q in var.queues : [for r in q.bullseye_rings : r.expansion_timeout_seconds >= 0 && r.expansion_timeout_seconds <= 259200]]))
    error_message = "Bullseye expansion_timeout_seconds must be between 0 and 259200 (3 days): ${join("; ", flatten([for q in var.queues : [for i, r in q.bullseye_rings : "queue '${q.name}' ring ${i + 1} has ${r.expansion_timeout_seconds}" if !(r.expansion_timeout_seconds >= 0 && r.expansion_timeout_seconds <= 259200)]]))}."
  }
}

variable "division_id" {
  description = "Id of the division the queues belong to (a department root passes its own division). Null places them in the home division."
  type        = string
  default     = null
}

variable "default_wrapup_codes" {
  description = "Wrap-up code names assigned to every queue in addition to its own wrapup_codes, e.g. the org-wide codes [\"Customer Disconnected\", \"Transferred\"]."
  type        = list(string)
  default     = []
}

variable "default_acw_timeout_ms" {
  description = "After-call work time in milliseconds for queues whose prompt has a timeout and that do not set acw_timeout_ms."
  type        = number
  default     = 120000

  validation {
    condition     = var.default_acw_timeout_ms >= 1000 && var.default_acw_timeout_ms <= 3600000
    error_message = "default_acw_timeout_ms is ${var.default_acw_timeout_ms}; it is in milliseconds between 1000 (1 s) and 3600000 (60 min), e.g. 120000 for 2 minutes."
  }
}

variable "user_ids" {
  description = "User id by email, used to resolve queue members. Pass the users module's ids output."
  type        = map(string)
  default     = {}
}

variable "wrapup_code_ids" {
  description = "Wrap-up code id by name, used to resolve wrapup_codes and default_wrapup_codes. Pass the wrapup-codes module's ids output."
  type        = map(string)
  default     = {}
}

variable "skill_ids" {
  description = "Skill id by name, used to resolve bullseye_rings[*].skills_to_remove. Pass the skills module's ids output."
  type        = map(string)
  default     = {}
}

variable "flow_ids" {
  description = "Flow id by name, used to resolve in_queue_flow, email_in_queue_flow and message_in_queue_flow. Pass the flows module's ids output (of the in-queue flows)."
  type        = map(string)
  default     = {}
}
