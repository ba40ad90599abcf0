import type { TOrganizationProfile } from '../../../common/contracts/organizations';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { AppError, notFound } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { canSeeRelationshipProposal, OrganizationActions } from './organizations.policy';
import { decideRelationship, selectRelationship } from './organizations.repository';

async function answerRelationship(context: UseCaseContext, organizationId: string, relationshipId: string, status: 'confirmed' | 'declined'): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const before = await selectRelationship(context.db.orm, relationshipId);
  // The organization answering is the one the relationship names (`to`): "X says it is a member of consortium Y", Y answers.
  if (!before || before.toOrganizationId !== organizationId) throw notFound('relationship', relationshipId);
  if (before.status !== 'confirmed' && !canSeeRelationshipProposal(context.actor, before)) throw notFound('relationship', relationshipId);
  assertCan(context.actor, OrganizationActions['organizations.answer-relationship'], before);
  return inTransaction(context, async (tx) => {
    const after = await decideRelationship(tx, relationshipId, status, actorLabel(context.actor));
    if (!after) throw new AppError('COMMON.CONFLICT', `The relationship is no longer waiting for an answer (it is ${before.status})`, { status: before.status });
    await recordAudit(tx, context, { action: status === 'confirmed' ? 'organizations.confirm-relationship' : 'organizations.decline-relationship', entityType: 'organization', entityId: organizationId, before, after });
    return loadProfile(tx, context.actor, organizationId);
  });
}

/** The organization a relationship names confirms it: from now on both public profiles show it (ADR 0020). */
export function confirmRelationship(context: UseCaseContext, organizationId: string, relationshipId: string): Promise<TOrganizationProfile> {
  return answerRelationship(context, organizationId, relationshipId, 'confirmed');
}

/** The organization a relationship names declines it: it never shows publicly. */
export function declineRelationship(context: UseCaseContext, organizationId: string, relationshipId: string): Promise<TOrganizationProfile> {
  return answerRelationship(context, organizationId, relationshipId, 'declined');
}
