# The sales department's root: its data, in one call of modules/department, and its Architect flows under
# flows/ (paths relative to this folder, where Terraform runs). versions.tf and providers.tf link to the shared
# wiring in ../org; migrations.tf maps the state of the earlier layout.

module "department" {
  source = "../../modules/department"

  # The sales department's contact center. Division, roles, and the shared skills and wrap-up codes are owned by
  # environments/org (applied first) and only read here by name.

  division = "Sales"

  skills = [
    "Sales - New Business",
    "Sales - Renewals",
    "Sales - Enterprise Accounts",
    "Product - Broadband",
    "Product - Mobile Plans",
    "Product - TV Bundles",
  ]
  shared_skills = ["English", "Spanish", "French", "VIP Customers"]

  wrapup_codes = [
    { name = "Sales - Sale Closed", description = "The customer bought on this contact" },
    { name = "Sales - Quote Sent", description = "A written quote was sent" },
    { name = "Sales - Not Interested", description = "No sale; the customer declined" },
    { name = "Sales - Follow-up Call Booked", description = "A sales call was booked for later" },
    { name = "Sales - Existing Customer Upgrade", description = "An existing customer upgraded or renewed" },
  ]
  shared_wrapup_codes  = ["Transferred", "Customer Disconnected", "Callback Scheduled", "Wrong Department"]
  default_wrapup_codes = ["Transferred", "Customer Disconnected", "Callback Scheduled", "Wrong Department"]

  default_roles  = ["employee"]
  org_wide_roles = ["employee"]

  in_queue_flows = [
    {
      name          = "Sales In-Queue Call"
      filepath      = "flows/sales-in-queue-call.yaml"
      substitutions = { hold_message = "Thanks for holding. Your call is important to us; a sales advisor will be with you shortly." }
    },
  ]

  inbound_flows = [
    {
      name     = "Sales Inbound Call"
      filepath = "flows/sales-inbound-call.yaml"
      queues = {
        new_customers_queue = "Sales - Phone New Customers"
        renewals_queue      = "Sales - Phone Renewals"
        business_queue      = "Sales - Enterprise Line"
        spanish_queue       = "Sales - Phone Spanish"
      }
      substitutions = { greeting = "Thank you for calling our sales team." }
    },
  ]

