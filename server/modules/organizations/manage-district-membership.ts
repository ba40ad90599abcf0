import { ZDistrictMembershipCreate, type TDistrictMembershipCreate, type TOrganizationProfile } from '../../../common/contracts/organizations';
import { actorLabel, coordinatesDistrict } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { DbExecutor } from '../../platform/db/database';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { administersOrganization, canAnswerMembership, canSeeMembershipProposal, OrganizationActions } from './organizations.policy';
import { organizationNotFound } from './organizations.errors';
import { districtExists, findDistrictMembership, findOpenDistrictMembership, recordDistrictMembershipEnd, recordDistrictMembershipProposal } from '../districts';
import { selectOrganizationRow } from './organizations.repository';

/**
 * Proposes a membership of the organization in a district (ADR 0020): the district's coordinators invite it, its
 * admins ask to join. It takes effect only when the other side accepts; until then the district sees only the
 * organization's public fields. Someone who speaks for both sides (or the CLI) records it accepted at once.
 */
export async function addDistrictMembership(context: UseCaseContext, organizationId: string, rawInput: TDistrictMembershipCreate): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const input = parseInput(ZDistrictMembershipCreate, rawInput);
  assertCan(context.actor, OrganizationActions['organizations.propose-membership'], { districtId: input.districtId, organizationId });
  const asOrganization = { districtId: input.districtId, organizationId, requestedBy: 'organization' as const };
  // Who proposes: the district when the actor speaks for it (its coordinators, platform admins), else the
  // organization. Accepted at once only by the CLI, or by someone who both coordinates the district and administers
  // the organization (the demo coordinator and the district's own lead organization).
  const requestedBy = canAnswerMembership(context.actor, asOrganization) ? 'district' : 'organization';
  const isAcceptedAtOnce = context.actor.kind === 'system' || (coordinatesDistrict(context.actor, input.districtId) && administersOrganization(context.actor, organizationId));
  return inTransaction(context, async (tx) => {
    const organization = await selectOrganizationRow(tx, organizationId);
    if (!organization || organization.status === 'merged') throw organizationNotFound(organizationId);
    await proposeMembershipIn(tx, context, organizationId, input, { requestedBy, isAcceptedAtOnce });
    return loadProfile(tx, context.actor, organizationId);
  });
}

/**
 * Records a proposed membership inside the caller's transaction, after the caller checked who speaks for which side:
 * refuses an unknown district and a second open membership (ORGANIZATIONS.MEMBERSHIP_ALREADY_OPEN), audits both sides.
 */
export async function proposeMembershipIn(
  tx: DbExecutor,
  context: UseCaseContext,
  organizationId: string,
  input: { districtId: string; role: TDistrictMembershipCreate['role']; startedOn?: string | undefined },
  how: { requestedBy: 'district' | 'organization'; isAcceptedAtOnce: boolean },
): Promise<void> {
  if (!(await districtExists(tx, input.districtId))) throw fieldError('districtId', 'no such district', 'not-found');
  const existing = await findOpenDistrictMembership(tx, organizationId, input.districtId);
  if (existing) {
    const what = existing.status === 'accepted' ? `already a ${existing.role} of this district` : `already ${existing.status} (waiting for an answer)`;
    throw new AppError('ORGANIZATIONS.MEMBERSHIP_ALREADY_OPEN', `The organization is ${what}`, { membershipId: existing.id, status: existing.status });
  }
  // The rights were checked by the caller; districts records the row and its audit entry.
  const membership = await recordDistrictMembershipProposal(tx, context, {
    organizationId, districtId: input.districtId, role: input.role, startedOn: input.startedOn ?? null,
    status: how.isAcceptedAtOnce ? 'accepted' : how.requestedBy === 'district' ? 'invited' : 'requested',
    requestedBy: how.requestedBy, decidedBy: how.isAcceptedAtOnce ? actorLabel(context.actor) : null,
  });
  await recordAudit(tx, context, { action: 'organizations.add-district-membership', entityType: 'organization', entityId: organizationId, after: membership });
}

/**
 * Ends an accepted membership on a date (either side may: the district's coordinators, the organization's admins,
 * platform admins); the row stays, so the profile keeps the history. A membership that already has an end, or was
 * never accepted, is a 409; an end before the start names `endedOn`.
 */
export async function endDistrictMembership(context: UseCaseContext, organizationId: string, membershipId: string, endedOn: string): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const before = await findDistrictMembership(context.db.orm, membershipId);
  if (!before || before.organization_id !== organizationId) throw notFound('district membership', membershipId);
  const parties = { districtId: before.district_id, organizationId };
  if (!canSeeMembershipProposal(context.actor, parties) && before.status !== 'accepted') throw notFound('district membership', membershipId);
  assertCan(context.actor, OrganizationActions['organizations.end-membership'], parties);
  if (before.status !== 'accepted') {
    throw new AppError('ORGANIZATIONS.MEMBERSHIP_NOT_ENDABLE', `Only an accepted membership can be ended (this one is ${before.status})`, { status: before.status });
  }
  if (before.ended_on !== null) {
    throw new AppError('ORGANIZATIONS.MEMBERSHIP_NOT_ENDABLE', `The membership already ends on ${before.ended_on}`, { status: before.status, endedOn: before.ended_on });
  }
  if (endedOn < before.started_on) throw fieldError('endedOn', `must not be before the start (${before.started_on})`);
  return inTransaction(context, async (tx) => {
    const after = await recordDistrictMembershipEnd(tx, context, before, endedOn);
    // Ended meanwhile by the other side: the row is no longer "accepted and open".
    if (!after) throw new AppError('ORGANIZATIONS.MEMBERSHIP_NOT_ENDABLE', 'The membership was ended meanwhile', { status: before.status });
    await recordAudit(tx, context, { action: 'organizations.end-district-membership', entityType: 'organization', entityId: organizationId, before, after });
    return loadProfile(tx, context.actor, organizationId);
  });
}
