// Roles, their permission policies, and the grants of a role in a division to a user (Domainorganizationrole,
// Domainpermissionpolicy, Domainresourceconditionnode, Authzgrant in the SDK).
import type { JsonObject } from './common.ts';

export interface ConditionValue {
  /** Whole User, Queue and Team objects in the SDK; stored as sent. */
  user?: JsonObject;
  queue?: JsonObject;
  team?: JsonObject;
  value?: string;
  type?: string;
}

export interface ConditionNode {
  variableName?: string;
  operator?: string;
  operands?: ConditionValue[];
  conjunction?: string;
  terms?: ConditionNode[];
}

export interface PermissionPolicy {
  domain?: string;
  entityName?: string;
  policyName?: string;
  policyDescription?: string;
  actionSet?: string[];
  namedResources?: string[];
  allowConditions?: boolean;
  resourceConditionNode?: ConditionNode;
}

/** A create or update body (Domainorganizationrolecreate, Domainorganizationroleupdate). */
export interface RoleRequest {
  name: string;
  description?: string;
  permissions?: string[];
  permissionPolicies?: PermissionPolicy[];
}

/** A stored role. userCount is not stored: each answer counts the grants. */
export interface Role {
  id: string;
  name: string;
  description: string;
  /** Only the seeded default roles have one. */
  defaultRoleId?: string;
  permissions: string[];
  permissionPolicies: PermissionPolicy[];
  base: boolean;
  default: boolean;
  selfUri: string;
}

/** One grant, as stored per user; answers render it as an Authzgrant with role and division references. */
export interface Grant {
  roleId: string;
  divisionId: string;
  grantMadeAt: string;
}
