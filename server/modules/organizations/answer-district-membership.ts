import type { TOrganizationProfile } from '../../../common/contracts/organizations';
import type { OrganizationsAuditAction } from '../../../common/contracts/organizations.audit';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { AppError, notFound } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { canSeeMembershipProposal, OrganizationActions, type MembershipParties } from './organizations.policy';
import { findDistrictMembership, recordDistrictMembershipAnswer, type DistrictMembershipRow } from '../districts';

type Answer = 'accept' | 'decline' | 'withdraw';
const STATUS_OF: Record<Answer, 'accepted' | 'declined' | 'withdrawn'> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' };
const AUDIT_ACTION_OF: Record<Answer, OrganizationsAuditAction> = {
  accept: 'organizations.accept-district-membership',
  decline: 'organizations.decline-district-membership',
  withdraw: 'organizations.withdraw-district-membership',
};

async function answerMembership(context: UseCaseContext, organizationId: string, membershipId: string, answer: Answer): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const before = await findDistrictMembership(context.db.orm, membershipId);
  if (!before || before.organization_id !== organizationId) throw notFound('district membership', membershipId);
  const parties: MembershipParties = { districtId: before.district_id, organizationId, requestedBy: before.requested_by };
  // A proposal is the two parties' business: anyone else learns nothing about it, not even that it exists.
  if (!canSeeMembershipProposal(context.actor, parties)) throw notFound('district membership', membershipId);
  assertCan(context.actor, answer === 'withdraw' ? OrganizationActions['organizations.withdraw-membership'] : OrganizationActions['organizations.answer-membership'], parties);
  return inTransaction(context, async (tx) => {
    const after: DistrictMembershipRow | null = await recordDistrictMembershipAnswer(tx, context, before, STATUS_OF[answer], actorLabel(context.actor));
    if (!after) throw new AppError('COMMON.CONFLICT', `The membership is no longer waiting for an answer (it is ${before.status})`, { status: before.status });
    await recordAudit(tx, context, { action: AUDIT_ACTION_OF[answer], entityType: 'organization', entityId: organizationId, before, after });
    return loadProfile(tx, context.actor, organizationId);
  });
}

/** The side that did not propose the membership accepts it: from now on it is current (ADR 0020). */
export function acceptDistrictMembership(context: UseCaseContext, organizationId: string, membershipId: string): Promise<TOrganizationProfile> {
  return answerMembership(context, organizationId, membershipId, 'accept');
}

/** The side that did not propose the membership declines it; the district gains nothing. */
export function declineDistrictMembership(context: UseCaseContext, organizationId: string, membershipId: string): Promise<TOrganizationProfile> {
  return answerMembership(context, organizationId, membershipId, 'decline');
}

/** The side that proposed the membership takes the proposal back before it is answered. */
export function withdrawDistrictMembership(context: UseCaseContext, organizationId: string, membershipId: string): Promise<TOrganizationProfile> {
  return answerMembership(context, organizationId, membershipId, 'withdraw');
}
