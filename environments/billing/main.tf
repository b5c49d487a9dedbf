# The billing department's root: its data, in one call of modules/department, and its Architect flows under
# flows/ (paths relative to this folder, where Terraform runs). versions.tf and providers.tf link to the shared
# wiring in ../org; migrations.tf maps the state of the earlier layout.

module "department" {
  source = "../../modules/department"

  # The billing department's contact center. Division, roles, and the shared skills and wrap-up codes are owned
  # by environments/org (applied first) and only read here by name.

  division = "Billing"

  skills = [
    "Billing - Invoices",
    "Billing - Payment Plans",
    "Billing - Refunds",
    "Billing - Collections",
  ]
  shared_skills = ["English", "Spanish", "French", "German"]

  wrapup_codes = [
    { name = "Billing - Invoice Explained", description = "The customer's question about an invoice was answered" },
    { name = "Billing - Payment Taken", description = "A payment was taken on this contact" },
    { name = "Billing - Payment Plan Agreed", description = "An instalment plan was set up" },
    { name = "Billing - Refund Issued", description = "A refund was approved and issued" },
    { name = "Billing - Dispute Logged", description = "A charge is disputed and under investigation" },
  ]
  shared_wrapup_codes  = ["Transferred", "Customer Disconnected", "Callback Scheduled", "Wrong Department", "Follow-up Required"]
  default_wrapup_codes = ["Transferred", "Customer Disconnected", "Callback Scheduled", "Follow-up Required"]

  default_roles  = ["employee"]
  org_wide_roles = ["employee"]

  in_queue_flows = [
    {
      name          = "Billing In-Queue Call"
      filepath      = "flows/billing-in-queue-call.yaml"
      substitutions = { hold_message = "Thank you for waiting. Please have your account number ready." }
    },
  ]

  inbound_flows = [
    {
      name     = "Billing Inbound Call"
      filepath = "flows/billing-inbound-call.yaml"
      queues = {
        general_queue     = "Billing - Phone General"
        collections_queue = "Billing - Phone Collections"
        refunds_queue     = "Billing - Refunds"
        spanish_queue     = "Billing - Phone Spanish"
      }
      substitutions = { greeting = "Thank you for calling billing." }
    },
  ]

