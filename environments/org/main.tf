# The org-wide objects, owned by this root and by no other: divisions, custom roles, and the skills and wrap-up
# codes every department shares. Department roots (sales, support, billing) read them by name through data
# sources, so apply this root first, and change these objects only here.

module "org" {
  source = "../../modules/org"

  # Org-wide objects. Every name here is read by the department roots: renaming one breaks them until their
  # main.tf is updated in the same PR.

  divisions = [
    { name = "Sales", description = "Sales department: new business, renewals and enterprise accounts" },
    { name = "Support", description = "Customer support: technical help desk, hardware repairs and account security" },
    { name = "Billing", description = "Billing department: invoices, payments, refunds and collections" },
  ]

  roles = [
    {
      name        = "Contact Center Agent"
      description = "Takes calls, chats, messages and emails from the queues they are a member of"
      permission_policies = [
        { domain = "routing", entity_name = "queue", action_set = ["view", "join"] },
        { domain = "routing", entity_name = "skill", action_set = ["view"] },
        { domain = "routing", entity_name = "wrapupCode", action_set = ["view"] },
        { domain = "conversation", entity_name = "call", action_set = ["accept", "add", "record"] },
        { domain = "conversation", entity_name = "webchat", action_set = ["accept"] },
        { domain = "conversation", entity_name = "message", action_set = ["accept", "create"] },
        { domain = "conversation", entity_name = "email", action_set = ["accept", "create"] },
        { domain = "conversation", entity_name = "callback", action_set = ["create", "accept"] },
      ]
    },
    {
      name        = "Contact Center Supervisor"
      description = "Watches queues and agents live, coaches calls and staffs queues"
      permission_policies = [
        { domain = "routing", entity_name = "queue", action_set = ["view"] },
        { domain = "routing", entity_name = "queueMember", action_set = ["manage"] },
        { domain = "analytics", entity_name = "queueObservation", action_set = ["view"] },
        { domain = "analytics", entity_name = "userObservation", action_set = ["view"] },
        { domain = "analytics", entity_name = "conversationDetail", action_set = ["view"] },
        { domain = "conversation", entity_name = "call", action_set = ["monitor", "coach"] },
      ]
    },
    {
      name        = "Quality Evaluator"
      description = "Listens to recordings and scores interactions against evaluation forms"
      permission_policies = [
        { domain = "quality", entity_name = "evaluation", action_set = ["add", "edit", "view"] },
        { domain = "recording", entity_name = "recording", action_set = ["view"] },
        { domain = "analytics", entity_name = "conversationDetail", action_set = ["view"] },
      ]
    },
  ]

  shared_skills = [
    "English",
    "Spanish",
    "French",
    "German",
    "VIP Customers",
  ]

  shared_wrapup_codes = [
    { name = "Transferred", description = "Handed to another queue or agent" },
    { name = "Customer Disconnected", description = "The customer left before the issue was handled" },
    { name = "Callback Scheduled", description = "A callback was booked with the customer" },
    { name = "Wrong Department", description = "The contact belongs to another department" },
    { name = "Follow-up Required", description = "Open item: someone must come back to the customer" },
    { name = "Duplicate Contact", description = "The same issue is already handled in another interaction" },
    { name = "Abusive Contact", description = "Ended because of abusive behaviour" },
  ]
}
