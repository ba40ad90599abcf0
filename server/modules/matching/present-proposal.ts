import type { TProposal } from '../../../common/contracts/matching';
import { belongsToOrganization } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { MatchingActions } from './matching.policy';
import { selectAgreement, selectProposalParties, type ProposalRow } from './matching-proposals.repository';

/** A proposal as its readers see it: parties with their answers, who joined, and what the actor may do. */
export async function presentProposal(db: DbExecutor, context: UseCaseContext, proposal: ProposalRow): Promise<TProposal> {
  const parties = await selectProposalParties(db, proposal.id);
  const agreement = await selectAgreement(db, proposal.id);
  const joinedCount = new Set(parties.filter((party) => party.role === 'requester' && party.response === 'interested').map((party) => party.organization_id)).size;
  const isOpen = proposal.status === 'open';
  return {
    id: proposal.id,
    districtId: proposal.district_id,
    title: proposal.title,
    description: proposal.description,
    categoryCode: proposal.category_code,
    targetGroup: proposal.target_group,
    zoneKind: proposal.zone_kind,
    zoneKey: proposal.zone_key,
    zoneLabel: proposal.zone_label,
    peopleCovered: proposal.people_covered,
    joinThreshold: proposal.join_threshold,
    joinedCount,
    status: proposal.status,
    version: proposal.version,
    createdAt: new Date(proposal.created_at).toISOString(),
    parties: parties.map((party) => ({
      organizationId: party.organization_id,
      organizationName: party.organization_name,
      role: party.role,
      serviceId: party.service_id,
      serviceName: party.service_name,
      rank: party.rank,
      score: party.score,
      scoreDetails: party.score_details,
      peopleCount: party.people_count,
      costShareCents: party.cost_share_cents,
      response: party.response,
      comment: party.comment,
      respondedAt: party.responded_at === null ? null : new Date(party.responded_at).toISOString(),
      canRespond: isOpen && belongsToOrganization(context.actor, party.organization_id),
    })),
    agreement: agreement
      ? { id: agreement.id, createdAt: new Date(agreement.created_at).toISOString(), notes: agreement.notes, organizationIds: agreement.organization_ids }
      : null,
    canAgree: isOpen && joinedCount >= proposal.join_threshold && can(context.actor, MatchingActions['matching.proposals.agree'], { districtId: proposal.district_id }),
  };
}
