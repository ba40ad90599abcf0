import type { TDistrict, TDistrictAreaUpdate } from '../../../common/contracts/districts';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError, staleVersion } from '../../platform/errors/app-error';
import { publishInTransaction } from '../../platform/events';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { getZoneMunicipalities } from '../zonings';
import { DISTRICT_AREA_CHANGED } from './district-events';
import { DistrictActions } from './districts.policy';
import { districtNotFound } from './districts.errors';
import {
  replaceDistrictMunicipalities,
  selectDistrictDetail,
  selectDistrictMunicipalityCodes,
  selectDistrictRow,
  selectUnknownMunicipalityCodes,
  updateDistrictAreaIfVersion,
} from './districts.repository';

/**
 * Redefines the district's area (its coordinators, platform admins): as one zone of a reference zoning — the
 * policy documents ask districts to coincide with health or social-assistance zones — taking the zone's
 * municipalities, or as a custom set of municipalities. Versioned and audited with the codes before and after.
 */
export async function defineDistrictArea(context: UseCaseContext, id: string, input: TDistrictAreaUpdate): Promise<TDistrict> {
  assertCan(context.actor, DistrictActions['districts.update'], { id });
  const zone = input.kind === 'zone' ? await getZoneMunicipalities(context, input.zoneId) : null;
  const codes = [...new Set(zone ? zone.municipalityCodes : input.kind === 'custom' ? input.municipalityCodes : [])].sort();
  if (codes.length === 0) throw fieldError(input.kind === 'zone' ? 'zoneId' : 'municipalityCodes', 'the area has no municipalities');
  const unknown = await selectUnknownMunicipalityCodes(context.db.orm, codes);
  if (unknown.length > 0) throw fieldError('municipalityCodes', `unknown ISTAT codes: ${unknown.join(', ')}`, 'unknown-code');
  return inTransaction(context, async (tx) => {
    const before = await selectDistrictRow(tx, id);
    if (!before) throw districtNotFound(id);
    const codesBefore = await selectDistrictMunicipalityCodes(tx, id);
    const definition = zone
      ? `Il distretto coincide con la zona «${zone.zoneName}» (${zone.zoneCode}) della zonizzazione «${zone.zoningName}»: ${codes.length} comuni.`
      : undefined;
    const after = await updateDistrictAreaIfVersion(tx, id, input.version, { referenceZoneId: zone ? zone.zoneId : null, ...(definition ? { definition } : {}) });
    if (!after) throw staleVersion('district', id, input.version, before.version);
    await replaceDistrictMunicipalities(tx, id, codes);
    await publishInTransaction(tx, DISTRICT_AREA_CHANGED, { districtId: id, municipalityCodesBefore: codesBefore, municipalityCodesAfter: codes });
    await recordAudit(tx, context, {
      action: 'districts.define-area',
      entityType: 'district',
      entityId: id,
      before: { ...before, municipalityCodes: codesBefore },
      after: { ...after, municipalityCodes: codes },
    });
    return (await selectDistrictDetail(tx, id))!;
  });
}
