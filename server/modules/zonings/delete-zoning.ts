import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { ZoningActions } from './zonings.policy';
import { zoningNotFound } from './zonings.errors';
import { deleteZoningRow, selectZoningDetail } from './zonings.repository';

/** Deletes a zoning with its zones (platform admins); districts defined by one of its zones keep their municipalities. */
export async function deleteZoning(context: UseCaseContext, id: string): Promise<void> {
  assertCan(context.actor, ZoningActions['zonings.delete'], { id });
  await inTransaction(context, async (tx) => {
    const before = await selectZoningDetail(tx, id);
    if (!before) throw zoningNotFound(id);
    await deleteZoningRow(tx, id);
    await recordAudit(tx, context, { action: 'zonings.delete-zoning', entityType: 'zoning', entityId: id, before });
  });
}
