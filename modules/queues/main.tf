# Queues keyed by name. Members, wrap-up codes, in-queue flows and bullseye skills are given by human names in
# the department's data and resolved to ids here through the maps the other modules output, so Terraform orders
# the work itself: skills, users, wrap-up codes and in-queue flows first, then the queues.

locals {
  queues = { for queue in var.queues : queue.name => queue }

  # Genesys Cloud's own defaults, used when a media type is configured without these values.
  media_defaults = {
    call     = { alerting_timeout_sec = 8, service_level_duration_ms = 20000 }
    callback = { alerting_timeout_sec = 30, service_level_duration_ms = 20000 }
    chat     = { alerting_timeout_sec = 30, service_level_duration_ms = 30000 }
    email    = { alerting_timeout_sec = 300, service_level_duration_ms = 86400000 }
    message  = { alerting_timeout_sec = 30, service_level_duration_ms = 30000 }
  }

  # name => media type => effective settings (defaults filled in).
  media = {
    for name, queue in local.queues : name => {
      for media, settings in queue.media_settings : media => {
        alerting_timeout_sec      = coalesce(settings.alerting_timeout_sec, local.media_defaults[media].alerting_timeout_sec)
        service_level_percentage  = settings.service_level_percentage
        service_level_duration_ms = coalesce(settings.service_level_duration_ms, local.media_defaults[media].service_level_duration_ms)
        enable_auto_answer        = settings.enable_auto_answer
      }
    }
  }

  # name => wrap-up code names, or null when the queue's codes are not managed here.
  wrapup_code_names = {
    for name, queue in local.queues : name => (
      queue.wrapup_codes == null && length(var.default_wrapup_codes) == 0
      ? null
      : distinct(concat(var.default_wrapup_codes, queue.wrapup_codes == null ? [] : queue.wrapup_codes))
    )
  }

  # The names each id map knows, as maps of true: a lookup is O(1), where contains(keys(...)) scans every name
  # (which made large orgs, thousands of members times thousands of users, plan noticeably slower).
  known_users        = tomap({ for email in keys(var.user_ids) : email => true })
  known_wrapup_codes = tomap({ for code in keys(var.wrapup_code_ids) : code => true })
  known_skills       = tomap({ for skill in keys(var.skill_ids) : skill => true })
  known_flows        = tomap({ for flow in keys(var.flow_ids) : flow => true })

  # Human names each queue refers to that the given id maps do not know (reported by the preconditions below).
  unknown = {
    for name, queue in local.queues : name => {
      members      = [for email in keys(queue.members == null ? {} : queue.members) : email if !lookup(local.known_users, email, false)]
      wrapup_codes = [for code in(local.wrapup_code_names[name] == null ? [] : local.wrapup_code_names[name]) : code if !lookup(local.known_wrapup_codes, code, false)]
      flows        = [for flow in [for f in [queue.in_queue_flow, queue.email_in_queue_flow, queue.message_in_queue_flow] : f if f != null] : flow if !lookup(local.known_flows, flow, false)]
      skills       = distinct([for skill in flatten([for ring in queue.bullseye_rings : ring.skills_to_remove]) : skill if !lookup(local.known_skills, skill, false)])
    }
  }
}

