import { and, eq, sql, type SQL } from 'drizzle-orm';
import { haversineKmSql } from '../../platform/db/geo-sql';
import type { Database, DbExecutor } from '../../platform/db/database';
import { cellsAround } from './location-cells';
import type { ParsedQuery } from './search-query';
import {
  serviceAreaMunicipalities,
  serviceAtLocations,
  serviceCategories,
  serviceLocations,
  services,
  serviceSchedules,
  serviceTaxonomyTerms,
} from './services.schema';

export type ServiceRow = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
export type TaxonomyTermRow = typeof serviceTaxonomyTerms.$inferSelect;

// Reads join organizations, districts and the territory tables: reference data every service card shows (the
// provider's name, the municipality of a location), one query per page rather than one per row.

/** The typed words as one tsquery: per word its Italian stem OR its prefix, alternatives (synonyms) OR-ed, words AND-ed. */
function tsQueryOf(query: ParsedQuery): SQL {
  const terms = query.terms.map((alternatives) => {
    const options = alternatives.map((words) => {
      const parts = words.map((word) =>
        word.prefix
          ? sql`(to_tsquery('distretto_italian', ${word.stem}) || to_tsquery('distretto_simple', ${`${word.prefix}:*`}))`
          : sql`to_tsquery('distretto_italian', ${word.stem})`,
      );
      return sql`(${sql.join(parts, sql` && `)})`;
    });
    return sql`(${sql.join(options, sql` || `)})`;
  });
  return sql`(${sql.join(terms, sql` && `)})`;
}

export interface ServiceSearch {
  query: ParsedQuery | null;
  /** Match the name by trigram similarity (typos) instead of full text: the fallback when full text found nothing. */
  bySpelling?: boolean;
  /** Centre of a distance search, with the municipality whose service areas count as "serving the centre". */
  centre: { latitude: number; longitude: number; municipalityCode: string | null } | null;
  radiusKm: number;
  categoryCode?: string;
  targetGroup?: string;
  costKind?: string;
  openTo?: string;
  municipalityCode?: string;
  organizationId?: string;
  limit: number;
  offset: number;
}

export interface ServiceSearchHit {
  id: string;
  relevance: number;
}

function servingMunicipality(code: string): SQL {
  return sql`(
    select sal.service_id from service_at_locations sal
      join service_locations l on l.id = sal.location_id where l.municipality_code = ${code}
    union select sam.service_id from service_area_municipalities sam where sam.municipality_code = ${code}
    union select s2.id from services s2
      join district_municipalities dm on dm.district_id = s2.service_area_district_id where dm.municipality_code = ${code})`;
}

/**
 * One page of service ids in result order. Text: Italian full-text (stems, accent folding, synonyms), or with
 * `bySpelling` trigram word similarity to the name (typos). Distance: services with a place in the grid cells the circle
 * touches (`location_cells`, GIN, ANDed with the text index), then the exact haversine distance to the points copied on
 * the row; a service whose area covers the centre municipality counts as distance 0.
 * Order: relevance, discounted by up to half at the edge of the radius; distance alone when nothing was typed.
 */
