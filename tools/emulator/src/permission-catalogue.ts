// The permission catalogue: real Genesys Cloud domain → entity → actions (data/permission-catalogue.json,
// with its sources), served in the API's own shape and used to refuse role policies the org cannot hold.
import { readFileSync } from 'node:fs';
import { badRequest } from './errors.ts';
import type { PermissionPolicy } from './model/authorization.ts';

interface CatalogueEntity {
  actions: string[];
  allowsConditions?: boolean;
  divisionAware?: boolean;
}

type Catalogue = Record<string, Record<string, CatalogueEntity>>;

// Our own data file, read once at start; its shape is fixed by the harvest that wrote it (sources inside it).
const CATALOGUE = (
  JSON.parse(readFileSync(new URL('../data/permission-catalogue.json', import.meta.url), 'utf8')) as {
    domains: Catalogue;
  }
).domains;

export function catalogueDomains(): string[] {
  return Object.keys(CATALOGUE);
}

/** One domain as the API lists it: a DomainPermissionCollection with its permissionMap. */
export function domainPermissionCollection(domain: string) {
  const entities = CATALOGUE[domain];
  if (!entities) return undefined;
  const permissionMap = Object.fromEntries(
    Object.entries(entities).map(([entityType, entity]) => [
      entityType,
      entity.actions.map((action) => ({
        domain,
        entityType,
        action,
        label: `${entityType} ${action}`,
        allowsConditions: entity.allowsConditions ?? false,
        divisionAware: entity.divisionAware ?? false,
      })),
    ]),
  );
  return {
    id: domain,
    name: domain,
    domain,
    permissionMap,
    selfUri: `/api/v2/authorization/permissions/${domain}`,
  };
}

/**
 * Refuses a policy naming a domain, entity or action the catalogue does not hold. A wildcard (`*`) is
 * accepted at any level, as the API accepts it (the built-in admin roles hold `*:*:*`).
 */
export function checkPolicy(policy: PermissionPolicy): void {
  const domain = String(policy.domain);
  const entityName = String(policy.entityName);
  if (domain === '*') return;
  const entities = CATALOGUE[domain];
  if (!entities)
    throw badRequest(`Permission domain '${domain}' does not exist.`, 'permissionPolicies.domain');
  if (entityName === '*') return;
  const entity = entities[entityName];
  if (!entity)
    throw badRequest(
      `Permission entity '${entityName}' does not exist in domain '${domain}'.`,
      'permissionPolicies.entityName',
    );
  for (const action of policy.actionSet ?? []) {
    if (action !== '*' && !entity.actions.includes(action))
      throw badRequest(
        `Permission action '${action}' does not exist for '${domain}:${entityName}'.`,
        'permissionPolicies.actionSet',
      );
  }
}
