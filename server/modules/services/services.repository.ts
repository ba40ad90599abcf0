import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../../platform/db/database';
import {
  serviceAreaMunicipalities,
  serviceAtLocations,
  serviceCategories,
  serviceLocations,
  services,
  serviceSchedules,
} from './services.schema';

export type ServiceRow = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;

// Reads join organizations' public fields, the districts module's published views (district_names, district_area_municipalities)
// and the territory tables: reference data every service card shows (the
// provider's name, the municipality of a location), one query per page rather than one per row.

export type ServiceBaseRow = {
  id: string;
  organization_id: string;
  provider_name: string;
  name: string;
  description: string;
  status: 'active' | 'suspended' | 'ended';
  how_to_access: string;
  email: string | null;
  url: string | null;
  phone: string | null;
  target_groups: string[];
  open_to: string[];
  languages: string[];
  eligibility_description: string;
  eligibility_conditions: string[];
  minimum_age: number | null;
  maximum_age: number | null;
  cost_kind: 'free' | 'fee' | 'means_tested';
  cost_cents: number | null;
  cost_description: string;
  capacity_total: number | null;
  capacity_free: number | null;
  capacity_unit: 'places' | 'hours' | null;
  capacity_period: 'day' | 'week' | 'month' | 'year' | null;
  confirmed_on: string;
  service_area_district_id: string | null;
  district_name: string | null;
  area_municipality_count: number;
  is_demo: boolean;
  version: number;
  updated_at: string;
};

export async function selectServiceBaseRows(db: DbExecutor, ids: string[]): Promise<ServiceBaseRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<ServiceBaseRow>(sql`
    select s.id, s.organization_id, coalesce(o.short_name, o.legal_name) as provider_name, s.name, s.description,
           s.status, s.how_to_access, s.email, s.url, s.phone, s.target_groups, s.open_to, s.languages,
           s.eligibility_description, s.eligibility_conditions, s.minimum_age, s.maximum_age, s.cost_kind,
           s.cost_cents, s.cost_description, s.capacity_total, s.capacity_free, s.capacity_unit, s.capacity_period,
           s.confirmed_on, s.service_area_district_id, d.name as district_name,
           (select count(*) from service_area_municipalities sam where sam.service_id = s.id) as area_municipality_count,
           s.is_demo, s.version, s.updated_at
    from services s
    join organization_public_fields o on o.id = s.organization_id
    left join district_names d on d.id = s.service_area_district_id
    where s.id = any(${sql.param(ids)}::uuid[])`);
  return result.rows;
}

export type CategoryRow = {
  service_id: string;
  id: string;
  code: string;
  label_it: string;
  label_en: string;
};

export async function selectServiceCategoryRows(db: DbExecutor, ids: string[]): Promise<CategoryRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<CategoryRow>(sql`
    select sc.service_id, t.id, t.code, t.label_it, t.label_en
    from service_categories sc join service_taxonomy_terms t on t.id = sc.term_id
    where sc.service_id = any(${sql.param(ids)}::uuid[])
    order by t.code`);
  return result.rows;
}

export type LocationRow = {
  service_id: string;
  service_at_location_id: string;
  id: string;
  organization_id: string;
  name: string;
  address: string;
  postal_code: string | null;
  municipality_code: string;
  municipality_name: string;
  province_abbreviation: string;
  latitude: number;
  longitude: number;
};

export async function selectServiceLocationRows(db: DbExecutor, ids: string[]): Promise<LocationRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<LocationRow>(sql`
    select sal.service_id, sal.id as service_at_location_id, l.id, l.organization_id, l.name, l.address, l.postal_code,
           l.municipality_code, m.name as municipality_name, p.abbreviation as province_abbreviation, l.latitude, l.longitude
    from service_at_locations sal
    join service_locations l on l.id = sal.location_id
    join municipalities m on m.istat_code = l.municipality_code
    join provinces p on p.code = m.province_code
    where sal.service_id = any(${sql.param(ids)}::uuid[])
    order by l.name, l.id`);
  return result.rows;
}