export async function selectServicePage(database: Database, search: ServiceSearch): Promise<ServiceSearchHit[]> {
  if (!search.query && search.centre) {
    // Nearest first, nothing typed: every service within a smaller radius is nearer than any beyond it, so when a
    // smaller circle already fills the page, that page is the answer. Around a city centre this reads a few
    // hundred services instead of the tens of thousands within 20 km (measured at 1M: 1.0–1.4 s around Milano).
    for (const fraction of [1 / 16, 1 / 4]) {
      const radiusKm = search.radiusKm * fraction;
      if (radiusKm < 1) continue;
      const hits = await selectServicePageOn(database.orm, { ...search, radiusKm });
      if (hits.length === search.limit) return hits;
    }
  }
  if (!search.query) return selectServicePageOn(database.orm, search);
  // The planner prices `@@` like a cheap operator, so for a broad query it prefers reading every row (measured at
  // 100k services: 200 ms sequential vs 20 ms through the GIN index). A text query is selective enough to always
  // go through the index: say so for this statement only (SET LOCAL, inside its own read transaction).
  // JIT compilation (PostgreSQL, when a plan's estimated cost passes jit_above_cost) took 60 ms of a 240 ms broad
  // query at 1M services and never pays back on a query that returns 21 rows: off for this statement too.
  return database.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local jit = off`);
    return selectServicePageOn(tx, search);
  });
}

async function selectServicePageOn(db: DbExecutor, search: ServiceSearch): Promise<ServiceSearchHit[]> {
  const filters: SQL[] = [sql`s.status = 'active'`];
  let relevance = sql`0::float8`;
  if (search.query) {
    if (search.bySpelling) {
      filters.push(sql`${search.query.folded} <% s.name_folded`);
      relevance = sql`word_similarity(${search.query.folded}, s.name_folded)`;
    } else {
      const tsq = tsQueryOf(search.query);
      filters.push(sql`s.search_vector @@ ${tsq}`);
      relevance = sql`ts_rank(s.search_vector, ${tsq}, 32)`;
    }
  }
  if (search.categoryCode) filters.push(sql`s.category_codes @> array[${search.categoryCode}]::text[]`);
  if (search.targetGroup) filters.push(sql`s.target_groups @> array[${search.targetGroup}]::text[]`);
  if (search.costKind) filters.push(sql`s.cost_kind = ${search.costKind}`);
  if (search.openTo) filters.push(sql`s.open_to @> array[${search.openTo}]::text[]`);
  if (search.organizationId) filters.push(sql`s.organization_id = ${search.organizationId}`);
  if (search.municipalityCode) filters.push(sql`s.id in ${servingMunicipality(search.municipalityCode)}`);
  const where = sql.join(filters, sql` and `);

  if (!search.centre) {
    const order = search.query ? sql`relevance desc, s.id` : sql`s.name_folded, s.id`;
    const result = await db.execute<{ id: string; relevance: number }>(sql`
      select s.id, ${relevance} as relevance
      from services s
      where ${where}
      order by ${order}
      limit ${search.limit} offset ${search.offset}`);
    return result.rows.map((row) => ({ id: row.id, relevance: Number(row.relevance) }));
  }

  // Near a point: services with a place in the grid cells the circle touches (services.location_cells, a GIN index
  // the planner ANDs with the full-text one), then the exact haversine distance to their places (the points copied
  // on the row: no join per candidate); plus the services whose area covers the centre municipality, at distance 0.
  const { latitude, longitude, municipalityCode } = search.centre;
  const cells = cellsAround(latitude, longitude, search.radiusKm);
  const distance = haversineKmSql(latitude, longitude, sql`p.latitude`, sql`p.longitude`);
  const covering = municipalityCode
    ? sql`
      union all
      select s.id, ${relevance}, 0::float8 from services s
      where ${where} and s.id in (
        select sam.service_id from service_area_municipalities sam where sam.municipality_code = ${municipalityCode}
        union select s2.id from services s2
          join district_municipalities dm on dm.district_id = s2.service_area_district_id
          where dm.municipality_code = ${municipalityCode})`
    : sql``;
  const order = search.query
    ? sql`relevance * (1 - 0.5 * least(distance_km / ${search.radiusKm}::float8, 1)) desc, id`
    : sql`distance_km, id`;
  const result = await db.execute<{ id: string; relevance: number }>(sql`
    with near as (
      select s.id, ${relevance} as relevance,
             (select min(${distance}) from unnest(s.location_latitudes, s.location_longitudes) as p(latitude, longitude)) as distance_km
      from services s
      where ${where} and s.location_cells && ${sql.param(cells)}::integer[]
      ${covering}),
    best as (
      select id, max(relevance) as relevance, min(distance_km) as distance_km from near
      group by id having min(distance_km) <= ${search.radiusKm}::float8)
    select id, relevance from best
    order by ${order}
    limit ${search.limit} offset ${search.offset}`);
  return result.rows.map((row) => ({ id: row.id, relevance: Number(row.relevance) }));
}

/** The naive search the benchmark compares against: `ILIKE '%word%'` on name and description, no index. */
export async function selectServicePageNaive(
  db: DbExecutor,
  search: { words: string[]; categoryCode?: string; centre?: { latitude: number; longitude: number }; radiusKm: number; limit: number },
): Promise<string[]> {
  const filters: SQL[] = [sql`s.status = 'active'`];
  for (const word of search.words) filters.push(sql`(s.name ilike ${`%${word}%`} or s.description ilike ${`%${word}%`})`);
  if (search.categoryCode) {
    filters.push(sql`exists (select 1 from service_categories sc join service_taxonomy_terms t on t.id = sc.term_id
      left join service_taxonomy_terms p on p.id = t.parent_id
      where sc.service_id = s.id and (t.code = ${search.categoryCode} or p.code = ${search.categoryCode}))`);
  }
  if (search.centre) {
    filters.push(sql`exists (select 1 from service_at_locations sal join service_locations l on l.id = sal.location_id
      where sal.service_id = s.id and ${haversineKmSql(search.centre.latitude, search.centre.longitude, sql`l.latitude`, sql`l.longitude`)} <= ${search.radiusKm}::float8)`);
  }
  const result = await db.execute<{ id: string }>(sql`
    select s.id from services s where ${sql.join(filters, sql` and `)} order by s.name limit ${search.limit}`);
  return result.rows.map((row) => row.id);
}

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
  cost_amount: string | null;
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
           s.cost_amount, s.cost_description, s.capacity_total, s.capacity_free, s.capacity_unit, s.capacity_period,
           s.confirmed_on, s.service_area_district_id, d.name as district_name,
           (select count(*) from service_area_municipalities sam where sam.service_id = s.id) as area_municipality_count,
           s.is_demo, s.version, s.updated_at
    from services s
    join organizations o on o.id = s.organization_id
    left join districts d on d.id = s.service_area_district_id
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
    select coalesce(short_name, legal_name) as name from organizations where id = ${id}`);
  return result.rows[0]?.name ?? null;
}

