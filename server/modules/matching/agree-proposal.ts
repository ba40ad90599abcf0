import type { TProposal } from '../../../common/contracts/matching';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { staleVersion } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { notEnoughJoined, proposalNotFound, proposalNotOpen } from './matching.errors';
import { MatchingActions } from './matching.policy';
import { agreementMail, mailOrganizations } from './matching-mails';
import { insertAgreement, selectProposal, selectProposalParties, updateProposalStatus } from './matching-proposals.repository';
import { presentProposal } from './present-proposal';

/**
 * When enough requesters joined (the proposal's threshold), the coordinator turns the proposal into an agreement record
 * naming the organizations that joined and the top provider that did; the proposal is then closed to answers.
 */
export async function agreeProposal(context: UseCaseContext, proposalId: string, input: { version: number; notes: string }): Promise<TProposal> {
  assertCan(context.actor, MatchingActions['matching.use']);
  return inTransaction(context, async (tx) => {
    const proposal = await selectProposal(tx, proposalId);
    if (!proposal) throw proposalNotFound(proposalId);
    assertCan(context.actor, MatchingActions['matching.proposals.agree'], { districtId: proposal.district_id });
    if (proposal.status !== 'open') throw proposalNotOpen(proposal.status);
    const parties = await selectProposalParties(tx, proposalId);
    const joined = parties.filter((party) => party.response === 'interested');
    const joinedRequesters = new Set(joined.filter((party) => party.role === 'requester').map((party) => party.organization_id));
    if (joinedRequesters.size < proposal.join_threshold) throw notEnoughJoined(joinedRequesters.size, proposal.join_threshold);
    const after = await updateProposalStatus(tx, proposalId, input.version, 'agreed');
    if (!after) throw staleVersion('proposal', proposalId, input.version, proposal.version);
    const provider = joined.filter((party) => party.role === 'provider').sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))[0] ?? null;
    const organizationIds = [...new Set(joined.map((party) => party.organization_id))];
    const agreement = await insertAgreement(tx, {
      proposalId,
      districtId: proposal.district_id,
      title: proposal.title,
      notes: input.notes,
      organizationIds,
      providerServiceId: provider?.service_id ?? null,
      createdByLabel: actorLabel(context.actor),
    });
    await mailOrganizations(
      tx,
      organizationIds.map((organizationId) => ({ organizationId, compose: (language) => agreementMail({ title: proposal.title, organizationCount: organizationIds.length }, language) })),
      { topicType: 'matching_proposal', topicId: proposalId, districtId: proposal.district_id },
    );
    await recordAudit(tx, context, { action: 'matching.agree-proposal', entityType: 'matching_proposal', entityId: proposalId, before: proposal, after: { ...after, agreement } });
    return presentProposal(tx, context, after);
  });
}
