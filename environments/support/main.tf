# The support department's root: its data, in one call of modules/department, and its Architect flows under
# flows/ (paths relative to this folder, where Terraform runs). versions.tf and providers.tf link to the shared
# wiring in ../org; migrations.tf maps the state of the earlier layout.

module "department" {
  source = "../../modules/department"

  # The support department's contact center. Division, roles, and the shared skills and wrap-up codes are owned
  # by environments/org (applied first) and only read here by name.

  division = "Support"

  # Skills this department owns; the shared ones (languages, VIP) come from environments/org.
  skills = [
    "Technical Support",
    "Billing Disputes",
    "Support Tier 1",
    "Support Tier 2",
    "Support Tier 3",
    "Networking",
    "Hardware Repairs",
    "Mobile App",
    "Account Security",
  ]
  shared_skills = ["English", "Spanish", "French", "German", "VIP Customers"]

  wrapup_codes = [
    { name = "Support - Resolved First Contact", description = "Solved on this contact, nothing left open" },
    { name = "Support - Escalated to Tier 2", description = "Handed to a support specialist" },
    { name = "Support - Escalated to Tier 3", description = "Handed to a senior support engineer" },
    { name = "Support - RMA Issued", description = "Hardware return authorised" },
    { name = "Support - Password Reset", description = "Identity checked and password reset" },
    { name = "Support - Known Outage", description = "Caused by an outage already being worked on" },
    { name = "Support - Bug Reported", description = "A defect was logged with engineering" },
    { name = "Support - Billing Dispute Logged", description = "A billing dispute was logged for the billing department" },
  ]
  shared_wrapup_codes  = ["Transferred", "Customer Disconnected", "Callback Scheduled", "Wrong Department", "Follow-up Required"]
  default_wrapup_codes = ["Transferred", "Customer Disconnected", "Callback Scheduled", "Wrong Department"]

  # Everyone keeps Genesys Cloud's employee role, in all divisions; the rest is granted in the Support division.
  default_roles  = ["employee"]
  org_wide_roles = ["employee"]

  in_queue_flows = [
    {
      name          = "Support In-Queue Call"
      filepath      = "flows/support-in-queue-call.yaml"
      substitutions = { hold_message = "Thank you for waiting. A support agent will be with you shortly." }
    },
  ]

  inbound_flows = [
    {
      name     = "Support Inbound Call"
      filepath = "flows/support-inbound-call.yaml"
      queues = {
        tier1_queue    = "Support - Phone Tier 1"
        hardware_queue = "Support - Hardware Repairs"
        security_queue = "Support - Account Security"
        spanish_queue  = "Support - Phone Spanish"
        french_queue   = "Support - Phone French"
      }
      substitutions = { greeting = "Thank you for calling customer support." }
    },
    {
      name     = "Support VIP Line"
      filepath = "flows/support-vip-line.yaml"
      queues   = { vip_queue = "Support - VIP Line" }
    },
  ]

