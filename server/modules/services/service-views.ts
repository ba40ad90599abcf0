import { haversineKm } from '../../../common/domain/geo';
import type { TService, TServiceSummary } from '../../../common/contracts/services';
import { freshnessOf, type OpenTo, type TargetGroup, type Weekday } from '../../../common/domain/services';
import { todayInItaly } from '../../../common/domain/calendar';
import type { DbExecutor } from '../../platform/db/database';
import { validLabelsOfOrganizations } from '../labels';
import { selectServiceAreaMunicipalityRows, selectServiceBaseRows, selectServiceCategoryRows, selectServiceLocationRows, selectServiceScheduleRows, type LocationRow, type ServiceBaseRow } from './services.repository';

const SUMMARY_LENGTH = 240;
const AREA_NAMES_SHOWN = 3;

function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  return haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);
}

function summarize(text: string): string {
  if (text.length <= SUMMARY_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : SUMMARY_LENGTH)}…`;
}

function locationView(row: LocationRow) {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    postalCode: row.postal_code,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    provinceAbbreviation: row.province_abbreviation,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Everything a result card or a service page shows, for these ids in this order, in five queries whatever the count. */
export async function loadServiceViews(
  db: DbExecutor,
  ids: string[],
  options: { centre?: { latitude: number; longitude: number } | null; areaNamesLimit?: number; today?: Date } = {},
): Promise<(Omit<TService, 'canEdit'> & TServiceSummary)[]> {
  // One after the other: `db` is often a transaction, i.e. one connection, where overlapping queries queue anyway
  // and are deprecated by pg (removed in pg 9).
  const base = await selectServiceBaseRows(db, ids);
  const categories = await selectServiceCategoryRows(db, ids);
  const locations = await selectServiceLocationRows(db, ids);
  const schedules = await selectServiceScheduleRows(db, ids);
  const areas = await selectServiceAreaMunicipalityRows(db, ids, options.areaNamesLimit ?? AREA_NAMES_SHOWN);
  // The providers' social quality labels valid today (Italy's day), through what the labels module publishes.
  const labels = await validLabelsOfOrganizations(db, base.map((row) => row.organization_id), todayInItaly(options.today));
  const byId = new Map(base.map((row) => [row.id, row]));
  const categoriesOf = groupBy(categories, (row) => row.service_id);
  const locationsOf = groupBy(locations, (row) => row.service_id);
  const schedulesOf = groupBy(schedules, (row) => row.serviceId);
  const areasOf = groupBy(areas, (row) => row.service_id);
  const centre = options.centre ?? null;
  return ids.flatMap((id) => {
    const row: ServiceBaseRow | undefined = byId.get(id);
    if (!row) return [];
    const places = (locationsOf.get(id) ?? []).map(locationView);
    let nearest = places[0] ?? null;
    let nearestDistance: number | null = null;
    if (centre && places.length > 0) {
      for (const place of places) {
        const distance = distanceKm(centre, place);
        if (nearestDistance === null || distance < nearestDistance) {
          nearestDistance = distance;
          nearest = place;
        }
      }
    }
    const areaRows = areasOf.get(id) ?? [];
    const areaLabel = row.district_name
      ? row.district_name
      : areaRows.length > 0
        ? areaRows.map((area) => area.name).join(', ') + (row.area_municipality_count > areaRows.length ? ` (+${row.area_municipality_count - areaRows.length})` : '')
        : null;
    const hasCapacity = row.capacity_total !== null || row.capacity_free !== null;
    return [
      {
        id: row.id,
        name: row.name,
        summary: summarize(row.description),
        description: row.description,
        status: row.status,
        provider: { id: row.organization_id, name: row.provider_name },
        categories: (categoriesOf.get(id) ?? []).map((c) => ({ id: c.id, code: c.code, labelIt: c.label_it, labelEn: c.label_en })),
        targetGroups: row.target_groups as TargetGroup[],
        openTo: row.open_to as OpenTo[],
        location: nearest,
        locationCount: places.length,
        distanceKm: nearestDistance === null ? null : Math.round(nearestDistance * 10) / 10,
        serviceAreaLabel: areaLabel,
        schedules: (schedulesOf.get(id) ?? []).map((s) => ({
          freq: s.freq,
          byday: s.byday as Weekday[],
          bymonthday: s.bymonthday,
          opensAt: s.opensAt,
          closesAt: s.closesAt,
          notes: s.notes,
        })),
        costKind: row.cost_kind,
        costCents: row.cost_cents,
        costDescription: row.cost_description,
        howToAccess: row.how_to_access,
        capacity: hasCapacity
          ? { total: row.capacity_total, free: row.capacity_free, unit: row.capacity_unit ?? 'places', period: row.capacity_period }
          : null,
        confirmation: { confirmedOn: row.confirmed_on, ...freshnessOf(row.confirmed_on, options.today) },
        isDemo: row.is_demo,
        labels: labels.get(row.organization_id) ?? [],
        email: row.email,
        url: row.url,
        phone: row.phone,
        languages: row.languages,
        eligibilityDescription: row.eligibility_description,
        eligibilityConditions: row.eligibility_conditions,
        minimumAge: row.minimum_age,
        maximumAge: row.maximum_age,
        locations: places,
        serviceAreaDistrict: row.service_area_district_id ? { id: row.service_area_district_id, name: row.district_name ?? '' } : null,
        serviceAreaMunicipalities: areaRows.map((area) => ({ istatCode: area.istat_code, name: area.name })),
        version: row.version,
        updatedAt: new Date(row.updated_at).toISOString(),
      },
    ];
  });
}
