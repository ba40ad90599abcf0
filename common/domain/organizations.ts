/**
 * The actors of a district. Kinds follow the product brief (public bodies, third sector, firms, informal groups);
 * the organizations issue extends the registry, keeping these codes stable.
 */
export const ORGANIZATION_SECTORS = ['public', 'third_sector', 'private', 'informal'] as const;
export type OrganizationSector = (typeof ORGANIZATION_SECTORS)[number];

export const ORGANIZATION_KINDS = {
  municipality: 'public',
  social_services_body: 'public',
  health_authority: 'public',
  employment_centre: 'public',
  school: 'public',
  other_public_body: 'public',
  social_cooperative_a: 'third_sector',
  social_cooperative_b: 'third_sector',
  aps: 'third_sector',
  odv: 'third_sector',
  social_enterprise: 'third_sector',
  foundation: 'third_sector',
  mutual_aid_society: 'third_sector',
  other_third_sector: 'third_sector',
  firm: 'private',
  union: 'private',
  trade_association: 'private',
  bilateral_body: 'private',
  informal_group: 'informal',
} as const satisfies Record<string, OrganizationSector>;
export type OrganizationKind = keyof typeof ORGANIZATION_KINDS;
export const ORGANIZATION_KIND_CODES = Object.keys(ORGANIZATION_KINDS) as OrganizationKind[];

export const DISTRICT_MEMBERSHIP_ROLES = ['coordinator', 'member', 'observer'] as const;
export type DistrictMembershipRole = (typeof DISTRICT_MEMBERSHIP_ROLES)[number];
