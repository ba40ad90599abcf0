import { recordAccess } from '../../platform/audit/audit';
import type { TGroupDetail, TGroupQuery } from '../../../common/contracts/matching';
import { freshnessOf } from '../../../common/domain/services';
import { assertCan, can } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { readableDistrict } from './district-scope';
import { MatchingActions } from './matching.policy';
import { selectGroupNeeds, selectGroupServices } from './matching-coverage.repository';

/**
 * The "why" of one group's numbers: the open needs counted and the services considered, with how each reaches the
 * zone, its distance, free capacity and how fresh that figure is. Members see the needs without who expressed them.
 */
export async function getGroupDetail(context: UseCaseContext, query: TGroupQuery): Promise<TGroupDetail> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const district = await readableDistrict(context, query.districtId, query);
  const canSeeOrganizations = can(context.actor, MatchingActions['matching.needs.identify'], { districtId: query.districtId });
  const scope = { districtId: query.districtId, zoneKind: query.zoneKind, zoningId: query.zoningId, zoneKey: query.zoneKey, categoryCode: query.categoryCode, targetGroup: query.targetGroup };
  const needs = await selectGroupNeeds(context.db.orm, { ...scope, districtName: district.name });
  const services = needs.length === 0 ? [] : await selectGroupServices(context.db.orm, { ...scope, districtName: district.name, radiusKm: query.radiusKm });
  // Needs with the organization that expressed them are the needs register itself: a sensitive read.
  if (canSeeOrganizations && needs.length > 0) await recordAccess(context, { action: 'matching.read-group-needs', entityType: 'district', entityId: query.districtId, details: { scope, served: needs.length } });
  return {
    canSeeOrganizations,
    needs: needs.map((need) => ({
      id: need.id,
      organizationId: canSeeOrganizations ? need.organization_id : null,
      organizationName: canSeeOrganizations ? need.organization_name : null,
      municipalityCode: need.municipality_code,
      municipalityName: need.municipality_name,
      targetGroup: need.target_group,
      peopleCount: need.people_count,
      relevance: need.relevance,
      expressedOn: need.expressed_on,
    })),
    services: services.map((service) => {
      const { days, freshness } = freshnessOf(service.confirmed_on);
      return {
        id: service.id,
        name: service.name,
        organizationId: service.organization_id,
        providerName: service.provider_name,
        reachedBy: service.reached_by,
        distanceKm: Math.round(service.distance_km * 10) / 10,
        freeCapacity: service.capacity_free,
        capacityUnit: service.capacity_unit,
        confirmedOn: service.confirmed_on,
        freshness,
        confirmedDaysAgo: days,
        targetGroups: service.target_groups,
        isOpenToCommunity: service.open_to.includes('all_residents'),
        costKind: service.cost_kind,
        costCents: service.cost_cents,
      };
    }),
  };
}