/** Organization ids by id or exact legal/short name (case-insensitive), for the CSV import. */
export async function selectOrganizationIdByReference(db: DbExecutor, reference: string): Promise<string[]> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference);
  const result = await db.execute<{ id: string }>(
    isUuid
      ? sql`select id from organizations where id = ${reference}`
      : sql`select id from organizations where lower(legal_name) = lower(${reference}) or lower(short_name) = lower(${reference}) limit 2`,
  );
  return result.rows.map((row) => row.id);
}

export async function selectDistrictExists(db: DbExecutor, id: string): Promise<boolean> {
  const result = await db.execute<{ id: string }>(sql`select id from districts where id = ${id}`);
  return result.rows.length > 0;
}

export async function selectDemoDistrict(db: DbExecutor): Promise<{ id: string; name: string } | null> {
  const result = await db.execute<{ id: string; name: string }>(sql`select id, name from districts where is_demo order by created_at limit 1`);
  return result.rows[0] ?? null;
}

export async function selectDemoOrganizations(db: DbExecutor): Promise<{ id: string; legal_name: string; kind: string }[]> {
  const result = await db.execute<{ id: string; legal_name: string; kind: string }>(sql`
    select id, legal_name, kind from organizations where is_demo order by legal_name`);
  return result.rows;
}

