import type { TFunction } from 'i18next';
import type { OrganizationKind, OrganizationSector } from '../../../common/domain/organizations';
import type { TDistrict } from '../../../common/contracts/districts';

/**
 * Member kinds, sectors and roles arrive as codes (`social_services_body`, `third_sector`); shown in words.
 * The tables are typed against common/domain/organizations.ts, so a new code there fails the type check here
 * until it has a translation. Unknown codes (newer server) are shown as they are.
 */
const KIND_KEYS = {
  municipality: 'districts.kinds.municipality',
  social_services_body: 'districts.kinds.social_services_body',
  health_authority: 'districts.kinds.health_authority',
  employment_centre: 'districts.kinds.employment_centre',
  school: 'districts.kinds.school',
  other_public_body: 'districts.kinds.other_public_body',
  social_cooperative_a: 'districts.kinds.social_cooperative_a',
  social_cooperative_b: 'districts.kinds.social_cooperative_b',
  aps: 'districts.kinds.aps',
  odv: 'districts.kinds.odv',
  social_enterprise: 'districts.kinds.social_enterprise',
  foundation: 'districts.kinds.foundation',
  mutual_aid_society: 'districts.kinds.mutual_aid_society',
  other_third_sector: 'districts.kinds.other_third_sector',
  firm: 'districts.kinds.firm',
  union: 'districts.kinds.union',
  trade_association: 'districts.kinds.trade_association',
  bilateral_body: 'districts.kinds.bilateral_body',
  informal_group: 'districts.kinds.informal_group',
} as const satisfies Record<OrganizationKind, string>;

const SECTOR_KEYS = {
  public: 'districts.sectors.public',
  third_sector: 'districts.sectors.third_sector',
  private: 'districts.sectors.private',
  informal: 'districts.sectors.informal',
} as const satisfies Record<OrganizationSector, string>;

const ROLE_KEYS = {
  coordinator: 'districts.roles.coordinator',
  member: 'districts.roles.member',
  observer: 'districts.roles.observer',
} as const satisfies Record<TDistrict['members'][number]['role'], string>;

function lookup<K extends string, V extends string>(table: Record<K, V>, code: string): V | null {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code as K] : null;
}

export function kindLabel(code: string, t: TFunction): string {
  const key = lookup(KIND_KEYS, code);
  return key ? t(key) : code;
}

export function sectorLabel(code: string, t: TFunction): string {
  const key = lookup(SECTOR_KEYS, code);
  return key ? t(key) : code;
}

export function roleLabel(code: string, t: TFunction): string {
  const key = lookup(ROLE_KEYS, code);
  return key ? t(key) : code;
}
