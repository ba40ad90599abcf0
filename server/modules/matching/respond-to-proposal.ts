import type { TProposal } from '../../../common/contracts/matching';
import type { ProposalRole } from '../../../common/domain/matching';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { proposalNotOpen } from './matching.errors';
import { MatchingActions } from './matching.policy';
import { selectProposalParties, updatePartyResponse } from './matching-proposals.repository';
import { loadReadableProposal } from './get-proposal';
import { presentProposal } from './present-proposal';

/**
 * An organization that is party to a proposal answers interested / not interested, with a comment (its members only),
 * in one role: an organization that is both a requester and a provider answers each role apart, and an answer changes
 * only the row of its role.
 */
export async function respondToProposal(
  context: UseCaseContext,
  proposalId: string,
  input: { organizationId: string; role: ProposalRole; response: 'interested' | 'not_interested'; comment: string },
): Promise<TProposal> {
  assertCan(context.actor, MatchingActions['matching.proposals.respond'], { organizationId: input.organizationId });
  return inTransaction(context, async (tx) => {
    const proposal = await loadReadableProposal(tx, context, proposalId);
    const ofOrganization = (await selectProposalParties(tx, proposalId)).filter((party) => party.organization_id === input.organizationId);
    if (ofOrganization.length === 0) throw fieldError('organizationId', 'this organization is not a party of the proposal');
    const before = ofOrganization.find((party) => party.role === input.role);
    if (!before) throw fieldError('role', `this organization is not a ${input.role} in the proposal`);
    if (proposal.status !== 'open') throw proposalNotOpen(proposal.status);
    await updatePartyResponse(tx, { proposalId, organizationId: input.organizationId, role: input.role, response: input.response, comment: input.comment });
    await recordAudit(tx, context, {
      action: 'matching.respond-to-proposal',
      entityType: 'matching_proposal',
      entityId: proposalId,
      before: { organizationId: input.organizationId, role: input.role, response: before.response, comment: before.comment },
      after: input,
    });
    return presentProposal(tx, context, proposal);
  });
}