resource "genesyscloud_routing_queue" "this" {
  for_each = local.queues

  name        = each.key
  description = each.value.description
  division_id = var.division_id

  acw_wrapup_prompt = each.value.acw_wrapup_prompt
  # Only the timeout prompts take a timeout; for MANDATORY and OPTIONAL the API rejects one.
  acw_timeout_ms = contains(["MANDATORY", "OPTIONAL"], each.value.acw_wrapup_prompt) ? null : coalesce(each.value.acw_timeout_ms, var.default_acw_timeout_ms)

  skill_evaluation_method          = each.value.skill_evaluation_method
  enable_transcription             = each.value.enable_transcription
  enable_manual_assignment         = each.value.enable_manual_assignment
  suppress_in_queue_call_recording = each.value.suppress_in_queue_call_recording
  calling_party_name               = each.value.calling_party_name
  calling_party_number             = each.value.calling_party_number

  queue_flow_id            = try(var.flow_ids[each.value.in_queue_flow], null)
  email_in_queue_flow_id   = try(var.flow_ids[each.value.email_in_queue_flow], null)
  message_in_queue_flow_id = try(var.flow_ids[each.value.message_in_queue_flow], null)

  wrapup_codes = local.wrapup_code_names[each.key] == null ? null : [
    for code in local.wrapup_code_names[each.key] : var.wrapup_code_ids[code] if lookup(local.known_wrapup_codes, code, false)
  ]

  # members and ignore_members conflict in the provider schema, so exactly one of them is set: null members means
  # "supervisors manage membership in Genesys Cloud", and Terraform then neither adds nor removes anyone.
  ignore_members = each.value.members == null ? true : null

  dynamic "members" {
    for_each = each.value.members == null ? {} : { for email, ring in each.value.members : email => ring if lookup(local.known_users, email, false) }
    content {
      user_id  = var.user_ids[members.key]
      ring_num = members.value
    }
  }

  dynamic "media_settings_call" {
    for_each = contains(keys(local.media[each.key]), "call") ? [local.media[each.key].call] : []
    content {
      alerting_timeout_sec      = media_settings_call.value.alerting_timeout_sec
      service_level_percentage  = media_settings_call.value.service_level_percentage
      service_level_duration_ms = media_settings_call.value.service_level_duration_ms
      enable_auto_answer        = media_settings_call.value.enable_auto_answer
    }
  }

  dynamic "media_settings_callback" {
    for_each = contains(keys(local.media[each.key]), "callback") ? [local.media[each.key].callback] : []
    content {
      alerting_timeout_sec      = media_settings_callback.value.alerting_timeout_sec
      service_level_percentage  = media_settings_callback.value.service_level_percentage
      service_level_duration_ms = media_settings_callback.value.service_level_duration_ms
      enable_auto_answer        = media_settings_callback.value.enable_auto_answer
    }
  }

  dynamic "media_settings_chat" {
    for_each = contains(keys(local.media[each.key]), "chat") ? [local.media[each.key].chat] : []
    content {
      alerting_timeout_sec      = media_settings_chat.value.alerting_timeout_sec
      service_level_percentage  = media_settings_chat.value.service_level_percentage
      service_level_duration_ms = media_settings_chat.value.service_level_duration_ms
      enable_auto_answer        = media_settings_chat.value.enable_auto_answer
    }
  }

  dynamic "media_settings_email" {
    for_each = contains(keys(local.media[each.key]), "email") ? [local.media[each.key].email] : []
    content {
      alerting_timeout_sec      = media_settings_email.value.alerting_timeout_sec
      service_level_percentage  = media_settings_email.value.service_level_percentage
      service_level_duration_ms = media_settings_email.value.service_level_duration_ms
      enable_auto_answer        = media_settings_email.value.enable_auto_answer
    }
  }

  dynamic "media_settings_message" {
    for_each = contains(keys(local.media[each.key]), "message") ? [local.media[each.key].message] : []
    content {
      alerting_timeout_sec      = media_settings_message.value.alerting_timeout_sec
      service_level_percentage  = media_settings_message.value.service_level_percentage
      service_level_duration_ms = media_settings_message.value.service_level_duration_ms
      enable_auto_answer        = media_settings_message.value.enable_auto_answer
    }
  }

  dynamic "bullseye_rings" {
    for_each = each.value.bullseye_rings
    content {
      expansion_timeout_seconds = bullseye_rings.value.expansion_timeout_seconds
      skills_to_remove          = [for skill in bullseye_rings.value.skills_to_remove : var.skill_ids[skill] if lookup(local.known_skills, skill, false)]
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.unknown[each.key].members) == 0
      error_message = "Queue '${each.key}' lists members that are not users of this root: ${join(", ", local.unknown[each.key].members)}. Add them to the users data, or remove them from the queue's members."
    }
    precondition {
      condition     = length(local.unknown[each.key].wrapup_codes) == 0
      error_message = "Queue '${each.key}' uses wrap-up codes that do not exist here: ${join(", ", local.unknown[each.key].wrapup_codes)}. Add them to wrapup_codes (owned by this root) or existing_wrapup_codes (owned by environments/org), or fix the spelling."
    }
    precondition {
      condition     = length(local.unknown[each.key].flows) == 0
      error_message = "Queue '${each.key}' names in-queue flows that are not deployed by this root: ${join(", ", local.unknown[each.key].flows)}. Add the flow to the in-queue flows, or fix the name."
    }
    precondition {
      condition     = length(local.unknown[each.key].skills) == 0
      error_message = "Queue '${each.key}' removes skills in bullseye_rings that do not exist here: ${join(", ", local.unknown[each.key].skills)}. Add them to skills or existing_skills, or fix the spelling."
    }
  }
}
