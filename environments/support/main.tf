# The support department. Minimal for now: the modules (queues, flows, users, permissions) come next.
resource "genesyscloud_routing_skill" "this" {
  for_each = toset(["Billing Disputes", "Technical Support", "Spanish"])
  name     = each.key
}
