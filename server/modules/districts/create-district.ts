import { z } from 'zod';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { getZoneMunicipalities } from '../zonings';
import { DistrictActions } from './districts.policy';
import {
  insertDistrict,
  insertDistrictMunicipalities,
  insertMembership,
  selectUnknownMunicipalityCodes,
  type DistrictRow,
} from './districts.repository';

export const ZCreateDistrictInput = z.strictObject({
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).default(''),
  definition: z.string().trim().max(2000).default(''),
  /** The municipalities; leave empty when the district is defined as `referenceZoneId`. */
  municipalityCodes: z.array(z.string().regex(/^\d{6}$/)).default([]),
  /** Define the district as this zone of a reference zoning: it takes the zone's municipalities. */
  referenceZoneId: z.uuid().nullable().default(null),
  coordinatorOrganizationId: z.uuid().nullable().default(null),
  memberOrganizationIds: z.array(z.uuid()).default([]),
  isDemo: z.boolean().default(false),
});
export type CreateDistrictInput = z.input<typeof ZCreateDistrictInput>;

/** Creates a district over a set of municipalities, with its coordinator and first members (platform admins). */
export async function createDistrict(context: UseCaseContext, rawInput: CreateDistrictInput): Promise<DistrictRow> {
  assertCan(context.actor, DistrictActions['districts.create']);
  const input = parseInput(ZCreateDistrictInput, rawInput);
  const zone = input.referenceZoneId ? await getZoneMunicipalities(context, input.referenceZoneId) : null;
  const codes = [...new Set(zone ? zone.municipalityCodes : input.municipalityCodes)];
  if (codes.length === 0) throw fieldError('municipalityCodes', 'list at least one municipality, or give a referenceZoneId');
  const unknown = await selectUnknownMunicipalityCodes(context.db.orm, codes);
  if (unknown.length > 0) throw fieldError('municipalityCodes', `unknown ISTAT codes: ${unknown.join(', ')}`, 'unknown-code');
  return inTransaction(context, async (tx) => {
    const district = await insertDistrict(tx, {
      name: input.name,
      description: input.description,
      definition: input.definition,
      coordinatorOrganizationId: input.coordinatorOrganizationId,
      referenceZoneId: input.referenceZoneId,
      isDemo: input.isDemo,
    });
    await insertDistrictMunicipalities(tx, district.id, codes);
    if (input.coordinatorOrganizationId) {
      await insertMembership(tx, { districtId: district.id, organizationId: input.coordinatorOrganizationId, role: 'coordinator' });
    }
    for (const organizationId of input.memberOrganizationIds) {
      if (organizationId === input.coordinatorOrganizationId) continue;
      await insertMembership(tx, { districtId: district.id, organizationId, role: 'member' });
    }
    await recordAudit(tx, context, {
      action: 'districts.create-district',
      entityType: 'district',
      entityId: district.id,
      after: { ...district, municipalityCodes: codes, memberOrganizationIds: input.memberOrganizationIds },
    });
    return district;
  });
}