/** The given category codes and their parents' codes: what `services.category_codes` holds. */
export async function selectCodesWithParents(db: DbExecutor, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{ code: string }>(sql`
    select t.code from service_taxonomy_terms t where t.code = any(${sql.param(codes)}::text[])
    union select p.code from service_taxonomy_terms t join service_taxonomy_terms p on p.id = t.parent_id
    where t.code = any(${sql.param(codes)}::text[])
    order by 1`);
  return result.rows.map((row) => row.code);
}

export async function selectTermsByCodes(db: DbExecutor, codes: string[]): Promise<TaxonomyTermRow[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{ id: string }>(sql`
    select id from service_taxonomy_terms where code = any(${sql.param(codes)}::text[])`);
  const ids = result.rows.map((row) => row.id);
  if (ids.length === 0) return [];
  return db.select().from(serviceTaxonomyTerms).where(sql`${serviceTaxonomyTerms.id} = any(${sql.param(ids)}::uuid[])`);
}

export async function selectTaxonomyTerms(db: DbExecutor): Promise<(TaxonomyTermRow & { serviceCount: number })[]> {
  const result = await db.execute<{
    id: string; taxonomy_id: string; code: string; parent_id: string | null; label_it: string; label_en: string;
    description_it: string; position: number; version: number; updated_at: string; service_count: number;
  }>(sql`
    select t.*, (select count(*) from service_categories sc where sc.term_id = t.id) as service_count
    from service_taxonomy_terms t
    left join service_taxonomy_terms p on p.id = t.parent_id
    order by coalesce(p.position, t.position), coalesce(p.code, t.code), t.parent_id nulls first, t.position, t.code`);
  return result.rows.map((row) => ({
    id: row.id,
    taxonomyId: row.taxonomy_id,
    code: row.code,
    parentId: row.parent_id,
    labelIt: row.label_it,
    labelEn: row.label_en,
    descriptionIt: row.description_it,
    position: row.position,
    version: row.version,
    updatedAt: new Date(row.updated_at),
    serviceCount: row.service_count,
  }));
}