  queues = [
    {
      name                    = "Sales - Phone New Customers"
      description             = "New customers buying broadband, mobile and TV: 80 % answered within 20 s"
      media_settings          = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow           = "Sales In-Queue Call"
      skill_evaluation_method = "BEST"
      wrapup_codes            = ["Sales - Sale Closed", "Sales - Quote Sent", "Sales - Not Interested", "Sales - Follow-up Call Booked"]
      members = {
        "victor.huang@example.com"    = 2
        "isabella.romero@example.com" = 1
        "james.whitaker@example.com"  = 1
        "leila.ahmadi@example.com"    = 1
        "kwame.mensah@example.com"    = 1
        "sara.johansson@example.com"  = 2
        "pablo.herrera@example.com"   = 2
      }
    },
    {
      name           = "Sales - Phone Renewals"
      description    = "Existing customers renewing or upgrading their contract"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      in_queue_flow  = "Sales In-Queue Call"
      wrapup_codes   = ["Sales - Existing Customer Upgrade", "Sales - Sale Closed", "Sales - Not Interested"]
      members = {
        "hiro.tanaka@example.com"     = 1
        "megan.foster@example.com"    = 1
        "andre.silva@example.com"     = 1
        "charlotte.evans@example.com" = 2
        "nikhil.rao@example.com"      = 2
      }
    },
    {
      name           = "Sales - Enterprise Line"
      description    = "Business accounts: 90 % answered within 15 s"
      media_settings = { call = { alerting_timeout_sec = 12, service_level_percentage = 0.9, service_level_duration_ms = 15000 } }
      in_queue_flow  = "Sales In-Queue Call"
      acw_timeout_ms = 180000
      wrapup_codes   = ["Sales - Sale Closed", "Sales - Quote Sent", "Sales - Follow-up Call Booked"]
      members = {
        "victor.huang@example.com"    = 1
        "charlotte.evans@example.com" = 1
        "nikhil.rao@example.com"      = 1
      }
    },
    {
      name           = "Sales - Phone Spanish"
      description    = "Ventas en español"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 20000 } }
      in_queue_flow  = "Sales In-Queue Call"
      wrapup_codes   = ["Sales - Sale Closed", "Sales - Quote Sent", "Sales - Not Interested"]
      members = {
        "isabella.romero@example.com" = 1
        "pablo.herrera@example.com"   = 1
        "andre.silva@example.com"     = 2
      }
    },
    {
      name           = "Sales - Chat"
      description    = "Web chat on the shop pages: 80 % answered within 30 s"
      media_settings = { chat = { service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      wrapup_codes   = ["Sales - Sale Closed", "Sales - Quote Sent", "Sales - Not Interested"]
      members = {
        "james.whitaker@example.com" = 2
        "leila.ahmadi@example.com"   = 1
        "sara.johansson@example.com" = 1
        "megan.foster@example.com"   = 2
      }
    },
    {
      name           = "Sales - Callback Requests"
      description    = "Callbacks requested on the website: 80 % called back within 1 hour"
      media_settings = { callback = { service_level_percentage = 0.8, service_level_duration_ms = 3600000 } }
      wrapup_codes   = ["Sales - Sale Closed", "Sales - Quote Sent", "Sales - Follow-up Call Booked"]
      members = {
        "isabella.romero@example.com" = 2
        "james.whitaker@example.com"  = 1
        "kwame.mensah@example.com"    = 1
        "hiro.tanaka@example.com"     = 2
      }
    },
  ]

  users = [
    {
      email = "rachel.adams@example.com"
      name  = "Rachel Adams"
      title = "Sales Manager"
      roles = ["Contact Center Supervisor", "Quality Evaluator"]
    },
    {
      email = "victor.huang@example.com"
      name  = "Victor Huang"
      title = "Sales Team Lead"
      skills = {
        "Sales - Enterprise Accounts" = 5
        "Sales - New Business"        = 5
        "English"                     = 5
        "VIP Customers"               = 5
      }
      roles = ["Contact Center Agent", "Quality Evaluator"]
    },
    {
      email = "isabella.romero@example.com"
      name  = "Isabella Romero"
      title = "Sales Representative"
      skills = {
        "Sales - New Business"   = 4
        "English"                = 5
        "Spanish"                = 5
        "Product - Mobile Plans" = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "james.whitaker@example.com"
      name  = "James Whitaker"
      title = "Sales Representative"
      skills = {
        "Sales - New Business" = 4
        "English"              = 5
        "Product - Broadband"  = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "leila.ahmadi@example.com"
      name  = "Leila Ahmadi"
      title = "Sales Representative"
      skills = {
        "Sales - New Business" = 4
        "English"              = 5
        "Product - TV Bundles" = 4
        "French"               = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "kwame.mensah@example.com"
      name  = "Kwame Mensah"
      title = "Sales Representative"
      skills = {
        "Sales - New Business"   = 4
        "English"                = 5
        "Product - Broadband"    = 4
        "Product - Mobile Plans" = 3
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "sara.johansson@example.com"
      name  = "Sara Johansson"
      title = "Sales Representative"
      skills = {
        "Sales - New Business"   = 4
        "English"                = 5
        "Product - Mobile Plans" = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "pablo.herrera@example.com"
      name  = "Pablo Herrera"
      title = "Sales Representative"
      skills = {
        "Sales - New Business" = 4
        "English"              = 5
        "Spanish"              = 5
        "Product - Broadband"  = 3
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "hiro.tanaka@example.com"
      name  = "Hiro Tanaka"
      title = "Renewals Specialist"
      skills = {
        "Sales - Renewals"    = 5
        "English"             = 5
        "Product - Broadband" = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "megan.foster@example.com"
      name  = "Megan Foster"
      title = "Renewals Specialist"
      skills = {
        "Sales - Renewals"     = 5
        "English"              = 5
        "Product - TV Bundles" = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "andre.silva@example.com"
      name  = "Andre Silva"
      title = "Renewals Specialist"
      skills = {
        "Sales - Renewals" = 5
        "English"          = 5
        "Spanish"          = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "charlotte.evans@example.com"
      name  = "Charlotte Evans"
      title = "Enterprise Account Executive"
      skills = {
        "Sales - Enterprise Accounts" = 5
        "Sales - New Business"        = 4
        "English"                     = 5
        "VIP Customers"               = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "nikhil.rao@example.com"
      name  = "Nikhil Rao"
      title = "Enterprise Account Executive"
      skills = {
        "Sales - Enterprise Accounts" = 5
        "Sales - New Business"        = 4
        "English"                     = 5
        "VIP Customers"               = 4
      }
      roles = ["Contact Center Agent"]
    },
  ]
}
