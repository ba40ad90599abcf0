import { sql, type SQL } from 'drizzle-orm';
import { haversineKmSql, KM_PER_DEGREE_LATITUDE, longitudeDeltaSql } from '../../platform/db/geo-sql';
import type { Database, DbExecutor } from '../../platform/db/database';
import type { ZoneKind } from '../../../common/domain/matching';

// The aggregated demand and its coverage must be one set-based statement over all groups (never one query per group),
// which a call through each module's use cases cannot give. So it joins what the other modules publish for it (ADR 0026):
// needs' open_needs, the services module's service_offers, service_reach_*, service_place_points, service_supply_totals
// and service_category_labels, zonings' zone_areas, districts' district_municipalities, territory's municipalities and
// organizations' organization_names. They are plain views the planner inlines: the plans are those over the tables.

export interface DemandScope {
  districtId: string;
  /** The zone label when zoneKind is district (the whole district is the one zone). */
  districtName?: string | undefined;
  zoneKind: ZoneKind;
  zoningId?: string | undefined;
  categoryCode?: string | undefined;
  targetGroup?: string | undefined;
  /** Only the needs of this zone (drill-down). */
  zoneKey?: string | undefined;
  /** Exactly this category, not its sub-categories (drill-down of one group). */
  exactCategory?: boolean;
}

/** The open needs in scope, each with its zone: the base of every matching read. */
function scopedNeeds(scope: DemandScope): SQL {
  let zoneKey: SQL;
  let zoneLabel: SQL;
  let zoneJoin = sql``;
  if (scope.zoneKind === 'municipality') {
    zoneKey = sql`n.municipality_code`;
    zoneLabel = sql`m.name`;
  } else if (scope.zoneKind === 'district') {
    zoneKey = sql`dm.district_id::text`;
    zoneLabel = sql`${scope.districtName ?? ''}::text`;
  } else {
    zoneKey = sql`z.zone_id::text`;
    zoneLabel = sql`z.zone_name`;
    zoneJoin = sql`join zone_areas z on z.zoning_id = ${scope.zoningId ?? null}::uuid and z.municipality_code = n.municipality_code`;
  }
  const filters: SQL[] = [sql`true`];
  if (scope.categoryCode) {
    filters.push(
      scope.exactCategory
        ? sql`n.category_code = ${scope.categoryCode}`
        : sql`(n.category_code = ${scope.categoryCode} or n.category_code like ${`${scope.categoryCode}.%`})`,
    );
  }
  if (scope.targetGroup) filters.push(sql`n.target_group = ${scope.targetGroup}`);
  const needsQuery = sql`
    select n.id, n.organization_id, n.category_code, n.target_group, n.municipality_code, n.people_count, n.relevance,
           n.expressed_on, ${zoneKey} as zone_key, ${zoneLabel} as zone_label
    from open_needs n
    join district_municipalities dm on dm.municipality_code = n.municipality_code and dm.district_id = ${scope.districtId}::uuid
    join municipalities m on m.istat_code = n.municipality_code
    ${zoneJoin}
    where ${sql.join(filters, sql` and `)}`;
  if (!scope.zoneKey) return needsQuery;
  return sql`select * from (${needsQuery}) q where q.zone_key = ${scope.zoneKey}`;
}

/**
 * Services that reach each (category, municipality) pair of `pairs` (a relation with category_code and
 * municipality_code): active, with the category among their codes (which hold the parents too, so a first-level need
 * takes every sub-category service), and whose area district or area municipalities hold the municipality, or with a
 * location in the municipality or within `radiusKm` of its representative point (bounding box on the (lat, lng) btree,
 * then haversine). Returns (category_code, municipality_code, service_id, reached_by, distance_km), a service possibly
 * several times (one per way it reaches).
 */
