import type { TCoverageGroup, TCoverageReport } from '../../../common/contracts/matching';
import type { Classification } from '../../ui/map/map-style';

/**
 * The gap map's three classes: uncovered (no service at all for a group), a gap (coverage below the threshold) and
 * covered. Colours from ColorBrewer "RdYlBu" (colour-blind safe), with the uncovered class darkest so it stands out.
 */
export const COVERAGE_CLASS_COLORS = ['#a50026', '#fdae61', '#4575b4'] as const;
export type CoverageClass = 0 | 1 | 2;

export function coverageClassOf(municipality: Pick<TCoverageReport['municipalities'][number], 'isUncovered' | 'isGap'>): CoverageClass {
  if (municipality.isUncovered) return 0;
  return municipality.isGap ? 1 : 2;
}

export const COVERAGE_CLASSIFICATION: Classification = { valueProperty: 'coverageClass', breaks: [1, 2], colors: COVERAGE_CLASS_COLORS };

export type GroupSort = 'coverage' | 'people' | 'category' | 'zone';

/** The table's order: worst coverage first (ties: more people first), or by people, category or place. */
export function sortGroups(groups: readonly TCoverageGroup[], sort: GroupSort): TCoverageGroup[] {
  const byName = (a: string, b: string) => a.localeCompare(b, 'it');
  const compare: Record<GroupSort, (a: TCoverageGroup, b: TCoverageGroup) => number> = {
    coverage: (a, b) => a.coverage - b.coverage || b.peopleCount - a.peopleCount || byName(a.zoneLabel, b.zoneLabel),
    people: (a, b) => b.peopleCount - a.peopleCount || a.coverage - b.coverage,
    category: (a, b) => byName(a.categoryLabel, b.categoryLabel) || byName(a.zoneLabel, b.zoneLabel),
    zone: (a, b) => byName(a.zoneLabel, b.zoneLabel) || byName(a.categoryLabel, b.categoryLabel),
  };
  return [...groups].sort(compare[sort]);
}
