import { ZRelationshipCreate, type TOrganizationProfile, type TRelationshipCreate } from '../../../common/contracts/organizations';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { canAnswerRelationship, OrganizationActions } from './organizations.policy';
import { organizationNotFound } from './organizations.errors';
import { insertRelationship, selectOrganizationAccess } from './organizations.repository';

/**
 * Records a typed, directed, dated relationship from this organization to another (consortium, network, tutoring,
 * supply). It names the other organization, so it is public only once that organization's admins confirm it; who
 * speaks for both (or the CLI) records it confirmed (ADR 0020).
 */
export async function addRelationship(context: UseCaseContext, fromOrganizationId: string, rawInput: TRelationshipCreate): Promise<TOrganizationProfile> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const input = parseInput(ZRelationshipCreate, rawInput);
  const access = await selectOrganizationAccess(context.db.orm, fromOrganizationId);
  if (!access) throw organizationNotFound(fromOrganizationId);
  assertCan(context.actor, OrganizationActions['organizations.update'], access);
  if (input.toOrganizationId === fromOrganizationId) throw fieldError('toOrganizationId', 'must be another organization', 'must-differ');
  if (!(await selectOrganizationAccess(context.db.orm, input.toOrganizationId))) throw fieldError('toOrganizationId', 'no such organization', 'not-found');
  const isConfirmedAtOnce = canAnswerRelationship(context.actor, { toOrganizationId: input.toOrganizationId });
  return inTransaction(context, async (tx) => {
    const relationship = await insertRelationship(tx, {
      fromOrganizationId, toOrganizationId: input.toOrganizationId, kind: input.kind,
      ...(input.startedOn ? { startedOn: input.startedOn } : {}), endedOn: input.endedOn ?? null,
      ...(isConfirmedAtOnce ? { status: 'confirmed' as const, decidedAt: new Date(), decidedBy: actorLabel(context.actor) } : { status: 'pending' as const }),
    });
    await recordAudit(tx, context, { action: 'organizations.add-relationship', entityType: 'organization', entityId: fromOrganizationId, after: relationship });
    return loadProfile(tx, context.actor, fromOrganizationId);
  });
}
