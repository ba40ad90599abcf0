import type { TService } from '../../../common/contracts/services';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError, staleVersion } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { applySupplyChange, captureSupply } from './service-supply';
import { ServiceActions } from './services.policy';
import { serviceNotFound } from './services.errors';
import { selectServiceRow, updateServiceIfVersion } from './services.repository';
import { loadServiceViews } from './service-views';

/**
 * The provider says "still true today", optionally with the places free now: the confirmation date (and so the
 * freshness every visitor sees) moves to today.
 */
export async function confirmService(
  context: UseCaseContext,
  id: string,
  input: { version: number; capacityFree?: number | null },
): Promise<TService> {
  assertCan(context.actor, ServiceActions['services.write']);
  const current = await selectServiceRow(context.db.orm, id);
  if (!current) throw serviceNotFound(id);
  assertCan(context.actor, ServiceActions['services.update'], { organizationId: current.organizationId });
  if (input.capacityFree != null && current.capacityTotal !== null && input.capacityFree > current.capacityTotal) {
    throw fieldError('capacityFree', `must not exceed the capacity (${current.capacityTotal})`);
  }
  return inTransaction(context, async (tx) => {
    const changes = {
      confirmedOn: new Date().toISOString().slice(0, 10),
      ...(input.capacityFree !== undefined ? { capacityFree: input.capacityFree, capacityUnit: current.capacityUnit ?? 'places' as const } : {}),
    };
    // Free places and the confirmation date are part of the stored supply of every key the service reaches.
    const supplyBefore = await captureSupply(tx, [id]);
    const after = await updateServiceIfVersion(tx, id, input.version, changes);
    if (!after) throw staleVersion('service', id, input.version, current.version);
    await applySupplyChange(tx, supplyBefore, await captureSupply(tx, [id]));
    await recordAudit(tx, context, {
      action: 'services.confirm-service',
      entityType: 'service',
      entityId: id,
      before: { confirmedOn: current.confirmedOn, capacityFree: current.capacityFree },
      after: { confirmedOn: after.confirmedOn, capacityFree: after.capacityFree },
    });
    const [view] = await loadServiceViews(tx, [id]);
    return { ...view!, canEdit: true };
  });
}