function reachingServices(pairs: SQL, radiusKm: number): SQL {
  // Each branch joins on (code, municipality) with the service's codes unnested, so the planner hashes both keys
  // instead of testing every service near a municipality against every category needed there.
  const branches: SQL[] = [
    sql`select p.category_code, p.municipality_code, s.id as service_id, 'area_district' as reached_by, 0::float8 as distance_km
      from service_offers s
      cross join lateral unnest(s.category_codes) as code
      join district_municipalities adm on adm.district_id = s.service_area_district_id
      join ${pairs} p on p.municipality_code = adm.municipality_code and p.category_code = code
      where s.status = 'active' and s.service_area_district_id is not null`,
    sql`select p.category_code, p.municipality_code, s.id, 'area_municipality', 0::float8
      from service_reach_municipalities sam
      join service_offers s on s.id = sam.service_id
      cross join lateral unnest(s.category_codes) as code
      join ${pairs} p on p.municipality_code = sam.municipality_code and p.category_code = code
      where s.status = 'active'`,
  ];
  const near = radiusKm > 0
    ? (() => {
        const deltaLat = radiusKm / KM_PER_DEGREE_LATITUDE;
        const deltaLng = longitudeDeltaSql(radiusKm, sql`pm.point_lat`);
        // Near locations are found per municipality first (bounding box, then exact distance), once for all categories.
        return sql`
          select pm.istat_code as municipality_code, l.location_id,
            ${haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`l.latitude`, sql`l.longitude`)} as distance_km
          from (select distinct municipality_code from ${pairs} p0) pmc
          join municipalities pm on pm.istat_code = pmc.municipality_code
          join service_place_points l
            on l.latitude between pm.point_lat - ${deltaLat}::float8 and pm.point_lat + ${deltaLat}::float8
           and l.longitude between pm.point_lng - ${deltaLng} and pm.point_lng + ${deltaLng}
          where pm.point_lat is not null
            and ${haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`l.latitude`, sql`l.longitude`)} <= ${radiusKm}::float8
          union
          select pm.istat_code, l.location_id, ${haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`l.latitude`, sql`l.longitude`)}
          from (select distinct municipality_code from ${pairs} p0) pmc
          join municipalities pm on pm.istat_code = pmc.municipality_code
          join service_place_points l on l.municipality_code = pm.istat_code`;
      })()
    : sql`
          select pm.istat_code as municipality_code, l.location_id,
            ${haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`l.latitude`, sql`l.longitude`)} as distance_km
          from (select distinct municipality_code from ${pairs} p0) pmc
          join municipalities pm on pm.istat_code = pmc.municipality_code
          join service_place_points l on l.municipality_code = pm.istat_code`;
  branches.push(sql`select p.category_code, p.municipality_code, s.id, 'location', near.distance_km
    from (${near}) near
    join service_reach_places sal on sal.location_id = near.location_id
    join service_offers s on s.id = sal.service_id
    cross join lateral unnest(s.category_codes) as code
    join ${pairs} p on p.municipality_code = near.municipality_code and p.category_code = code
    where s.status = 'active'`);
  return sql.join(branches, sql` union all `);
}

/**
 * Supply per (category, zone) for zones larger than a municipality: every (zone, service) pair enumerated, so that a
 * service reaching two municipalities of a zone counts once.
 */
function zoneSupply(radiusKm: number): SQL {
  return sql`zone_pairs as materialized (select distinct category_code, zone_key, municipality_code from scoped),
    reach as (${reachingServices(sql`pairs`, radiusKm)}),
    zone_services as (
      select distinct zp.category_code, zp.zone_key, r.service_id
      from zone_pairs zp join reach r on r.category_code = zp.category_code and r.municipality_code = zp.municipality_code
    ),
    supply as (
      select zs.category_code, zs.zone_key, count(*)::int as service_count,
        count(*) filter (where s.capacity_free is null)::int as unknown_capacity_count,
        coalesce(sum(s.capacity_free), 0)::int as free_capacity,
        min(s.confirmed_on) as oldest_confirmed_on
      from zone_services zs join service_offers s on s.id = zs.service_id
      group by zs.category_code, zs.zone_key
    )`;
}

/**
 * Supply per (category, municipality), the gap map's default, without listing every (municipality, service) pair for
 * most services. A "simple" service reaches a municipality in one way only — its area district, its area
 * municipalities, or its single location — so its contributions can be summed per (district, code), per (municipality,
 * code) and per (near location, code) with no de-duplication. The few "complex" services (several locations, or an area
 * and a location…) are enumerated and de-duplicated as for larger zones. Same numbers as the rule in reachingServices
 * (the benchmark checks them against the one-group query).
 *
 * The near places dominate at regional scale (3.6 million (municipality, place) pairs at 10 km over Piemonte): the
 * simple services are first summed per (place, category codes), the pairs summed per (municipality, category codes),
 * and only those sums unnested per code — half the rows of unnesting each pair, and no join of the pairs to services.
 */
