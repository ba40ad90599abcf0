import type { TProposal } from '../../../common/contracts/matching';
import { assertCan, can } from '../../platform/access/policy';
import type { DbExecutor } from '../../platform/db/database';
import type { UseCaseContext } from '../../platform/use-case';
import { proposalNotFound } from './matching.errors';
import { MatchingActions } from './matching.policy';
import { selectProposal, selectProposalParties, type ProposalRow } from './matching-proposals.repository';
import { presentProposal } from './present-proposal';

/** Loads a proposal the actor may read; one it may not read is a 404, as if it did not exist. */
export async function loadReadableProposal(db: DbExecutor, context: UseCaseContext, id: string): Promise<ProposalRow> {
  const proposal = await selectProposal(db, id);
  if (!proposal) throw proposalNotFound(id);
  const partyOrganizationIds = (await selectProposalParties(db, id)).map((party) => party.organization_id);
  if (!can(context.actor, MatchingActions['matching.proposals.read'], { districtId: proposal.district_id, partyOrganizationIds })) throw proposalNotFound(id);
  return proposal;
}

/** One shared-service proposal: the requesters and ranked providers with their answers, for its coordinators and parties. */
export async function getProposal(context: UseCaseContext, id: string): Promise<TProposal> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const proposal = await loadReadableProposal(context.db.orm, context, id);
  return presentProposal(context.db.orm, context, proposal);
}
