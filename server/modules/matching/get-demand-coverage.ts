import type { TCoverageGroup, TCoverageQuery, TCoverageReport } from '../../../common/contracts/matching';
import { coverageOf, trendOf } from '../../../common/domain/matching';
import { can, assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { SUPPLY_RADII_KM } from '../services';
import { readableDistrict, todayIso } from './district-scope';
import { MatchingActions } from './matching.policy';
import { selectDemandCoverage, type SupplySource } from './matching-coverage.repository';

/**
 * The aggregated demand of a district's open needs, grouped by category × target group × zone, set against the active
 * services that reach each group, with coverage (free capacity ÷ people) and gaps; plus, per municipality, the worst
 * group for the gap map. One set-based query for every group (ADR 0017). Municipality zones at a radius the services
 * module stores read its stored supply (ADR 0018); other radii and larger zones compute the supply from the services
 * (`options.supply = 'computed'` forces it: tests and the benchmark compare the two).
 */
export async function getDemandCoverage(
  context: UseCaseContext,
  query: TCoverageQuery,
  options: { today?: string; supply?: SupplySource } = {},
): Promise<TCoverageReport> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const district = await readableDistrict(context, query.districtId, query);
  const rows = await selectDemandCoverage(context.db, {
    districtId: query.districtId,
    districtName: district.name,
    zoneKind: query.zoneKind,
    zoningId: query.zoningId,
    categoryCode: query.categoryCode,
    targetGroup: query.targetGroup,
    radiusKm: query.radiusKm,
    periodDays: query.periodDays,
    today: options.today ?? todayIso(),
    supply: options.supply ?? ((SUPPLY_RADII_KM as readonly number[]).includes(query.radiusKm) ? 'stored' : 'computed'),
  });
  const groups: TCoverageGroup[] = rows.map((row) => {
    const { coverage, isGap, gapReason } = coverageOf(row.free_capacity, row.people_count, row.service_count, query.threshold);
    return {
      categoryCode: row.category_code,
      categoryLabel: (context.language === 'en' ? row.category_label_en : row.category_label) ?? row.category_code,
      targetGroup: row.target_group,
      zoneKind: query.zoneKind,
      zoneKey: row.zone_key,
      zoneLabel: row.zone_label,
      municipalityCodes: [...row.municipality_codes].sort(),
      needCount: row.need_count,
      organizationCount: row.organization_count,
      peopleCount: row.people_count,
      meanRelevance: row.mean_relevance === null ? null : Math.round(row.mean_relevance * 100) / 100,
      recentPeople: row.recent_people,
      previousPeople: row.previous_people,
      trend: trendOf(row.recent_people, row.previous_people),
      serviceCount: row.service_count,
      servicesWithUnknownCapacity: row.unknown_capacity_count,
      freeCapacity: row.free_capacity,
      oldestConfirmedOn: row.oldest_confirmed_on,
      coverage: Math.round(coverage * 1000) / 1000,
      isGap,
      gapReason,
    };
  });
  return {
    districtId: query.districtId,
    parameters: { zoneKind: query.zoneKind, radiusKm: query.radiusKm, threshold: query.threshold, periodDays: query.periodDays, categoryCode: query.categoryCode ?? null },
    groups,
    municipalities: query.zoneKind === 'municipality' ? municipalitiesOf(groups) : [],
    canPropose: can(context.actor, MatchingActions['matching.proposals.create'], { districtId: query.districtId }),
  };
}

/** Per municipality, the worst group there: a municipality is uncovered when one of its groups has no supply at all. */
function municipalitiesOf(groups: TCoverageGroup[]): TCoverageReport['municipalities'] {
  const byCode = new Map<string, TCoverageReport['municipalities'][number]>();
  for (const group of groups) {
    const current = byCode.get(group.zoneKey) ?? { code: group.zoneKey, name: group.zoneLabel, peopleCount: 0, groupCount: 0, minimumCoverage: null, isUncovered: false, isGap: false };
    current.peopleCount += group.peopleCount;
    current.groupCount += 1;
    current.minimumCoverage = current.minimumCoverage === null ? group.coverage : Math.min(current.minimumCoverage, group.coverage);
    current.isUncovered ||= group.gapReason === 'no_supply';
    current.isGap ||= group.isGap;
    byCode.set(group.zoneKey, current);
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}
