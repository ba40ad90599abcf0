import type { DbExecutor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { UseCaseContext } from '../../platform/use-case';
import {
  decideMembership, endMembership, insertProposedMembership, selectDistrictExists, selectMembership, selectOpenMembership, type MembershipRow,
} from './districts.repository';

/*
 * District memberships are districts' rows (ADR 0020), but an organization proposes, answers and ends them from its
 * own page: the organizations module's use cases check who may do what (organizations.policy.ts) and call these
 * named functions inside their transaction. Each write records the district's side of the story in the audit log
 * (entity: the district), beside the organization's entry its use case records.
 */

export type { MembershipRow as DistrictMembershipRow };
type AuditContext = Pick<UseCaseContext, 'actor' | 'requestId' | 'sourceIp' | 'userAgent'>;

export function districtExists(db: DbExecutor, districtId: string): Promise<boolean> {
  return selectDistrictExists(db, districtId);
}

/** The membership with this id, whatever its status (the caller decides who may learn of it). */
export function findDistrictMembership(db: DbExecutor, membershipId: string): Promise<MembershipRow | null> {
  return selectMembership(db, membershipId);
}

/** A pending, or accepted and not ended, membership of the organization in the district: a second one is refused. */
export function findOpenDistrictMembership(db: DbExecutor, organizationId: string, districtId: string): Promise<MembershipRow | null> {
  return selectOpenMembership(db, organizationId, districtId);
}

/** Records a proposed membership (invited, requested, or accepted at once when one actor speaks for both sides). */
export async function recordDistrictMembershipProposal(
  tx: DbExecutor,
  context: AuditContext,
  values: Parameters<typeof insertProposedMembership>[1],
): Promise<MembershipRow> {
  const membership = await insertProposedMembership(tx, values);
  await recordAudit(tx, context, { action: 'districts.record-membership', entityType: 'district', entityId: membership.district_id, after: membership });
  return membership;
}

/** Records the answer to a pending membership; null when it is no longer pending (answered or withdrawn meanwhile). */
export async function recordDistrictMembershipAnswer(
  tx: DbExecutor,
  context: AuditContext,
  before: MembershipRow,
  status: 'accepted' | 'declined' | 'withdrawn',
  decidedBy: string,
): Promise<MembershipRow | null> {
  const after = await decideMembership(tx, before.id, status, decidedBy);
  if (after) await recordAudit(tx, context, { action: 'districts.answer-membership', entityType: 'district', entityId: after.district_id, before, after });
  return after;
}

/** Ends an accepted membership that has no end yet on a date; null when it is not accepted or already has an end. */
export async function recordDistrictMembershipEnd(tx: DbExecutor, context: AuditContext, before: MembershipRow, endedOn: string): Promise<MembershipRow | null> {
  const after = await endMembership(tx, before.id, endedOn);
  if (after) await recordAudit(tx, context, { action: 'districts.end-membership', entityType: 'district', entityId: after.district_id, before, after });
  return after;
}