function municipalitySupply(scope: DemandScope, radiusKm: number): SQL {
  const within = haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`l.latitude`, sql`l.longitude`);
  const deltaLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  const deltaLng = longitudeDeltaSql(radiusKm, sql`pm.point_lat`);
  // No CTE is referenced below (CTE scans are parallel-restricted): the (municipality, place) pairs, millions at regional
  // scale, can then be found and summed by parallel workers.
  const wanted = sql`(select sn.municipality_code from (${scopedNeeds(scope)}) sn)`;
  const nearby = radiusKm > 0
    ? sql`select pm.istat_code as municipality_code, l.location_id
        from municipalities pm
        join service_place_points l
          on l.latitude between pm.point_lat - ${deltaLat}::float8 and pm.point_lat + ${deltaLat}::float8
         and l.longitude between pm.point_lng - ${deltaLng} and pm.point_lng + ${deltaLng}
        where pm.istat_code in ${wanted} and pm.point_lat is not null and ${within} <= ${radiusKm}::float8
        union all
        select pm.istat_code, l.location_id
        from municipalities pm
        join service_place_points l on l.municipality_code = pm.istat_code
        where pm.istat_code in ${wanted} and (pm.point_lat is null or not (${within} <= ${radiusKm}::float8))`
    : sql`select l.municipality_code, l.location_id
        from service_place_points l where l.municipality_code in ${wanted}`;
  const sums = sql`count(*)::int as service_count, count(*) filter (where s.capacity_free is null)::int as unknown_capacity_count,
    coalesce(sum(s.capacity_free), 0)::int as free_capacity, min(s.confirmed_on) as oldest_confirmed_on`;
  return sql`wanted_municipalities as materialized (select distinct municipality_code from pairs),
    wanted_codes as materialized (select distinct category_code from pairs),
    ways as (
      select id as service_id from service_offers where service_area_district_id is not null and status = 'active'
      union all select distinct sam.service_id from service_reach_municipalities sam
      union all select sal.service_id from service_reach_places sal
    ),
    complex as materialized (select service_id from ways group by service_id having count(*) > 1),
    district_sums as (
      select s.service_area_district_id as district_id, code as category_code, ${sums}
      from service_offers s
      cross join lateral unnest(s.category_codes) as code
      where s.status = 'active' and s.service_area_district_id is not null
        and code in (select category_code from wanted_codes)
        and s.id not in (select service_id from complex)
      group by s.service_area_district_id, code
    ),
    by_district as (
      select adm.municipality_code, ds.category_code, ds.service_count, ds.unknown_capacity_count, ds.free_capacity, ds.oldest_confirmed_on
      from district_sums ds join district_municipalities adm on adm.district_id = ds.district_id
      where adm.municipality_code in (select municipality_code from wanted_municipalities)
    ),
    by_area_municipality as (
      select sam.municipality_code, code as category_code, ${sums}
      from service_reach_municipalities sam
      join service_offers s on s.id = sam.service_id
      cross join lateral unnest(s.category_codes) as code
      where s.status = 'active' and code in (select category_code from wanted_codes)
        and sam.municipality_code in (select municipality_code from wanted_municipalities)
        and s.id not in (select service_id from complex)
      group by sam.municipality_code, code
    ),
    location_sets as (
      select sal.location_id, s.category_codes as codes, ${sums}
      from service_reach_places sal
      join service_offers s on s.id = sal.service_id
      -- Simple here: no area at all and this single place (the complex CTE's rule, inline so workers can run it).
      where s.status = 'active' and s.service_area_district_id is null
        and not exists (select 1 from service_reach_municipalities sam where sam.service_id = s.id)
        and not exists (select 1 from service_reach_places other where other.service_id = s.id and other.location_id <> sal.location_id)
      group by sal.location_id, s.category_codes
    ),
    near_sets as (
      select near.municipality_code, ls.codes,
        sum(ls.service_count)::int as service_count, sum(ls.unknown_capacity_count)::int as unknown_capacity_count,
        sum(ls.free_capacity)::int as free_capacity, min(ls.oldest_confirmed_on) as oldest_confirmed_on
      from (${nearby}) near
      join location_sets ls on ls.location_id = near.location_id
      group by near.municipality_code, ls.codes
    ),
    by_location as (
      select ns.municipality_code, code as category_code,
        sum(ns.service_count)::int as service_count, sum(ns.unknown_capacity_count)::int as unknown_capacity_count,
        sum(ns.free_capacity)::int as free_capacity, min(ns.oldest_confirmed_on) as oldest_confirmed_on
      from near_sets ns
      cross join lateral unnest(ns.codes) as code
      where code in (select category_code from wanted_codes)
      group by ns.municipality_code, code
    ),
    complex_pairs as (
      select distinct r.category_code, r.municipality_code, r.service_id
      from (${reachingServices(sql`pairs`, radiusKm)}) r
      where r.service_id in (select service_id from complex)
    ),
    by_complex as (
      select cp.municipality_code, cp.category_code, ${sums}
      from complex_pairs cp join service_offers s on s.id = cp.service_id
      group by cp.municipality_code, cp.category_code
    ),
    supply as (
      select p.category_code, p.municipality_code as zone_key,
        sum(part.service_count)::int as service_count, sum(part.unknown_capacity_count)::int as unknown_capacity_count,
        sum(part.free_capacity)::int as free_capacity, min(part.oldest_confirmed_on) as oldest_confirmed_on
      from pairs p
      join (select * from by_district union all select * from by_area_municipality union all select * from by_location
            union all select * from by_complex) part
        on part.category_code = p.category_code and part.municipality_code = p.municipality_code
      group by p.category_code, p.municipality_code
    )`;
}

