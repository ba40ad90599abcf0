import type { TZone, TZoneUpdate } from '../../../common/contracts/zonings';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError, staleVersion } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { ZoningActions } from './zonings.policy';
import { zoneNotFound } from './zonings.errors';
import { selectOrganizationExists, selectZoneRow, selectZoningDetail, updateZoneIfVersion } from './zonings.repository';

/** Renames a zone or sets the organization that runs it (health authority, social-services body, …); versioned. */
export async function updateZone(context: UseCaseContext, zoningId: string, zoneId: string, input: TZoneUpdate): Promise<TZone> {
  assertCan(context.actor, ZoningActions['zonings.update'], { zoningId, zoneId });
  if (input.operatingOrganizationId && !(await selectOrganizationExists(context.db.orm, input.operatingOrganizationId))) {
    throw fieldError('operatingOrganizationId', 'no organization with this id', 'not-found');
  }
  return inTransaction(context, async (tx) => {
    const before = await selectZoneRow(tx, zoningId, zoneId);
    if (!before) throw zoneNotFound(zoneId);
    const { version, ...changes } = input;
    const after = await updateZoneIfVersion(tx, zoneId, version, changes);
    if (!after) throw staleVersion('zone', zoneId, version, before.version);
    await recordAudit(tx, context, { action: 'zonings.update-zone', entityType: 'zone', entityId: zoneId, before, after });
    const zoning = await selectZoningDetail(tx, zoningId);
    return zoning!.zones.find((zone) => zone.id === zoneId)!;
  });
}
