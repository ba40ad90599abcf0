/** Roles a user can hold. Scoped roles name the district or organization they apply to. */
export const GLOBAL_ROLES = ['platform_admin', 'evaluator'] as const;
export const DISTRICT_ROLES = ['district_coordinator'] as const;
export const ORGANIZATION_ROLES = ['organization_admin', 'organization_member'] as const;
export const ROLES = [...GLOBAL_ROLES, ...DISTRICT_ROLES, ...ORGANIZATION_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export type DistrictRole = (typeof DISTRICT_ROLES)[number];
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
