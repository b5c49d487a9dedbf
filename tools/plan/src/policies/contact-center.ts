// Contact-center words for Genesys resource types, shared by policies and the PR summary.

export const OBJECT_NOUNS: Record<string, string> = {
  genesyscloud_routing_queue: 'Queue',
  genesyscloud_flow: 'Flow',
  genesyscloud_user: 'User',
  genesyscloud_auth_role: 'Role',
  genesyscloud_auth_division: 'Division',
  genesyscloud_routing_skill: 'Skill',
  genesyscloud_routing_wrapupcode: 'Wrap-up code',
  genesyscloud_user_roles: 'Role grants of user',
  genesyscloud_routing_language: 'Language',
  genesyscloud_routing_skill_group: 'Skill group',
};

export function noun(type: string): string {
  return OBJECT_NOUNS[type] ?? type;
}