export type ScheduleRow = typeof serviceSchedules.$inferSelect;

export async function selectServiceScheduleRows(db: DbExecutor, ids: string[]): Promise<ScheduleRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{
    id: string; service_id: string; freq: 'WEEKLY' | 'MONTHLY'; byday: string[]; bymonthday: number[];
    opens_at: string | null; closes_at: string | null; valid_from: string | null; valid_to: string | null; notes: string; position: number;
  }>(sql`
    select id, service_id, freq, byday, bymonthday, opens_at, closes_at, valid_from, valid_to, notes, position
    from service_schedules where service_id = any(${sql.param(ids)}::uuid[]) order by service_id, position`);
  return result.rows.map((row) => ({
    id: row.id,
    serviceId: row.service_id,
    freq: row.freq,
    byday: row.byday,
    bymonthday: row.bymonthday,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    notes: row.notes,
    position: row.position,
  }));
}

export async function selectServiceAreaMunicipalityRows(
  db: DbExecutor,
  ids: string[],
  perServiceLimit: number,
): Promise<{ service_id: string; istat_code: string; name: string }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ service_id: string; istat_code: string; name: string }>(sql`
    select service_id, istat_code, name from (
      select sam.service_id, m.istat_code, m.name,
             row_number() over (partition by sam.service_id order by m.name) as n
      from service_area_municipalities sam join municipalities m on m.istat_code = sam.municipality_code
      where sam.service_id = any(${sql.param(ids)}::uuid[])) ranked
    where n <= ${perServiceLimit}
    order by service_id, name`);
  return result.rows;
}

