import type { TFunction } from 'i18next';
import { ORGANIZATION_KIND_CODES, ORGANIZATION_SECTORS } from '../../../common/domain/organizations';
import { ORGANIZATION_SIZE_CLASSES } from '../../../common/domain/organization-registry';

type OrganizationsT = TFunction<'organizations'>;

/** Italian (or English) names for the registry's codes; an unknown code is shown as it is. */
export function kindLabel(t: OrganizationsT, code: string): string {
  return (ORGANIZATION_KIND_CODES as string[]).includes(code) ? t(`kinds.${code as (typeof ORGANIZATION_KIND_CODES)[number]}`) : code;
}
export function sectorLabel(t: OrganizationsT, code: string): string {
  return (ORGANIZATION_SECTORS as readonly string[]).includes(code) ? t(`sectors.${code as (typeof ORGANIZATION_SECTORS)[number]}`) : code;
}
export function sizeLabel(t: OrganizationsT, code: string | null): string | null {
  return code && (ORGANIZATION_SIZE_CLASSES as readonly string[]).includes(code) ? t(`sizes.${code as (typeof ORGANIZATION_SIZE_CLASSES)[number]}`) : null;
}