/**
 * Supply per (category, municipality) read from the services module's stored supply (ADR 0018), kept by every service
 * write for the radii the page offers: the same numbers as municipalitySupply without measuring a distance.
 */
function storedMunicipalitySupply(radiusKm: number): SQL {
  return sql`supply as (
      select p.category_code, p.municipality_code as zone_key, ss.service_count, ss.unknown_capacity_count,
        ss.free_capacity::int as free_capacity, ss.oldest_confirmed_on
      from pairs p
      join service_supply_totals ss on ss.radius_km = ${radiusKm} and ss.municipality_code = p.municipality_code and ss.category_code = p.category_code
    )`;
}

/** Where a coverage query takes its supply from: the stored sums, or the rule computed over the services now. */
export type SupplySource = 'stored' | 'computed';

export type CoverageRow = {
  category_code: string;
  category_label: string | null;
  /** The category's English label, for a reader of English (null where the taxonomy lacks the code). */
  category_label_en: string | null;
  target_group: string;
  zone_key: string;
  zone_label: string;
  municipality_codes: string[];
  need_count: number;
  organization_count: number;
  people_count: number;
  mean_relevance: number | null;
  recent_people: number;
  previous_people: number;
  service_count: number;
  unknown_capacity_count: number;
  free_capacity: number;
  oldest_confirmed_on: string | null;
}

/**
 * The aggregated demand and its supply for every group (category × target group × zone) in one statement. Supply is
 * per category × zone (the services a group's target group could use are the same): a service counts once per zone however many ways it reaches it, and with its whole free capacity in every group it
 * can answer: capacity is not allocated between groups (ADR 0015).
 */
export async function selectDemandCoverage(
  database: Database,
  scope: DemandScope & { radiusKm: number; periodDays: number; today: string; supply: SupplySource },
): Promise<CoverageRow[]> {
  // Millions of (group, service) rows at regional scale: give this statement (only) enough memory to hash and sort
  // them without spilling to disk (SET LOCAL, inside its own read transaction).
  return database.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    // Every join here is an equality on keys the planner cannot know are unique per side; measured at 100,000 needs it
    // picked merge joins that rescanned 46 million rows. Hash joins are right for all of them.
    await tx.execute(sql`set local enable_mergejoin = off`);
    // PostgreSQL's JIT compiled this statement's ~560 expressions for 4 s out of 22 (EXPLAIN at Piemonte scale): off.
    await tx.execute(sql`set local jit = off`);
    // Let parallel workers find and sum the (municipality, place) pairs: the municipalities table is too small for a
    // parallel scan by default, and with the default tuple cost the planner gathered 3.6 million pairs to the leader
    // instead of summing them in the workers. PGlite runs no workers; these settings change nothing there.
    await tx.execute(sql`set local min_parallel_table_scan_size = 0`);
    await tx.execute(sql`set local parallel_tuple_cost = 1`);
    return selectDemandCoverageOn(tx, scope);
  });
}