  queues = [
    {
      name                    = "Support - Phone Tier 1"
      description             = "First line for all technical calls: 80 % answered within 20 s"
      media_settings          = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow           = "Support In-Queue Call"
      skill_evaluation_method = "BEST"
      wrapup_codes            = ["Support - Resolved First Contact", "Support - Escalated to Tier 2", "Support - Password Reset", "Support - Known Outage"]
      bullseye_rings = [
        { expansion_timeout_seconds = 20 },
        { expansion_timeout_seconds = 40, skills_to_remove = ["Support Tier 1"] },
      ]
      members = {
        "carlos.mendoza@example.com"  = 2
        "aisha.khan@example.com"      = 2
        "ben.okafor@example.com"      = 2
        "julia.schmidt@example.com"   = 2
        "mateo.garcia@example.com"    = 2
        "nora.lindqvist@example.com"  = 2
        "omar.haddad@example.com"     = 2
        "chloe.dubois@example.com"    = 2
        "ravi.patel@example.com"      = 2
        "ines.costa@example.com"      = 2
        "ana.lopez@example.com"       = 1
        "jack.turner@example.com"     = 1
        "mei.chen@example.com"        = 1
        "samuel.adeyemi@example.com"  = 1
        "laura.fischer@example.com"   = 1
        "diego.ramirez@example.com"   = 1
        "emily.walsh@example.com"     = 1
        "yusuf.demir@example.com"     = 1
        "camille.laurent@example.com" = 1
        "fatima.zahra@example.com"    = 1
        "liam.oconnor@example.com"    = 1
        "valentina.cruz@example.com"  = 1
        "oliver.grant@example.com"    = 1
        "zoe.martin@example.com"      = 1
        "arjun.mehta@example.com"     = 1
      }
    },
    {
      name                    = "Support - Phone Tier 2"
      description             = "Escalations from tier 1: 80 % answered within 30 s"
      media_settings          = { call = { alerting_timeout_sec = 10, service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      in_queue_flow           = "Support In-Queue Call"
      skill_evaluation_method = "BEST"
      wrapup_codes            = ["Support - Resolved First Contact", "Support - Escalated to Tier 3", "Support - Bug Reported", "Support - Billing Dispute Logged"]
      members = {
        "priya.nair@example.com"     = 1
        "lucas.moreau@example.com"   = 1
        "carlos.mendoza@example.com" = 1
        "aisha.khan@example.com"     = 1
        "ben.okafor@example.com"     = 1
        "julia.schmidt@example.com"  = 1
        "mateo.garcia@example.com"   = 1
        "nora.lindqvist@example.com" = 1
        "omar.haddad@example.com"    = 1
        "chloe.dubois@example.com"   = 1
        "ravi.patel@example.com"     = 1
        "ines.costa@example.com"     = 1
      }
    },
    {
      name           = "Support - Phone Tier 3"
      description    = "Engineering-level issues: 70 % answered within 60 s, 5 minutes of after-call work"
      media_settings = { call = { alerting_timeout_sec = 15, service_level_percentage = 0.7, service_level_duration_ms = 60000 } }
      in_queue_flow  = "Support In-Queue Call"
      acw_timeout_ms = 300000
      wrapup_codes   = ["Support - Resolved First Contact", "Support - Bug Reported", "Support - RMA Issued"]
      members = {
        "daniel.osei@example.com"    = 1
        "hannah.weber@example.com"   = 1
        "kenji.watanabe@example.com" = 1
        "amara.eze@example.com"      = 1
        "tomasz.nowak@example.com"   = 1
        "elena.petrova@example.com"  = 1
      }
    },
    {
      name           = "Support - Phone Spanish"
      description    = "Soporte técnico en español: 80 % answered within 20 s"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow  = "Support In-Queue Call"
      wrapup_codes   = ["Support - Resolved First Contact", "Support - Escalated to Tier 2", "Support - Password Reset"]
      members = {
        "carlos.mendoza@example.com" = 2
        "mateo.garcia@example.com"   = 2
        "ines.costa@example.com"     = 2
        "ana.lopez@example.com"      = 1
        "diego.ramirez@example.com"  = 1
        "valentina.cruz@example.com" = 1
      }
    },
    {
      name           = "Support - Phone French"
      description    = "Support technique en français: 80 % answered within 30 s"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      in_queue_flow  = "Support In-Queue Call"
      wrapup_codes   = ["Support - Resolved First Contact", "Support - Escalated to Tier 2"]
      members = {
        "lucas.moreau@example.com"    = 1
        "chloe.dubois@example.com"    = 1
        "camille.laurent@example.com" = 2
        "fatima.zahra@example.com"    = 2
      }
    },
    {
      name              = "Support - VIP Line"
      description       = "Dedicated line for VIP customers: 90 % answered within 10 s, forced 60 s wrap-up"
      media_settings    = { call = { service_level_percentage = 0.9, service_level_duration_ms = 10000 } }
      in_queue_flow     = "Support In-Queue Call"
      acw_wrapup_prompt = "MANDATORY_FORCED_TIMEOUT"
      acw_timeout_ms    = 60000
      wrapup_codes      = ["Support - Resolved First Contact", "Support - Escalated to Tier 3", "Support - RMA Issued"]
      members = {
        "daniel.osei@example.com"    = 2
        "hannah.weber@example.com"   = 1
        "kenji.watanabe@example.com" = 1
        "amara.eze@example.com"      = 1
        "tomasz.nowak@example.com"   = 1
        "elena.petrova@example.com"  = 1
      }
    },
    {
      name                 = "Support - Account Security"
      description          = "Hacked accounts and identity checks; calls are not transcribed"
      media_settings       = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow        = "Support In-Queue Call"
      enable_transcription = false
      wrapup_codes         = ["Support - Password Reset", "Support - Resolved First Contact", "Support - Escalated to Tier 3"]
      members = {
        "amara.eze@example.com"  = 1
        "aisha.khan@example.com" = 1
      }
    },
    {
      name        = "Support - Hardware Repairs"
      description = "Hardware faults and returns by phone and email"
      media_settings = {
        call  = { service_level_percentage = 0.8, service_level_duration_ms = 30000 }
        email = { service_level_percentage = 0.8, service_level_duration_ms = 86400000 }
      }
      in_queue_flow = "Support In-Queue Call"
      wrapup_codes  = ["Support - RMA Issued", "Support - Resolved First Contact"]
      members = {
        "kenji.watanabe@example.com" = 2
        "tomasz.nowak@example.com"   = 2
        "omar.haddad@example.com"    = 1
        "liam.oconnor@example.com"   = 2
      }
    },
    {
      name           = "Support - Chat General"
      description    = "Web chat: 80 % answered within 30 s"
      media_settings = { chat = { service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      wrapup_codes   = ["Support - Resolved First Contact", "Support - Escalated to Tier 2", "Support - Password Reset"]
      members = {
        "ana.lopez@example.com"       = 1
        "samuel.adeyemi@example.com"  = 1
        "emily.walsh@example.com"     = 1
        "valentina.cruz@example.com"  = 1
        "arjun.mehta@example.com"     = 1
        "grace.park@example.com"      = 1
        "henrik.larsen@example.com"   = 1
        "lucia.fernandez@example.com" = 1
      }
    },
    {
      name           = "Support - Chat Mobile App"
      description    = "Chat from the mobile app"
      media_settings = { chat = { service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      wrapup_codes   = ["Support - Resolved First Contact", "Support - Bug Reported"]
      members = {
        "priya.nair@example.com"      = 2
        "mei.chen@example.com"        = 1
        "oliver.grant@example.com"    = 1
        "grace.park@example.com"      = 2
        "henrik.larsen@example.com"   = 2
        "lucia.fernandez@example.com" = 2
      }
    },
    {
      name           = "Support - Chat Spanish"
      description    = "Chat en español"
      media_settings = { chat = { service_level_percentage = 0.8, service_level_duration_ms = 45000 } }
      wrapup_codes   = ["Support - Resolved First Contact", "Support - Escalated to Tier 2"]
      members = {
        "ana.lopez@example.com"       = 1
        "diego.ramirez@example.com"   = 1
        "valentina.cruz@example.com"  = 1
        "lucia.fernandez@example.com" = 1
      }
    },
    {
      name              = "Support - Email General"
      description       = "Support mailbox: 80 % answered within 24 h; supervisors staff it by hand"
      media_settings    = { email = { service_level_percentage = 0.8, service_level_duration_ms = 86400000 } }
      acw_wrapup_prompt = "OPTIONAL"
      wrapup_codes      = ["Support - Resolved First Contact", "Support - Escalated to Tier 2"]
    },
    {
      name              = "Support - Email Escalations"
      description       = "Escalated emails: 90 % answered within 8 h"
      media_settings    = { email = { service_level_percentage = 0.9, service_level_duration_ms = 28800000 } }
      acw_wrapup_prompt = "OPTIONAL"
      wrapup_codes      = ["Support - Resolved First Contact", "Support - Bug Reported", "Support - RMA Issued"]
      members = {
        "daniel.osei@example.com"    = 1
        "priya.nair@example.com"     = 2
        "hannah.weber@example.com"   = 2
        "kenji.watanabe@example.com" = 2
        "amara.eze@example.com"      = 2
        "tomasz.nowak@example.com"   = 2
        "elena.petrova@example.com"  = 2
      }
    },
  ]

  users = [
    {
      email = "grace.kim@example.com"
      name  = "Grace Kim"
      title = "Support Supervisor"
      roles = ["Contact Center Supervisor", "Quality Evaluator"]
    },
    {
      email = "marcus.bell@example.com"
      name  = "Marcus Bell"
      title = "Support Supervisor"
      roles = ["Contact Center Supervisor", "Quality Evaluator"]
    },
    {
      email = "sofia.rossi@example.com"
      name  = "Sofia Rossi"
      title = "Support Supervisor"
      skills = {
        "English" = 5
        "French"  = 4
      }
      roles = ["Contact Center Supervisor", "Quality Evaluator"]
    },
    {
      email = "daniel.osei@example.com"
      name  = "Daniel Osei"
      title = "Support Team Lead"
      skills = {
        "Technical Support" = 5
        "Support Tier 3"    = 5
        "Networking"        = 5
        "English"           = 5
      }
      roles = ["Contact Center Agent", "Quality Evaluator"]
    },
    {
      email = "priya.nair@example.com"
      name  = "Priya Nair"
      title = "Support Team Lead"
      skills = {
        "Technical Support" = 5
        "Support Tier 2"    = 5
        "Mobile App"        = 4
        "English"           = 5
      }
      roles = ["Contact Center Agent", "Quality Evaluator"]
    },
    {
      email = "lucas.moreau@example.com"
      name  = "Lucas Moreau"
      title = "Support Team Lead"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 5
        "French"            = 5
        "English"           = 5
      }
      roles = ["Contact Center Agent", "Quality Evaluator"]
    },
    {
      email = "hannah.weber@example.com"
      name  = "Hannah Weber"
      title = "Senior Support Engineer"
      skills = {
        "Technical Support" = 5
        "Support Tier 3"    = 4
        "English"           = 5
        "VIP Customers"     = 4
        "Networking"        = 5
        "German"            = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "kenji.watanabe@example.com"
      name  = "Kenji Watanabe"
      title = "Senior Support Engineer"
      skills = {
        "Technical Support" = 5
        "Support Tier 3"    = 4
        "English"           = 5
        "VIP Customers"     = 4
        "Hardware Repairs"  = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "amara.eze@example.com"
      name  = "Amara Eze"
      title = "Senior Support Engineer"
      skills = {
        "Technical Support" = 5
        "Support Tier 3"    = 4
        "English"           = 5
        "VIP Customers"     = 4
        "Account Security"  = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "tomasz.nowak@example.com"
      name  = "Tomasz Nowak"
      title = "Senior Support Engineer"
      skills = {
        "Technical Support" = 5
        "Support Tier 3"    = 4
        "English"           = 5
        "VIP Customers"     = 4
        "Networking"        = 4
        "Hardware Repairs"  = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "elena.petrova@example.com"
      name  = "Elena Petrova"
      title = "Senior Support Engineer"
      skills = {
        "Technical Support" = 5
        "Support Tier 3"    = 4
        "English"           = 5
        "VIP Customers"     = 4
        "Mobile App"        = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "carlos.mendoza@example.com"
      name  = "Carlos Mendoza"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Spanish"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "aisha.khan@example.com"
      name  = "Aisha Khan"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Account Security"  = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "ben.okafor@example.com"
      name  = "Ben Okafor"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Networking"        = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "julia.schmidt@example.com"
      name  = "Julia Schmidt"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "German"            = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "mateo.garcia@example.com"
      name  = "Mateo Garcia"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Spanish"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "nora.lindqvist@example.com"
      name  = "Nora Lindqvist"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Mobile App"        = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "omar.haddad@example.com"
      name  = "Omar Haddad"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Hardware Repairs"  = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "chloe.dubois@example.com"
      name  = "Chloe Dubois"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "French"            = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "ravi.patel@example.com"
      name  = "Ravi Patel"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Networking"        = 3
        "Mobile App"        = 3
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "ines.costa@example.com"
      name  = "Ines Costa"
      title = "Support Specialist"
      skills = {
        "Technical Support" = 4
        "Support Tier 2"    = 4
        "English"           = 5
        "Spanish"           = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "ana.lopez@example.com"
      name  = "Ana Lopez"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Spanish"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "jack.turner@example.com"
      name  = "Jack Turner"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "mei.chen@example.com"
      name  = "Mei Chen"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Mobile App"        = 3
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "samuel.adeyemi@example.com"
      name  = "Samuel Adeyemi"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "laura.fischer@example.com"
      name  = "Laura Fischer"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "German"            = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "diego.ramirez@example.com"
      name  = "Diego Ramirez"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Spanish"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "emily.walsh@example.com"
      name  = "Emily Walsh"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "yusuf.demir@example.com"
      name  = "Yusuf Demir"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Networking"        = 2
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "camille.laurent@example.com"
      name  = "Camille Laurent"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "French"            = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "noah.brooks@example.com"
      name  = "Noah Brooks"
      title = "Support Agent"
      state = "inactive"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "fatima.zahra@example.com"
      name  = "Fatima Zahra"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "French"            = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "liam.oconnor@example.com"
      name  = "Liam O'Connor"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Hardware Repairs"  = 2
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "valentina.cruz@example.com"
      name  = "Valentina Cruz"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Spanish"           = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "oliver.grant@example.com"
      name  = "Oliver Grant"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Mobile App"        = 2
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "zoe.martin@example.com"
      name  = "Zoe Martin"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "arjun.mehta@example.com"
      name  = "Arjun Mehta"
      title = "Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Account Security"  = 2
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "grace.park@example.com"
      name  = "Grace Park"
      title = "Digital Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Mobile App"        = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "henrik.larsen@example.com"
      name  = "Henrik Larsen"
      title = "Digital Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "lucia.fernandez@example.com"
      name  = "Lucia Fernandez"
      title = "Digital Support Agent"
      skills = {
        "Technical Support" = 3
        "Support Tier 1"    = 3
        "English"           = 5
        "Spanish"           = 5
      }
      roles = ["Contact Center Agent"]
    },
  ]
}
