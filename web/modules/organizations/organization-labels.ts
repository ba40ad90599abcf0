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

const HISTORY_FIELDS = [
  'legal_name', 'short_name', 'kind', 'sector', 'municipality_code', 'description', 'is_demo', 'fiscal_code', 'vat_number', 'size_class',
  'activity_code', 'address', 'postal_code', 'point_lat', 'point_lng', 'website', 'email', 'pec', 'phone', 'notes', 'tags', 'status', 'active',
  'merged_into_id', 'source', 'id',
] as const;

/**
 * A version's change in words: the server stores it as a short English note ("created", "updated by import <id>",
 * "merged into <id>", "absorbed <name> (<id>)"), never to be shown as it is; an unknown note reads "Modifica".
 */
export function historyChangeLabel(t: OrganizationsT, change: string): string {
  if (change === 'created') return t('profile.historyChanges.created');
  if (change === 'updated') return t('profile.historyChanges.updated');
  if (change.startsWith('created by import')) return t('profile.historyChanges.createdByImport');
  if (change.startsWith('updated by import')) return t('profile.historyChanges.updatedByImport');
  if (change.startsWith('merged into ')) return t('profile.historyChanges.mergedInto');
  const absorbed = /^absorbed (.+) \([0-9a-f-]+\)$/.exec(change);
  if (absorbed) return t('profile.historyChanges.absorbed', { name: absorbed[1] });
  if (change === 'municipal public body from the territory') return t('profile.historyChanges.municipalBody');
  return t('profile.historyChanges.other');
}

/** The fields a version changed, by their names in the reader's language, each once (a position is one field). */
export function changedFieldsLabel(t: OrganizationsT, fields: readonly string[]): string {
  const names = fields.map((field) =>
    (HISTORY_FIELDS as readonly string[]).includes(field) ? t(`profile.historyFields.${field as (typeof HISTORY_FIELDS)[number]}`) : t('profile.historyFields.other'),
  );
  return [...new Set(names)].join(', ');
}