async function selectDemandCoverageOn(
  db: DbExecutor,
  scope: DemandScope & { radiusKm: number; periodDays: number; today: string; supply: SupplySource },
): Promise<CoverageRow[]> {
  const supply = scope.zoneKind !== 'municipality'
    ? zoneSupply(scope.radiusKm)
    : scope.supply === 'stored' ? storedMunicipalitySupply(scope.radiusKm) : municipalitySupply(scope, scope.radiusKm);
  const result = await db.execute<CoverageRow>(sql`
    with scoped as materialized (${scopedNeeds(scope)}),
    groups as (
      select category_code, target_group, zone_key, min(zone_label) as zone_label,
        count(*)::int as need_count,
        count(distinct organization_id)::int as organization_count,
        sum(people_count)::int as people_count,
        avg(relevance)::float8 as mean_relevance,
        coalesce(sum(people_count) filter (where expressed_on > ${scope.today}::date - ${scope.periodDays}::int), 0)::int as recent_people,
        coalesce(sum(people_count) filter (where expressed_on <= ${scope.today}::date - ${scope.periodDays}::int
                                            and expressed_on > ${scope.today}::date - 2 * ${scope.periodDays}::int), 0)::int as previous_people,
        array_agg(distinct municipality_code) as municipality_codes
      from scoped group by category_code, target_group, zone_key
    ),
    pairs as materialized (select distinct category_code, municipality_code from scoped),
    ${supply}
    select g.*, t.label_it as category_label, t.label_en as category_label_en,
      coalesce(su.service_count, 0) as service_count, coalesce(su.unknown_capacity_count, 0) as unknown_capacity_count,
      coalesce(su.free_capacity, 0) as free_capacity, su.oldest_confirmed_on
    from groups g
    left join supply su on su.category_code = g.category_code and su.zone_key = g.zone_key
    left join service_category_labels t on t.code = g.category_code
    order by g.category_code, g.target_group, g.zone_label`);
  return result.rows;
}

export type GroupNeedRow = {
  id: string;
  organization_id: string | null;
  organization_name: string | null;
  municipality_code: string;
  municipality_name: string;
  target_group: string;
  people_count: number;
  relevance: number | null;
  expressed_on: string;
  description: string;
  zone_label: string;
}

/** The open needs of one group (the "why" of its demand numbers). */
export async function selectGroupNeeds(db: DbExecutor, scope: DemandScope): Promise<GroupNeedRow[]> {
  const result = await db.execute<GroupNeedRow>(sql`
    select q.id, q.organization_id, o.legal_name as organization_name, q.municipality_code, m.name as municipality_name,
      q.target_group, q.people_count, q.relevance, q.expressed_on, n.description, q.zone_label
    from (${scopedNeeds({ ...scope, exactCategory: true })}) q
    join open_needs n on n.id = q.id
    join municipalities m on m.istat_code = q.municipality_code
    left join organization_names o on o.id = q.organization_id
    order by q.expressed_on desc, q.id`);
  return result.rows;
}

export type CandidateServiceRow = {
  id: string;
  name: string;
  organization_id: string;
  provider_name: string;
  provider_email: string | null;
  reached_by: 'area_district' | 'area_municipality' | 'location';
  distance_km: number;
  capacity_free: number | null;
  capacity_unit: string | null;
  confirmed_on: string;
  target_groups: string[];
  open_to: string[];
  cost_kind: string;
  cost_cents: number | null;
}

/**
 * The services one group's numbers consider (those of its category reaching a municipality of its zone where the
 * category has open needs, whatever the target group), each once with its best way of reaching (area first, then nearest).
 */
