# The cxops rules `cxops assert` is compared on, written for Conftest (OPA 1.x): no delete or replace of a
# queue, flow, user, role or division (cxops's no-destroy-protected), and no wildcard permission in a role
# (the wildcard half of no-permission-escalation). Used only by the benchmark (tools/cli/bench/cli-bench.ts).
package main

protected_types := {
	"genesyscloud_routing_queue",
	"genesyscloud_flow",
	"genesyscloud_user",
	"genesyscloud_auth_role",
	"genesyscloud_auth_division",
}

deny contains msg if {
	some rc in input.resource_changes
	rc.mode == "managed"
	protected_types[rc.type]
	"delete" in rc.change.actions
	msg := sprintf("%s would be DELETED or REPLACED", [rc.address])
}

deny contains msg if {
	some rc in input.resource_changes
	granting_role(rc)
	some permission in rc.change.after.permissions
	contains(permission, "*")
	msg := sprintf("%s grants the wildcard permission %s", [rc.address, permission])
}

deny contains msg if {
	some rc in input.resource_changes
	granting_role(rc)
	some policy in rc.change.after.permission_policies
	wildcard_policy(policy)
	msg := sprintf("%s grants a wildcard permission policy %s:%s", [rc.address, policy.domain, policy.entity_name])
}

granting_role(rc) if {
	rc.mode == "managed"
	rc.type == "genesyscloud_auth_role"
	some action in rc.change.actions
	action in {"create", "update"}
}

wildcard_policy(policy) if contains(policy.domain, "*")

wildcard_policy(policy) if contains(policy.entity_name, "*")

wildcard_policy(policy) if {
	some action in policy.action_set
	contains(action, "*")
}