export async function selectTaxonomyTerm(db: DbExecutor, id: string): Promise<TaxonomyTermRow | null> {
  const rows = await db.select().from(serviceTaxonomyTerms).where(eq(serviceTaxonomyTerms.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function selectDefaultTaxonomyId(db: DbExecutor): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`select id from service_taxonomies order by name limit 1`);
  return result.rows[0]!.id;
}

export async function insertTaxonomyTerm(db: DbExecutor, values: typeof serviceTaxonomyTerms.$inferInsert): Promise<TaxonomyTermRow> {
  const rows = await db.insert(serviceTaxonomyTerms).values(values).returning();
  return rows[0]!;
}

export async function updateTaxonomyTermIfVersion(
  db: DbExecutor,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof serviceTaxonomyTerms.$inferInsert>,
): Promise<TaxonomyTermRow | null> {
  const rows = await db
    .update(serviceTaxonomyTerms)
    .set({ ...changes, version: sql`${serviceTaxonomyTerms.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(serviceTaxonomyTerms.id, id), eq(serviceTaxonomyTerms.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

/** Search keywords of services in a category change with its labels: rewrite them (the vector is generated). */
export async function refreshKeywordsOfTerm(db: DbExecutor, termId: string, oldLabels: string, newLabels: string): Promise<void> {
  await db.execute(sql`
    update services set search_keywords = replace(search_keywords, ${oldLabels}, ${newLabels})
    where id in (select service_id from service_categories where term_id = ${termId})`);
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
    from services s join organizations o on o.id = s.organization_id
    where s.status <> 'ended' and s.confirmed_on < ${options.cutoff}::date ${scope}
    order by s.confirmed_on, s.name
    limit ${options.limit}`);
  return result.rows;
}

export async function selectAllServiceIds(db: DbExecutor, options: { limit: number; offset: number; organizationId?: string; modifiedAfter?: string }): Promise<{ ids: string[]; total: number }> {
  const filters: SQL[] = [sql`true`];
  if (options.organizationId) filters.push(sql`organization_id = ${options.organizationId}`);
  if (options.modifiedAfter) filters.push(sql`updated_at >= ${options.modifiedAfter}::timestamptz`);
  const where = sql.join(filters, sql` and `);
  const [page, count] = await Promise.all([
    db.execute<{ id: string }>(sql`select id from services where ${where} order by id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from services where ${where}`),
  ]);
  return { ids: page.rows.map((row) => row.id), total: count.rows[0]!.n };
}

export type HsdsOrganizationRow = {
  id: string;
  legal_name: string;
  short_name: string | null;
  description: string;
  website: string | null;
  email: string | null;
  tax_id: string | null;
};

/**
 * Organizations that provide at least one service, with their public fields only (never the private phone, notes or
 * people). Website, e-mail and fiscal code come from the organizations registry when its migrations added them (read
 * through to_jsonb so this query runs with or without them).
 */
export async function selectHsdsOrganizations(db: DbExecutor, options: { limit: number; offset: number; id?: string }): Promise<{ rows: HsdsOrganizationRow[]; total: number }> {
  const where = options.id ? sql`o.id = ${options.id}` : sql`exists (select 1 from services s where s.organization_id = o.id)`;
  const [page, count] = await Promise.all([
    db.execute<HsdsOrganizationRow>(sql`
      select o.id, o.legal_name, o.short_name, o.description,
             to_jsonb(o) ->> 'website' as website, to_jsonb(o) ->> 'email' as email,
             coalesce(to_jsonb(o) ->> 'fiscal_code', to_jsonb(o) ->> 'vat_number') as tax_id
      from organizations o where ${where} order by o.id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from organizations o where ${where}`),
  ]);
  return { rows: page.rows, total: count.rows[0]!.n };
}

export async function selectHsdsTaxonomies(db: DbExecutor): Promise<{ id: string; name: string; description: string; uri: string | null; version: string | null }[]> {
  const result = await db.execute<{ id: string; name: string; description: string; uri: string | null; version: string | null }>(sql`
    select id, name, description, uri, version from service_taxonomies order by name`);
  return result.rows;
}

export async function selectAllLocationIds(db: DbExecutor, options: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
  const [page, count] = await Promise.all([
    db.execute<{ id: string }>(sql`select id from service_locations order by id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from service_locations`),
  ]);
  return { ids: page.rows.map((row) => row.id), total: count.rows[0]!.n };
}

export async function selectLocationRowsByIds(db: DbExecutor, ids: string[]): Promise<Omit<LocationRow, 'service_id' | 'service_at_location_id'>[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<Omit<LocationRow, 'service_id' | 'service_at_location_id'>>(sql`
    select l.id, l.organization_id, l.name, l.address, l.postal_code, l.municipality_code, m.name as municipality_name,
           p.abbreviation as province_abbreviation, l.latitude, l.longitude
    from service_locations l
    join municipalities m on m.istat_code = l.municipality_code
    join provinces p on p.code = m.province_code
    where l.id = any(${sql.param(ids)}::uuid[]) order by l.id`);
  return result.rows;
}

export async function selectServiceAtLocationPage(
  db: DbExecutor,
  options: { limit: number; offset: number; id?: string },
): Promise<{ rows: { id: string; service_id: string; location_id: string }[]; total: number }> {
  const where = options.id ? sql`id = ${options.id}` : sql`true`;
  const [page, count] = await Promise.all([
    db.execute<{ id: string; service_id: string; location_id: string }>(sql`
      select id, service_id, location_id from service_at_locations where ${where} order by id limit ${options.limit} offset ${options.offset}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from service_at_locations where ${where}`),
  ]);
  return { rows: page.rows, total: count.rows[0]!.n };
}

export async function selectServiceIdByName(db: DbExecutor, organizationId: string, name: string): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`
    select id from services where organization_id = ${organizationId} and lower(name) = lower(${name}) limit 1`);
  return result.rows[0]?.id ?? null;
}
