import { ZServiceUpdate, type TService, type TServiceUpdate } from '../../../common/contracts/services';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { parseInput } from '../../platform/errors/parse-input';
import { staleVersion } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { applySupplyChange, captureSupply } from './service-supply';
import { ServiceActions } from './services.policy';
import { serviceNotFound } from './services.errors';
import { replaceServiceArea, replaceServiceCategories, replaceServiceLocations, replaceServiceSchedules, selectServiceCategoryRows, selectServiceRow, updateServiceIfVersion, type NewService } from './services.repository';
import { loadServiceViews } from './service-views';
import {
  checkAgesAndCapacity,
  checkSchedules,
  foldName,
  requireOrganizationName,
  resolveCategories,
  resolvePlaces,
  searchKeywordsOf,
} from './service-write';

/**
 * Changes a service (its provider's members and admins, platform admins); saving also confirms the data today.
 * Lists sent (categories, locations, schedules, area) replace the old ones; a stale `version` is refused.
 */
export async function updateService(context: UseCaseContext, id: string, rawInput: TServiceUpdate): Promise<TService> {
  assertCan(context.actor, ServiceActions['services.write']);
  const current = await selectServiceRow(context.db.orm, id);
  if (!current) throw serviceNotFound(id);
  assertCan(context.actor, ServiceActions['services.update'], { organizationId: current.organizationId });
  const input = parseInput(ZServiceUpdate, rawInput);
  checkAgesAndCapacity({
    minimumAge: input.minimumAge === undefined ? current.minimumAge : input.minimumAge,
    maximumAge: input.maximumAge === undefined ? current.maximumAge : input.maximumAge,
    capacity: input.capacity,
  });
  if (input.schedules) checkSchedules(input.schedules);
  const db = context.db.orm;
  const providerName = await requireOrganizationName(db, current.organizationId);
  const categories = input.categoryCodes ? await resolveCategories(db, input.categoryCodes) : null;
  const areaDistrictId = input.serviceAreaDistrictId === undefined ? current.serviceAreaDistrictId : input.serviceAreaDistrictId;
  const places = await resolvePlaces(db, input.locations ?? [], input.serviceAreaMunicipalityCodes ?? [], input.serviceAreaDistrictId ? areaDistrictId : null);

  return inTransaction(context, async (tx) => {
    const [before] = await loadServiceViews(tx, [id]);
    if (!before) throw serviceNotFound(id);
    // Where the service reached before this write: its stored supply there may drop (moved, suspended, recategorized).
    const supplyBefore = await captureSupply(tx, [id]);
    const labels = categories ? categories.labels : (await selectServiceCategoryRows(tx, [id])).map((row) => row.label_it);
    const targetGroups = input.targetGroups ?? current.targetGroups;
    const changes: Partial<NewService> = {
      ...(categories ? { categoryCodes: categories.codesWithParents } : {}),
      searchKeywords: searchKeywordsOf(labels, targetGroups, providerName),
      confirmedOn: new Date().toISOString().slice(0, 10),
    };
    const assign = <K extends keyof NewService>(key: K, value: NewService[K] | undefined) => {
      if (value !== undefined) changes[key] = value;
    };
    if (input.name !== undefined) {
      changes.name = input.name;
      changes.nameFolded = foldName(input.name);
    }
    assign('description', input.description);
    assign('status', input.status);
    assign('howToAccess', input.howToAccess);
    assign('email', input.email);
    assign('url', input.url);
    assign('phone', input.phone);
    assign('targetGroups', input.targetGroups);
    assign('openTo', input.openTo);
    assign('languages', input.languages);
    assign('eligibilityDescription', input.eligibilityDescription);
    assign('eligibilityConditions', input.eligibilityConditions);
    assign('minimumAge', input.minimumAge);
    assign('maximumAge', input.maximumAge);
    assign('costKind', input.costKind);
    assign('costCents', input.costCents);
    assign('costDescription', input.costDescription);
    assign('serviceAreaDistrictId', input.serviceAreaDistrictId);
    if (input.capacity !== undefined) {
      changes.capacityTotal = input.capacity?.total ?? null;
      changes.capacityFree = input.capacity?.free ?? null;
      changes.capacityUnit = input.capacity ? input.capacity.unit : null;
      changes.capacityPeriod = input.capacity?.period ?? null;
    }
    const after = await updateServiceIfVersion(tx, id, input.version, changes);
    if (!after) throw staleVersion('service', id, input.version, current.version);
    if (categories) await replaceServiceCategories(tx, id, categories.ids);
    if (input.serviceAreaMunicipalityCodes) await replaceServiceArea(tx, id, places.areaCodes);
    if (input.locations) await replaceServiceLocations(tx, id, current.organizationId, places.locations);
    if (input.schedules) await replaceServiceSchedules(tx, id, input.schedules);
    await applySupplyChange(tx, supplyBefore, await captureSupply(tx, [id]));
    const [view] = await loadServiceViews(tx, [id]);
    await recordAudit(tx, context, { action: 'services.update-service', entityType: 'service', entityId: id, before, after: view });
    return { ...view!, canEdit: true };
  });
}
