import type { TReferral, TReferralCreate } from '../../../common/contracts/matching';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { serviceNotActive } from './matching.errors';
import { MatchingActions } from './matching.policy';
import { findDistrictRow } from '../districts';
import { findNeedOwnerAndCategory } from '../needs';
import { selectDistrictMemberOrganizations } from './matching-coverage.repository';
import { mailOrganizations, referralMail } from './matching-mails';
import { selectCategoryLabels } from './matching-proposals.repository';
import { insertReferral, insertReferralDetails, insertReferralEvent, selectMunicipalityExists, selectReferral, selectServiceForReferral, selectServiceServesDistrict } from './matching-referrals.repository';
import { presentReferral } from './present-referral';

/**
 * A member of an organization refers a need (a person or a group, least personal data) to a provider's service that
 * serves the referral's district (its area, its places, or a provider member of the district; else 422 on serviceId). The
 * free-text details go to a table of their own that only the two organizations read; the provider is told by e-mail
 * (the message carries no details).
 */
export async function createReferral(context: UseCaseContext, input: TReferralCreate): Promise<TReferral> {
  assertCan(context.actor, MatchingActions['matching.referrals.create'], { referringOrganizationId: input.referringOrganizationId });
  const db = context.db.orm;
  if (!(await findDistrictRow(db, input.districtId))) throw fieldError('districtId', 'no such district', 'not-found');
  if ((await selectDistrictMemberOrganizations(db, input.districtId, [input.referringOrganizationId])).length === 0) {
    throw fieldError('districtId', 'the referring organization is not a member of this district');
  }
  const service = await selectServiceForReferral(db, input.serviceId);
  if (!service) throw fieldError('serviceId', 'no such service', 'not-found');
  if (service.status !== 'active') throw serviceNotActive(service.id);
  // Least surprise for the provider: it receives referrals only from districts its service serves (area, places or
  // membership), never from any district of the platform.
  if (!(await selectServiceServesDistrict(db, service.id, input.districtId))) {
    throw fieldError('serviceId', "the service neither reaches this district's area nor belongs to one of its member organizations");
  }
  if (!(await selectMunicipalityExists(db, input.municipalityCode))) throw fieldError('municipalityCode', 'no such municipality');
  if (input.needId) {
    const need = await findNeedOwnerAndCategory(db, input.needId);
    if (!need || need.organization_id !== input.referringOrganizationId) throw fieldError('needId', "not a need of the referring organization");
  }
  const categoryCode = input.categoryCode ?? service.category_codes.find((code) => code.includes('.')) ?? service.category_codes[0] ?? 'altro';
  return inTransaction(context, async (tx) => {
    const id = await insertReferral(tx, {
      districtId: input.districtId,
      referringOrganizationId: input.referringOrganizationId,
      serviceId: service.id,
      providerOrganizationId: service.organization_id,
      needId: input.needId ?? null,
      subjectKind: input.subjectKind,
      peopleCount: input.peopleCount,
      categoryCode,
      municipalityCode: input.municipalityCode,
    });
    await insertReferralDetails(tx, id, input.details);
    await insertReferralEvent(tx, { referralId: id, fromStatus: null, toStatus: 'sent', note: '', actorLabel: actorLabel(context.actor) });
    const row = (await selectReferral(tx, id))!;
    const category = await selectCategoryLabels(tx, categoryCode);
    const mail = { serviceName: service.name, referrerName: row.referring_organization_name, subjectKind: input.subjectKind, peopleCount: input.peopleCount, municipalityName: row.municipality_name, category };
    await mailOrganizations(tx, [{ organizationId: service.organization_id, compose: (language) => referralMail(mail, language) }], { topicType: 'referral', topicId: id, districtId: input.districtId });
    // The audit keeps the referral without its free-text details: the log is read more widely than the details may be.
    await recordAudit(tx, context, { action: 'matching.create-referral', entityType: 'referral', entityId: id, after: { ...row, hasDetails: input.details.length > 0 } });
    return presentReferral(tx, context, row);
  });
}
