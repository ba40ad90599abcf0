import type { TCoverageQuery } from '../../../common/contracts/matching';
import { assertCan } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { toCsv } from '../../platform/export/csv';
import { getDemandCoverage } from './get-demand-coverage';
import { MatchingActions } from './matching.policy';

/** The coverage table as CSV, one line per group, with the parameters it was computed with. */
export async function exportDemandCoverage(context: UseCaseContext, query: TCoverageQuery): Promise<string> {
  assertCan(context.actor, MatchingActions['matching.use']);
  const report = await getDemandCoverage(context, query);
  return toCsv(
    ['category_code', 'category', 'target_group', 'zone', 'needs', 'organizations', 'people', 'mean_relevance', 'recent_people', 'previous_people', 'trend', 'services', 'services_unknown_capacity', 'free_capacity', 'oldest_confirmed_on', 'coverage', 'is_gap', 'gap_reason', 'radius_km', 'threshold', 'period_days'],
    report.groups.map((group) => [
      group.categoryCode, group.categoryLabel, group.targetGroup, group.zoneLabel, group.needCount, group.organizationCount, group.peopleCount,
      group.meanRelevance, group.recentPeople, group.previousPeople, group.trend, group.serviceCount, group.servicesWithUnknownCapacity,
      group.freeCapacity, group.oldestConfirmedOn, group.coverage, group.isGap, group.gapReason, query.radiusKm, query.threshold, query.periodDays,
    ]),
  );
}
