import { describe, expect, it } from 'vitest';
import type { TCoverageGroup } from '../../../common/contracts/matching';
import { coverageClassOf, sortGroups } from './coverage-classes';

const group = (zoneLabel: string, coverage: number, peopleCount: number, categoryLabel = 'Assistenza'): TCoverageGroup => ({
  categoryCode: 'x', categoryLabel, targetGroup: 'older_people', zoneKind: 'municipality', zoneKey: zoneLabel, zoneLabel, municipalityCodes: [],
  needCount: 1, organizationCount: 1, peopleCount, meanRelevance: null, recentPeople: 0, previousPeople: 0, trend: 'flat',
  serviceCount: 1, servicesWithUnknownCapacity: 0, freeCapacity: 0, oldestConfirmedOn: null, coverage, isGap: coverage < 1, gapReason: null,
});

describe('gap map classes and table order', () => {
  it('puts uncovered before gaps before covered', () => {
    expect(coverageClassOf({ isUncovered: true, isGap: true })).toBe(0);
    expect(coverageClassOf({ isUncovered: false, isGap: true })).toBe(1);
    expect(coverageClassOf({ isUncovered: false, isGap: false })).toBe(2);
  });

  it('sorts worst coverage first, more people first on ties, or by people', () => {
    const groups = [group('Pinerolo', 0.5, 3), group('Perosa', 0, 2), group('Orbassano', 0, 9)];
    expect(sortGroups(groups, 'coverage').map((g) => g.zoneLabel)).toEqual(['Orbassano', 'Perosa', 'Pinerolo']);
    expect(sortGroups(groups, 'people').map((g) => g.zoneLabel)).toEqual(['Orbassano', 'Pinerolo', 'Perosa']);
    expect(sortGroups(groups, 'zone').map((g) => g.zoneLabel)).toEqual(['Orbassano', 'Perosa', 'Pinerolo']);
  });
});
