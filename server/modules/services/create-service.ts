import { ZServiceCreate, type TService, type TServiceCreate } from '../../../common/contracts/services';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { fieldError } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { OrmTransaction } from '../../platform/db/database';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { applySupplyChange, captureSupply } from './service-supply';
import { ServiceActions } from './services.policy';
import { insertServiceRow, replaceServiceArea, replaceServiceCategories, replaceServiceLocations, replaceServiceSchedules } from './services.repository';
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

/** Validates a service without writing it: what the CSV import's dry run reports for each row. */
export async function validateServiceInput(context: UseCaseContext, rawInput: TServiceCreate) {
  const input = parseInput(ZServiceCreate, rawInput);
  assertCan(context.actor, ServiceActions['services.create'], { organizationId: input.organizationId });
  checkAgesAndCapacity(input);
  checkSchedules(input.schedules);
  if (input.confirmedOn && input.confirmedOn > new Date().toISOString().slice(0, 10)) throw fieldError('confirmedOn', 'must not be in the future');
  const providerName = await requireOrganizationName(context.db.orm, input.organizationId);
  const categories = await resolveCategories(context.db.orm, input.categoryCodes);
  const places = await resolvePlaces(context.db.orm, input.locations, input.serviceAreaMunicipalityCodes, input.serviceAreaDistrictId);
  return { input, providerName, categories, places };
}

/** Publishes a service of a provider organization (its members and admins, platform admins), confirmed today. */
export async function createService(context: UseCaseContext, rawInput: TServiceCreate): Promise<TService> {
  assertCan(context.actor, ServiceActions['services.create'], { organizationId: String((rawInput as { organizationId?: unknown }).organizationId ?? '') });
  const { input, providerName, categories, places } = await validateServiceInput(context, rawInput);
  return inTransaction(context, async (tx) => {
    const service = await writeNewService(tx, context, { input, providerName, categories, places });
    await applySupplyChange(tx, new Map(), await captureSupply(tx, [service.id]));
    return service;
  });
}

type ValidatedService = Awaited<ReturnType<typeof validateServiceInput>>;

/**
 * Writes one validated service and its audit entry inside the caller's transaction, leaving the stored supply to the
 * caller (once for a whole import): `createService` runs it alone,
 * the CSV importer runs every row of a file in one transaction so an import is all or nothing.
 */
export async function writeNewService(
  tx: OrmTransaction,
  context: UseCaseContext,
  { input, providerName, categories, places }: ValidatedService,
): Promise<TService> {
  const row = await insertServiceRow(tx, {
    organizationId: input.organizationId,
    name: input.name,
    nameFolded: foldName(input.name),
    description: input.description,
    searchKeywords: searchKeywordsOf(categories.labels, input.targetGroups, providerName),
    status: input.status,
    howToAccess: input.howToAccess,
    email: input.email,
    url: input.url,
    phone: input.phone,
    targetGroups: input.targetGroups,
    categoryCodes: categories.codesWithParents,
    openTo: input.openTo,
    languages: input.languages,
    eligibilityDescription: input.eligibilityDescription,
    eligibilityConditions: input.eligibilityConditions,
    minimumAge: input.minimumAge,
    maximumAge: input.maximumAge,
    costKind: input.costKind,
    costCents: input.costCents,
    costDescription: input.costDescription,
    capacityTotal: input.capacity?.total ?? null,
    capacityFree: input.capacity?.free ?? null,
    capacityUnit: input.capacity ? input.capacity.unit : null,
    capacityPeriod: input.capacity?.period ?? null,
    serviceAreaDistrictId: input.serviceAreaDistrictId,
    isDemo: input.isDemo,
    ...(input.confirmedOn ? { confirmedOn: input.confirmedOn } : {}),
  });
  await replaceServiceCategories(tx, row.id, categories.ids);
  await replaceServiceArea(tx, row.id, places.areaCodes);
  await replaceServiceLocations(tx, row.id, input.organizationId, places.locations);
  await replaceServiceSchedules(tx, row.id, input.schedules);
  const [view] = await loadServiceViews(tx, [row.id]);
  await recordAudit(tx, context, { action: 'services.create-service', entityType: 'service', entityId: row.id, after: view });
  return { ...view!, canEdit: true };
}
