import type { z } from 'zod';
import type { ZOrganizationFields } from '../../../common/contracts/organizations';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../common/domain/organizations';
import type { NewOrganization, OrganizationRow } from './organizations.repository';

type Fields = Partial<z.output<typeof ZOrganizationFields>>;

/** Column values from validated input; the sector always follows from the kind so the two never disagree. */
export function columnsOf(input: Fields): Partial<NewOrganization> {
  const values: Partial<NewOrganization> = {};
  const copy = <K extends keyof Fields & keyof NewOrganization>(key: K) => {
    if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  };
  for (const key of ['legalName', 'shortName', 'fiscalCode', 'vatNumber', 'sizeClass', 'activityCode', 'address', 'postalCode',
    'municipalityCode', 'website', 'email', 'pec', 'phone', 'notes', 'description', 'tags', 'status'] as const) copy(key);
  if (input.kind !== undefined) {
    values.kind = input.kind;
    values.sector = ORGANIZATION_KINDS[input.kind as OrganizationKind];
  }
  if (input.point !== undefined) {
    values.pointLat = input.point?.lat ?? null;
    values.pointLng = input.point?.lng ?? null;
  }
  return values;
}

/** Field names whose value differs between two saved states (for the history shown on the profile). */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  const ignored = new Set(['version', 'updated_at', 'updatedAt', 'created_at', 'createdAt']);
  return Object.keys(after).filter((key) => !ignored.has(key) && JSON.stringify(before?.[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** The row as audited: everything but the derived search columns. */
export function auditedRow(row: OrganizationRow): Omit<OrganizationRow, 'nameFolded' | 'searchDocument'> {
  const { nameFolded: _nameFolded, searchDocument: _searchDocument, ...rest } = row;
  return rest;
}
