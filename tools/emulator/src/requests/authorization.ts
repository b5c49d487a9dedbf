// Checks for authorization bodies: divisions, roles with their permission policies, and grants.
import { arrayOf, boolean, body, jsonObject, objectOf, requiredText, string, type Check } from '../check.ts';
import type { ConditionNode, ConditionValue, PermissionPolicy, RoleRequest } from '../model/authorization.ts';

export const divisionRequest = body<{ name: string; description?: string }>({
  name: requiredText,
  description: string,
});

const conditionValue = objectOf<ConditionValue>({
  user: jsonObject,
  queue: jsonObject,
  team: jsonObject,
  value: string,
  type: string,
});

// A condition node holds further nodes; the function defers the reference until the first check runs.
const conditionNode: Check<ConditionNode | undefined> = (value, field) =>
  objectOf<ConditionNode>({
    variableName: string,
    operator: string,
    operands: arrayOf(conditionValue),
    conjunction: string,
    terms: arrayOf(conditionNode),
  })(value, field);

const permissionPolicy = objectOf<PermissionPolicy>({
  domain: string,
  entityName: string,
  policyName: string,
  policyDescription: string,
  actionSet: arrayOf(string),
  namedResources: arrayOf(string),
  allowConditions: boolean,
  resourceConditionNode: conditionNode,
});

export const roleRequest = body<RoleRequest>({
  name: requiredText,
  description: string,
  permissions: arrayOf(string),
  permissionPolicies: arrayOf(permissionPolicy),
});

/** Roledivisiongrants: the role and division of each grant, by id. */
export const grantsRequest = body<{ grants?: { roleId?: string; divisionId?: string }[] }>({
  grants: arrayOf(objectOf({ roleId: string, divisionId: string })),
});