export async function selectServiceRow(db: DbExecutor, id: string): Promise<ServiceRow | null> {
  const rows = await db.select().from(services).where(eq(services.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertServiceRow(db: DbExecutor, values: NewService): Promise<ServiceRow> {
  const rows = await db.insert(services).values(values).returning();
  return rows[0]!;
}

/** Applies the change only if the row still has `expectedVersion`; null when someone else saved first. */
export async function updateServiceIfVersion(
  db: DbExecutor,
  id: string,
  expectedVersion: number,
  changes: Partial<NewService>,
): Promise<ServiceRow | null> {
  const rows = await db
    .update(services)
    .set({ ...changes, version: sql`${services.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(services.id, id), eq(services.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

export async function replaceServiceCategories(db: DbExecutor, serviceId: string, termIds: string[]): Promise<void> {
  await db.delete(serviceCategories).where(eq(serviceCategories.serviceId, serviceId));
  if (termIds.length > 0) await db.insert(serviceCategories).values(termIds.map((termId) => ({ serviceId, termId })));
}

export async function replaceServiceArea(db: DbExecutor, serviceId: string, codes: string[]): Promise<void> {
  await db.delete(serviceAreaMunicipalities).where(eq(serviceAreaMunicipalities.serviceId, serviceId));
  if (codes.length > 0) await db.insert(serviceAreaMunicipalities).values(codes.map((municipalityCode) => ({ serviceId, municipalityCode })));
}

export async function replaceServiceSchedules(
  db: DbExecutor,
  serviceId: string,
  rules: { freq: 'WEEKLY' | 'MONTHLY'; byday: string[]; bymonthday: number[]; opensAt: string | null; closesAt: string | null; notes: string }[],
): Promise<void> {
  await db.delete(serviceSchedules).where(eq(serviceSchedules.serviceId, serviceId));
  if (rules.length > 0) await db.insert(serviceSchedules).values(rules.map((rule, position) => ({ ...rule, serviceId, position })));
}

/** Replaces the service's places: its links go, and so do the locations no other service uses. */
export async function replaceServiceLocations(
  db: DbExecutor,
  serviceId: string,
  organizationId: string,
  locations: { name: string; address: string; postalCode: string | null; municipalityCode: string; latitude: number; longitude: number }[],
): Promise<void> {
  const linked = await db.execute<{ location_id: string }>(sql`
    delete from service_at_locations where service_id = ${serviceId} returning location_id`);
  const oldIds = linked.rows.map((row) => row.location_id);
  if (oldIds.length > 0) {
    await db.execute(sql`
      delete from service_locations l where l.id = any(${sql.param(oldIds)}::uuid[])
        and not exists (select 1 from service_at_locations sal where sal.location_id = l.id)`);
  }
  for (const location of locations) {
    const [row] = await db.insert(serviceLocations).values({ ...location, organizationId }).returning({ id: serviceLocations.id });
    await db.insert(serviceAtLocations).values({ serviceId, locationId: row!.id });
  }
  await refreshPlacesCopy(db, serviceId);
}

/** What `services.location_cells`, `location_latitudes` and `location_longitudes` hold: copies of the service's places. */
const placesCopy = {
  cells: sql`coalesce((
    select array_agg(distinct cell order by cell)
    from service_at_locations sal
    join service_locations l on l.id = sal.location_id
    cross join lateral unnest(service_point_cells(l.latitude, l.longitude)) cell
    where sal.service_id = s.id), '{}')`,
  latitudes: sql`coalesce((
    select array_agg(l.latitude order by l.id)
    from service_at_locations sal join service_locations l on l.id = sal.location_id where sal.service_id = s.id), '{}')`,
  longitudes: sql`coalesce((
    select array_agg(l.longitude order by l.id)
    from service_at_locations sal join service_locations l on l.id = sal.location_id where sal.service_id = s.id), '{}')`,
};

/**
 * Rewrites the copies of the service's places on its row (grid cells and points, which the distance search reads)
 * from the places themselves. Called by `replaceServiceLocations`, in its transaction, so the copy never disagrees.
 */
async function refreshPlacesCopy(db: DbExecutor, serviceId: string): Promise<void> {
  await db.execute(sql`
    update services s set location_cells = ${placesCopy.cells}, location_latitudes = ${placesCopy.latitudes},
                          location_longitudes = ${placesCopy.longitudes}
    where s.id = ${serviceId}`);
}

/**
 * Rewrites the copies on every service that has places (the rule of `refreshPlacesCopy`): for data loaded in SQL,
 * bypassing `replaceServiceLocations` — the benchmarks. Set-based on purpose: the places are aggregated per service
 * once (two hash aggregates) and joined to the services, because `placesCopy`'s correlated subqueries run once per
 * service, and on freshly loaded tables without statistics the planner put a scan of every place inside each of them
 * (300,000 services ran past a 15-minute statement timeout). Same orders and `distinct` as `placesCopy`, so the
 * result is the one `selectServicesWithStalePlacesCopy` checks against.
 */
export async function rewriteAllPlacesCopies(db: DbExecutor): Promise<void> {
  await db.execute(sql`
    with points as (
      select sal.service_id, array_agg(l.latitude order by l.id) as latitudes, array_agg(l.longitude order by l.id) as longitudes
      from service_at_locations sal join service_locations l on l.id = sal.location_id
      group by sal.service_id),
    cells as (
      select sal.service_id, array_agg(distinct cell order by cell) as cells
      from service_at_locations sal join service_locations l on l.id = sal.location_id
      cross join lateral unnest(service_point_cells(l.latitude, l.longitude)) cell
      group by sal.service_id)
    update services s set location_cells = coalesce(c.cells, '{}'), location_latitudes = p.latitudes,
                          location_longitudes = p.longitudes
    from points p left join cells c on c.service_id = p.service_id
    where s.id = p.service_id`);
}

/** Services whose copies of their places differ from the places (none, unless something bypassed the repository). */
export async function selectServicesWithStalePlacesCopy(db: DbExecutor): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select s.id from services s
    where s.location_cells is distinct from ${placesCopy.cells}
       or s.location_latitudes is distinct from ${placesCopy.latitudes}
       or s.location_longitudes is distinct from ${placesCopy.longitudes}
    order by s.id`);
  return result.rows.map((row) => row.id);
}

export async function selectMunicipalityPoints(
  db: DbExecutor,
  codes: string[],
): Promise<Map<string, { name: string; latitude: number | null; longitude: number | null }>> {
  if (codes.length === 0) return new Map();
  const result = await db.execute<{ istat_code: string; name: string; point_lat: number | null; point_lng: number | null }>(sql`
    select istat_code, name, point_lat, point_lng from municipalities where istat_code = any(${sql.param(codes)}::text[])`);
  return new Map(result.rows.map((row) => [row.istat_code, { name: row.name, latitude: row.point_lat, longitude: row.point_lng }]));
}

export async function selectOrganizationName(db: DbExecutor, id: string): Promise<string | null> {
  const result = await db.execute<{ name: string }>(sql`
    select coalesce(short_name, legal_name) as name from organization_public_fields where id = ${id}`);
  return result.rows[0]?.name ?? null;
}

/** Organization ids by id or exact legal/short name (case-insensitive), for the CSV import. */
export async function selectOrganizationIdByReference(db: DbExecutor, reference: string): Promise<string[]> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference);
  const result = await db.execute<{ id: string }>(
    isUuid
      ? sql`select id from organization_public_fields where id = ${reference}`
      : sql`select id from organization_public_fields where lower(legal_name) = lower(${reference}) or lower(short_name) = lower(${reference}) limit 2`,
  );
  return result.rows.map((row) => row.id);
}

export async function selectDistrictExists(db: DbExecutor, id: string): Promise<boolean> {
  const result = await db.execute<{ id: string }>(sql`select id from district_names where id = ${id}`);
  return result.rows.length > 0;
}

export async function selectDemoDistrict(db: DbExecutor): Promise<{ id: string; name: string } | null> {
  const result = await db.execute<{ id: string; name: string }>(sql`select id, name from district_names where is_demo order by created_at limit 1`);
  return result.rows[0] ?? null;
}

export async function selectDemoOrganizations(db: DbExecutor): Promise<{ id: string; legal_name: string; kind: string }[]> {
  const result = await db.execute<{ id: string; legal_name: string; kind: string }>(sql`
    select id, legal_name, kind from organization_public_fields where is_demo order by legal_name`);
  return result.rows;
}

/**
 * Active services of a district's member organizations (or all, for platform admins) whose data nobody confirmed
 * since `cutoff`, oldest first.
 */
export async function selectStaleServices(
  db: DbExecutor,
  options: { districtId: string | null; cutoff: string; limit: number },
): Promise<{ id: string; name: string; organization_id: string; provider_name: string; confirmed_on: string }[]> {
  const scope = options.districtId
    ? sql`and (s.organization_id in (select organization_id from current_district_memberships where district_id = ${options.districtId})
               or s.service_area_district_id = ${options.districtId})`
    : sql``;
  const result = await db.execute<{ id: string; name: string; organization_id: string; provider_name: string; confirmed_on: string }>(sql`
    select s.id, s.name, s.organization_id, coalesce(o.short_name, o.legal_name) as provider_name, s.confirmed_on
    from services s join organization_public_fields o on o.id = s.organization_id
    where s.status <> 'ended' and s.confirmed_on < ${options.cutoff}::date ${scope}
    order by s.confirmed_on, s.name
    limit ${options.limit}`);
  return result.rows;
}

export async function selectServiceIdByName(db: DbExecutor, organizationId: string, name: string): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`
    select id from services where organization_id = ${organizationId} and lower(name) = lower(${name}) limit 1`);
  return result.rows[0]?.id ?? null;
}

/** Municipalities whose name starts with one of the words: the places a typed query may name (at most 500). */
export async function selectPlacesNamedBy(db: DbExecutor, words: string[]): Promise<{ code: string; name: string }[]> {
  if (words.length === 0) return [];
  const patterns = words.map((word) => `${word.replace(/[\\%_]/g, '')}%`);
  const result = await db.execute<{ istat_code: string; name: string }>(sql`
    select istat_code, name from municipalities
    where name_folded like any(${sql.param(patterns)}::text[]) and point_lat is not null
    order by population desc nulls last, istat_code limit 500`);
  return result.rows.map((row) => ({ code: row.istat_code, name: row.name }));
}