  queues = [
    {
      name                    = "Billing - Phone General"
      description             = "Invoices, payments and payment plans: 80 % answered within 30 s"
      media_settings          = { call = { service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      in_queue_flow           = "Billing In-Queue Call"
      skill_evaluation_method = "BEST"
      wrapup_codes            = ["Billing - Invoice Explained", "Billing - Payment Taken", "Billing - Payment Plan Agreed", "Billing - Dispute Logged"]
      members = {
        "aaliyah.johnson@example.com" = 2
        "rosa.delgado@example.com"    = 1
        "thomas.becker@example.com"   = 1
        "nadia.haddad@example.com"    = 1
        "ethan.clarke@example.com"    = 1
        "mariana.souza@example.com"   = 1
        "kevin.liu@example.com"       = 2
        "dmitri.volkov@example.com"   = 3
        "beatriz.almeida@example.com" = 3
        "samira.benali@example.com"   = 3
      }
    },
    {
      name           = "Billing - Phone Collections"
      description    = "Overdue accounts; 3 minutes of after-call work for notes"
      media_settings = { call = { service_level_percentage = 0.7, service_level_duration_ms = 60000 } }
      in_queue_flow  = "Billing In-Queue Call"
      acw_timeout_ms = 180000
      wrapup_codes   = ["Billing - Payment Taken", "Billing - Payment Plan Agreed"]
      members = {
        "dmitri.volkov@example.com"   = 1
        "beatriz.almeida@example.com" = 1
        "samira.benali@example.com"   = 1
      }
    },
    {
      name        = "Billing - Refunds"
      description = "Refund requests by phone and email"
      media_settings = {
        call  = { service_level_percentage = 0.8, service_level_duration_ms = 30000 }
        email = { service_level_percentage = 0.8, service_level_duration_ms = 172800000 }
      }
      in_queue_flow = "Billing In-Queue Call"
      wrapup_codes  = ["Billing - Refund Issued", "Billing - Dispute Logged"]
      members = {
        "aaliyah.johnson@example.com" = 1
        "thomas.becker@example.com"   = 2
        "ethan.clarke@example.com"    = 1
        "chidi.nwosu@example.com"     = 1
      }
    },
    {
      name              = "Billing - Email"
      description       = "Billing mailbox: 80 % answered within 24 h"
      media_settings    = { email = { service_level_percentage = 0.8, service_level_duration_ms = 86400000 } }
      acw_wrapup_prompt = "OPTIONAL"
      wrapup_codes      = ["Billing - Invoice Explained", "Billing - Refund Issued", "Billing - Dispute Logged"]
      members = {
        "aaliyah.johnson@example.com" = 2
        "nadia.haddad@example.com"    = 1
        "mariana.souza@example.com"   = 1
        "kevin.liu@example.com"       = 1
        "chidi.nwosu@example.com"     = 1
      }
    },
    {
      name           = "Billing - Phone Spanish"
      description    = "Facturación en español"
      media_settings = { call = { service_level_percentage = 0.8, service_level_duration_ms = 30000 } }
      in_queue_flow  = "Billing In-Queue Call"
      wrapup_codes   = ["Billing - Invoice Explained", "Billing - Payment Taken", "Billing - Payment Plan Agreed"]
      members = {
        "rosa.delgado@example.com"    = 1
        "mariana.souza@example.com"   = 2
        "beatriz.almeida@example.com" = 2
      }
    },
  ]

  users = [
    {
      email = "michael.brennan@example.com"
      name  = "Michael Brennan"
      title = "Billing Supervisor"
      roles = ["Contact Center Supervisor", "Quality Evaluator"]
    },
    {
      email = "aaliyah.johnson@example.com"
      name  = "Aaliyah Johnson"
      title = "Billing Team Lead"
      skills = {
        "Billing - Invoices" = 5
        "Billing - Refunds"  = 5
        "English"            = 5
      }
      roles = ["Contact Center Agent", "Quality Evaluator"]
    },
    {
      email = "rosa.delgado@example.com"
      name  = "Rosa Delgado"
      title = "Billing Agent"
      skills = {
        "Billing - Invoices"      = 4
        "English"                 = 5
        "Spanish"                 = 5
        "Billing - Payment Plans" = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "thomas.becker@example.com"
      name  = "Thomas Becker"
      title = "Billing Agent"
      skills = {
        "Billing - Invoices" = 4
        "English"            = 5
        "German"             = 5
        "Billing - Refunds"  = 3
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "nadia.haddad@example.com"
      name  = "Nadia Haddad"
      title = "Billing Agent"
      skills = {
        "Billing - Invoices"      = 4
        "English"                 = 5
        "French"                  = 4
        "Billing - Payment Plans" = 3
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "ethan.clarke@example.com"
      name  = "Ethan Clarke"
      title = "Billing Agent"
      skills = {
        "Billing - Invoices" = 4
        "English"            = 5
        "Billing - Refunds"  = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "mariana.souza@example.com"
      name  = "Mariana Souza"
      title = "Billing Agent"
      skills = {
        "Billing - Invoices" = 4
        "English"            = 5
        "Spanish"            = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "kevin.liu@example.com"
      name  = "Kevin Liu"
      title = "Billing Agent"
      skills = {
        "Billing - Invoices"      = 4
        "English"                 = 5
        "Billing - Payment Plans" = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "chidi.nwosu@example.com"
      name  = "Chidi Nwosu"
      title = "Billing Agent"
      skills = {
        "Billing - Invoices" = 4
        "English"            = 5
        "Billing - Refunds"  = 3
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "dmitri.volkov@example.com"
      name  = "Dmitri Volkov"
      title = "Collections Specialist"
      skills = {
        "Billing - Collections"   = 5
        "Billing - Payment Plans" = 5
        "Billing - Invoices"      = 3
        "English"                 = 5
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "beatriz.almeida@example.com"
      name  = "Beatriz Almeida"
      title = "Collections Specialist"
      skills = {
        "Billing - Collections"   = 5
        "Billing - Payment Plans" = 5
        "Billing - Invoices"      = 3
        "English"                 = 5
        "Spanish"                 = 4
      }
      roles = ["Contact Center Agent"]
    },
    {
      email = "samira.benali@example.com"
      name  = "Samira Benali"
      title = "Collections Specialist"
      skills = {
        "Billing - Collections"   = 5
        "Billing - Payment Plans" = 5
        "Billing - Invoices"      = 3
        "English"                 = 5
        "French"                  = 4
      }
      roles = ["Contact Center Agent"]
    },
  ]
}