export async function selectGroupServices(db: DbExecutor, scope: DemandScope & { radiusKm: number }): Promise<CandidateServiceRow[]> {
  const result = await db.execute<CandidateServiceRow>(sql`
    with scoped as materialized (${scopedNeeds({ ...scope, targetGroup: undefined, exactCategory: true })}),
    pairs as materialized (select distinct category_code, municipality_code from scoped),
    reach as (${reachingServices(sql`pairs`, scope.radiusKm)}),
    best as (
      select distinct on (service_id) service_id, reached_by, distance_km from reach
      order by service_id, case reached_by when 'area_district' then 0 when 'area_municipality' then 1 else 2 end, distance_km
    )
    select s.id, s.name, s.organization_id, o.legal_name as provider_name, o.email as provider_email, b.reached_by,
      case when b.reached_by = 'location' then b.distance_km else 0 end as distance_km,
      s.capacity_free, s.capacity_unit, s.confirmed_on, s.target_groups, s.open_to, s.cost_kind, s.cost_cents
    from best b join service_offers s on s.id = b.service_id join organization_names o on o.id = s.organization_id
    order by s.capacity_free desc nulls last, s.name`);
  return result.rows;
}

/**
 * The naive way, for the benchmark baseline: the supply of one group, found with one query for that group (the same
 * rule, with the same indexes, for a single (category, municipality)).
 */
export async function selectGroupSupplyNaive(
  db: DbExecutor,
  group: { categoryCode: string; municipalityCode: string; radiusKm: number },
): Promise<{ service_count: number; free_capacity: number }> {
  const pair = sql`(select ${group.categoryCode}::text as category_code, ${group.municipalityCode}::text as municipality_code)`;
  const result = await db.execute<{ service_count: number; free_capacity: number }>(sql`
    with reach as (${reachingServices(pair, group.radiusKm)})
    select count(*)::int as service_count, coalesce(sum(s.capacity_free), 0)::int as free_capacity
    from service_offers s where s.id in (select service_id from reach)`);
  return result.rows[0]!;
}

/** Which of these organizations are current members of the district (any role). */
export async function selectDistrictMemberOrganizations(db: DbExecutor, districtId: string, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const result = await db.execute<{ organization_id: string }>(sql`
    select distinct organization_id from current_district_memberships
    where district_id = ${districtId}::uuid
      and organization_id = any(${sql.param(organizationIds)}::uuid[])`);
  return result.rows.map((row) => row.organization_id);
}

export async function selectZoning(db: DbExecutor, zoningId: string): Promise<{ id: string } | null> {
  // Through the zones it draws: a zoning without a zone is no map to group needs by.
  const result = await db.execute<{ id: string }>(sql`select zoning_id as id from zone_areas where zoning_id = ${zoningId}::uuid limit 1`);
  return result.rows[0] ?? null;
}

export type DistrictGroupSupplyRow = {
  district_id: string;
  people_count: number;
  service_count: number;
  free_capacity: number;
};

/**
 * Every group (category × target group × municipality) of open demand of several districts at once, with its stored
 * supply at `radiusKm` (ADR 0018): the numbers getDemandCoverage's default view (municipality zones, a stored radius)
 * judges a gap by, for all the districts in one statement instead of one report per district. A municipality in two
 * of the districts gives each its own groups.
 */
export async function selectStoredGroupSupplyOfDistricts(db: DbExecutor, districtIds: string[], radiusKm: number): Promise<DistrictGroupSupplyRow[]> {
  if (districtIds.length === 0) return [];
  const result = await db.execute<DistrictGroupSupplyRow>(sql`
    with groups as (
      select dm.district_id, n.category_code, n.target_group, n.municipality_code, sum(n.people_count)::int as people_count
      from open_needs n
      join district_municipalities dm on dm.municipality_code = n.municipality_code and dm.district_id = any(${sql.param(districtIds)}::uuid[])
      join municipalities m on m.istat_code = n.municipality_code
      group by dm.district_id, n.category_code, n.target_group, n.municipality_code
    )
    select g.district_id::text as district_id, g.people_count, coalesce(ss.service_count, 0)::int as service_count,
      coalesce(ss.free_capacity, 0)::int as free_capacity
    from groups g
    left join service_supply_totals ss on ss.radius_km = ${radiusKm} and ss.municipality_code = g.municipality_code and ss.category_code = g.category_code`);
  return result.rows;
}
