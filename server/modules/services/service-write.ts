import type { z } from 'zod';
import type { ZLocationInput, ZScheduleRule } from '../../../common/contracts/services';
import { foldForSearch } from '../../../common/domain/text';
import { fieldError } from '../../platform/errors/app-error';
import type { DbExecutor } from '../../platform/db/database';
import { TARGET_GROUP_KEYWORDS } from './search-query';
import { selectDistrictExists, selectMunicipalityPoints, selectOrganizationName } from './services.repository';
import { selectCodesWithParents, selectTermsByCodes } from './service-taxonomy.repository';

type LocationInput = z.output<typeof ZLocationInput>;
type ScheduleInput = z.output<typeof ZScheduleRule>;

export interface ResolvedLocation {
  name: string;
  address: string;
  postalCode: string | null;
  municipalityCode: string;
  latitude: number;
  longitude: number;
}

/** Category codes → term ids, or a 422 naming the unknown codes. */
export async function resolveCategories(db: DbExecutor, codes: string[]): Promise<{ ids: string[]; labels: string[]; codesWithParents: string[] }> {
  const unique = [...new Set(codes)];
  const terms = await selectTermsByCodes(db, unique);
  const known = new Set(terms.map((term) => term.code));
  const unknown = unique.filter((code) => !known.has(code));
  if (unknown.length > 0) throw fieldError('categoryCodes', `unknown categories: ${unknown.join(', ')}`);
  return { ids: terms.map((term) => term.id), labels: terms.map((term) => term.labelIt), codesWithParents: await selectCodesWithParents(db, unique) };
}

/** Checks every municipality exists and gives each location a point (its municipality's when none was given). */
export async function resolvePlaces(
  db: DbExecutor,
  locations: LocationInput[],
  areaCodes: string[],
  districtId: string | null,
): Promise<{ locations: ResolvedLocation[]; areaCodes: string[] }> {
  const uniqueArea = [...new Set(areaCodes)];
  const points = await selectMunicipalityPoints(db, [...new Set([...locations.map((l) => l.municipalityCode), ...uniqueArea])]);
  const unknownArea = uniqueArea.filter((code) => !points.has(code));
  if (unknownArea.length > 0) throw fieldError('serviceAreaMunicipalityCodes', `unknown ISTAT codes: ${unknownArea.join(', ')}`, 'unknown-code');
  const resolved = locations.map((location, index) => {
    const point = points.get(location.municipalityCode);
    if (!point) throw fieldError(`locations.${index}.municipalityCode`, `unknown ISTAT code ${location.municipalityCode}`, 'unknown-code');
    const latitude = location.latitude ?? point.latitude;
    const longitude = location.longitude ?? point.longitude;
    if (latitude === null || longitude === null) throw fieldError(`locations.${index}.latitude`, 'required: the municipality has no point');
    return { name: location.name, address: location.address, postalCode: location.postalCode, municipalityCode: location.municipalityCode, latitude, longitude };
  });
  if (districtId && !(await selectDistrictExists(db, districtId))) throw fieldError('serviceAreaDistrictId', 'unknown district', 'not-found');
  return { locations: resolved, areaCodes: uniqueArea };
}

export async function requireOrganizationName(db: DbExecutor, organizationId: string): Promise<string> {
  const name = await selectOrganizationName(db, organizationId);
  if (name === null) throw fieldError('organizationId', 'unknown organization', 'not-found');
  return name;
}

/** The words a service is also found by: its categories, its target groups, its provider. */
export function searchKeywordsOf(categoryLabels: string[], targetGroups: string[], providerName: string): string {
  return [...categoryLabels, ...targetGroups.map((group) => TARGET_GROUP_KEYWORDS[group] ?? ''), providerName].filter(Boolean).join(' · ');
}

export function checkAgesAndCapacity(input: {
  minimumAge?: number | null;
  maximumAge?: number | null;
  capacity?: { total: number | null; free: number | null } | null;
}): void {
  if (input.minimumAge != null && input.maximumAge != null && input.minimumAge > input.maximumAge) {
    throw fieldError('maximumAge', 'must not be lower than minimumAge');
  }
  const capacity = input.capacity;
  if (capacity && capacity.total !== null && capacity.free !== null && capacity.free > capacity.total) {
    throw fieldError('capacity.free', 'must not exceed capacity.total');
  }
}

export function checkSchedules(schedules: ScheduleInput[]): void {
  schedules.forEach((rule, index) => {
    if (rule.freq === 'MONTHLY' && rule.bymonthday.length === 0) throw fieldError(`schedules.${index}.bymonthday`, 'a monthly rule needs days of the month');
    if ((rule.opensAt === null) !== (rule.closesAt === null)) throw fieldError(`schedules.${index}.closesAt`, 'give both opening and closing time, or neither');
    if (rule.opensAt && rule.closesAt && rule.opensAt >= rule.closesAt) throw fieldError(`schedules.${index}.closesAt`, 'must be after opensAt');
  });
}

export const foldName = foldForSearch;
