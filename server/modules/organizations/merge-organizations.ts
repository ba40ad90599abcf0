import type { z } from 'zod';
import type { ZMergeResult } from '../../../common/contracts/organizations';
import { actorLabel } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadProfile } from './get-organization';
import { auditedRow } from './organization-values';
import { OrganizationActions } from './organizations.policy';
import { organizationNotFound } from './organizations.errors';
import { moveOrganizationRoleGrants } from '../../platform/auth/move-organization-grants';
import { runOrganizationMergeHooks, type OrganizationMerge } from '../../platform/organization-merge';
import {
  insertVersionSnapshots,
  markDuplicateFlags,
  moveMergedOrganizationOwnRows,
  selectOrganizationAccess,
  selectOrganizationRow,
  updateOrganizationIfVersion,
} from './organizations.repository';

/**
 * Merges a duplicate (source) into the organization that survives (target). This module moves its own rows (people's
 * roles, relationships, earlier tombstones) and the platform's role grants; every other module moves its rows through
 * its manifest's `mergeOrganization` hook, in this transaction, audited by that module (a module added later brings its
 * own hook: server/organization-merge-hooks.test.ts fails until it does). The source stays as a tombstone (status
 * `merged`, `merged_into_id`) with its versions, so history and links keep working. Audited.
 */
export async function mergeOrganizations(
  context: UseCaseContext,
  input: { sourceOrganizationId: string; targetOrganizationId: string },
): Promise<z.infer<typeof ZMergeResult>> {
  assertCan(context.actor, OrganizationActions['organizations.edit-attempt']);
  const { sourceOrganizationId: sourceId, targetOrganizationId: targetId } = input;
  if (sourceId === targetId) throw fieldError('targetOrganizationId', 'must differ from sourceOrganizationId', 'must-differ');
  const [source, target] = [await selectOrganizationAccess(context.db.orm, sourceId), await selectOrganizationAccess(context.db.orm, targetId)];
  if (!source) throw organizationNotFound(sourceId);
  if (!target) throw organizationNotFound(targetId);
  assertCan(context.actor, OrganizationActions['organizations.merge'], { source, target });
  return inTransaction(context, async (tx) => {
    const sourceBefore = await selectOrganizationRow(tx, sourceId);
    const targetBefore = await selectOrganizationRow(tx, targetId);
    if (!sourceBefore || sourceBefore.status === 'merged') throw fieldError('sourceOrganizationId', 'already merged', 'already-merged');
    if (!targetBefore || targetBefore.status === 'merged') throw fieldError('targetOrganizationId', 'already merged', 'already-merged');

    const merge: OrganizationMerge = { keptOrganizationId: targetId, mergedOrganizationId: sourceId };
    const own = await moveMergedOrganizationOwnRows(tx, sourceId, targetId);
    await insertVersionSnapshots(tx, own.repointedTombstoneIds, actorLabel(context.actor), `merged into ${targetId} (through ${sourceId})`);
    const movedReferences: Record<string, number> = {
      ...own.report,
      ...(await moveOrganizationRoleGrants(tx, merge)),
      ...(await runOrganizationMergeHooks(tx, merge, context)),
    };
    await markDuplicateFlags(tx, [sourceId], 'merged');

    // The fiscal code is unique: the target takes it when it has none, the tombstone keeps it otherwise.
    const takesFiscalCode = !targetBefore.fiscalCode && sourceBefore.fiscalCode;
    const sourceAfter = await updateOrganizationIfVersion(tx, sourceId, sourceBefore.version, {
      status: 'merged', mergedIntoId: targetId, ...(takesFiscalCode ? { fiscalCode: null } : {}),
    });
    const targetAfter = await updateOrganizationIfVersion(tx, targetId, targetBefore.version, {
      fiscalCode: targetBefore.fiscalCode ?? sourceBefore.fiscalCode,
      vatNumber: targetBefore.vatNumber ?? sourceBefore.vatNumber,
      tags: [...new Set([...targetBefore.tags, ...sourceBefore.tags])],
    });
    await insertVersionSnapshots(tx, [sourceId], actorLabel(context.actor), `merged into ${targetId}`);
    await insertVersionSnapshots(tx, [targetId], actorLabel(context.actor), `absorbed ${sourceBefore.legalName} (${sourceId})`);
    await recordAudit(tx, context, {
      action: 'organizations.merge-organizations',
      entityType: 'organization',
      entityId: targetId,
      before: { source: auditedRow(sourceBefore), target: auditedRow(targetBefore) },
      after: { source: sourceAfter && auditedRow(sourceAfter), target: targetAfter && auditedRow(targetAfter), movedReferences },
    });
    return { target: await loadProfile(tx, context.actor, targetId), movedReferences };
  });
}
