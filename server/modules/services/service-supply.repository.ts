import { sql, type SQL } from 'drizzle-orm';
import { haversineKmSql, KM_PER_DEGREE_LATITUDE, longitudeDeltaSql } from '../../platform/db/geo-sql';
import type { DbExecutor } from '../../platform/db/database';

// The stored supply of migration 202611220600 (ADR 0018). One rule, written three times for three sizes of work and
// checked equal by service-supply.test.ts: which active services reach a municipality — their area district holds
// it, it is among their area municipalities, one of their places is in it, or one of their places lies within the
// radius of its representative point (haversine, the same expression as the matching module's live computation).

const supplySums = sql`count(*)::int, (count(*) filter (where s.capacity_free is null))::int, coalesce(sum(s.capacity_free), 0),
  min(s.confirmed_on)`;
const supplyColumns = sql`(radius_km, municipality_code, category_code, service_count, unknown_capacity_count, free_capacity, oldest_confirmed_on)`;

/** A service's state as the stored supply counts it. */
export type SupplyServiceRow = { id: string; status: string; capacity_free: number | null; confirmed_on: string; category_codes: string[] };
/**
 * A municipality a service reaches: `direct` when its area district or area municipalities hold it or one of its
 * places is in it, and `near_km` the distance from its nearest place to the municipality's point (when within the
 * largest stored radius).
 */
export type SupplyReachRow = { service_id: string; municipality_code: string; direct: boolean; near_km: number | null };

/**
 * The services as the stored supply counts them, and where they reach up to `maxRadiusKm` (places read from the copies
 * on the service row; the distance is the same haversine expression, same argument order, as the rule's).
 */
export async function selectSupplyContributions(
  db: DbExecutor,
  serviceIds: string[],
  maxRadiusKm: number,
): Promise<{ services: SupplyServiceRow[]; reach: SupplyReachRow[] }> {
  if (serviceIds.length === 0) return { services: [], reach: [] };
  const ids = sql`${sql.param(serviceIds)}::uuid[]`;
  const services = await db.execute<SupplyServiceRow>(sql`
    select id, status, capacity_free, confirmed_on::text as confirmed_on, category_codes from services where id = any(${ids})`);
  const distance = haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`p.latitude`, sql`p.longitude`);
  const reach = await db.execute<SupplyReachRow>(sql`
    select reach.service_id, reach.municipality_code, bool_or(reach.direct) as direct, min(reach.near_km)::float8 as near_km
    from (
      select s.id as service_id, pm.istat_code as municipality_code, false as direct, ${distance} as near_km
      from services s
      cross join lateral unnest(s.location_latitudes, s.location_longitudes) as p(latitude, longitude)
      join municipalities pm
        on pm.point_lat between p.latitude - ${maxRadiusKm / KM_PER_DEGREE_LATITUDE}::float8 and p.latitude + ${maxRadiusKm / KM_PER_DEGREE_LATITUDE}::float8
       and pm.point_lng between p.longitude - ${longitudeDeltaSql(maxRadiusKm, sql`p.latitude`)} and p.longitude + ${longitudeDeltaSql(maxRadiusKm, sql`p.latitude`)}
      where s.id = any(${ids}) and ${distance} <= ${maxRadiusKm}::float8
      union all
      select s.id, dm.municipality_code, true, null from services s join district_area_municipalities dm on dm.district_id = s.service_area_district_id
      where s.id = any(${ids})
      union all
      select sam.service_id, sam.municipality_code, true, null from service_area_municipalities sam where sam.service_id = any(${ids})
      union all
      select sal.service_id, l.municipality_code, true, null from service_at_locations sal join service_locations l on l.id = sal.location_id
      where sal.service_id = any(${ids})
    ) reach
    group by reach.service_id, reach.municipality_code`);
  return {
    services: services.rows,
    reach: reach.rows.map((row) => ({ ...row, near_km: row.near_km === null ? null : Number(row.near_km) })),
  };
}

/** Whether any service has the district as its area (then a change of its municipalities changes the supply). */
export async function selectDistrictHasAreaServices(db: DbExecutor, districtId: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`
    select exists (select 1 from services where service_area_district_id = ${districtId}::uuid) as found`);
  return Boolean(result.rows[0]?.found);
}

/** The change a write makes to one key: counts and free places to add (negative to take away), oldest date added. */
export type SupplyDelta = {
  municipalityCode: string;
  categoryCode: string;
  serviceCount: number;
  unknownCapacityCount: number;
  freeCapacity: number;
  /** The oldest confirmation among the services the write adds to the key, if any. */
  addedOldestConfirmedOn: string | null;
};

/**
 * Adds the deltas to the stored keys at one radius (a key not stored yet starts from them), atomically per row, so
 * concurrent writes to the same key both count; deletes the keys left without services. Returns each key's oldest
 * confirmation afterwards (`least` of the stored and the added one: correct unless the oldest service left, which
 * the caller checks).
 */
export async function addSupplyDeltas(
  db: DbExecutor,
  radiusKm: number,
  deltas: SupplyDelta[],
): Promise<{ municipality_code: string; category_code: string; service_count: number; oldest_confirmed_on: string | null }[]> {
  if (deltas.length === 0) return [];
  const column = <T>(pick: (delta: SupplyDelta) => T) => sql.param(deltas.map(pick));
  const result = await db.execute<{ municipality_code: string; category_code: string; service_count: number; oldest_confirmed_on: string | null }>(sql`
    insert into service_supply ${supplyColumns}
    select ${radiusKm}, d.municipality_code, d.category_code, d.service_count, d.unknown_capacity_count, d.free_capacity, d.oldest_confirmed_on
    from unnest(${column((d) => d.municipalityCode)}::text[], ${column((d) => d.categoryCode)}::text[], ${column((d) => d.serviceCount)}::int[],
                ${column((d) => d.unknownCapacityCount)}::int[], ${column((d) => d.freeCapacity)}::bigint[], ${column((d) => d.addedOldestConfirmedOn)}::date[])
      as d(municipality_code, category_code, service_count, unknown_capacity_count, free_capacity, oldest_confirmed_on)
    -- Rows are locked in key order, the same in every writer: two writes near each other wait, never deadlock.
    order by d.municipality_code, d.category_code
    on conflict (radius_km, municipality_code, category_code) do update set
      service_count = service_supply.service_count + excluded.service_count,
      unknown_capacity_count = service_supply.unknown_capacity_count + excluded.unknown_capacity_count,
      free_capacity = service_supply.free_capacity + excluded.free_capacity,
      oldest_confirmed_on = least(service_supply.oldest_confirmed_on, excluded.oldest_confirmed_on)
    returning municipality_code, category_code, service_count, oldest_confirmed_on::text as oldest_confirmed_on`);
  await db.execute(sql`delete from service_supply where radius_km = ${radiusKm} and service_count <= 0
    and (municipality_code, category_code) in (select * from unnest(${column((d) => d.municipalityCode)}::text[], ${column((d) => d.categoryCode)}::text[]))`);
  return result.rows;
}

/**
 * The fine grid cells (as `service_point_cells` numbers them) of the box that holds the circle of `radiusKm` around
 * the municipality `pm`: a superset of the cells of the places within the radius, for the GIN index on
 * `services.location_cells`. No wrap at ±180° (Italian municipalities are far from it).
 */
function fineCellsAroundMunicipality(radiusKm: number): SQL {
  const deltaLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  const deltaLng = longitudeDeltaSql(radiusKm, sql`pm.point_lat`);
  return sql`(select array_agg((i + 900) * 3601 + (j + 1800))
    from generate_series(floor((pm.point_lat - ${deltaLat}::float8) * 10)::int, floor((pm.point_lat + ${deltaLat}::float8) * 10)::int) as i
    cross join generate_series(floor((pm.point_lng - ${deltaLng}) * 10)::int, floor((pm.point_lng + ${deltaLng}) * 10)::int) as j)`;
}

/**
 * Recomputes the stored supply of the given (municipality, category) keys at one radius from the services
 * themselves: for each key, the services of that category with a place in the key's cells (both GIN indexes) within
 * the radius, plus those whose area or a place holds the municipality. Tens of milliseconds a key at regional density
 * (a thousand services within 20 km): only for keys whose oldest confirmation may have left.
 */
export async function recomputeSupplyKeys(db: DbExecutor, radiusKm: number, keys: { municipalityCode: string; categoryCode: string }[]): Promise<void> {
  if (keys.length === 0) return;
  const municipalities = sql`${sql.param(keys.map((key) => key.municipalityCode))}::text[]`;
  const categories = sql`${sql.param(keys.map((key) => key.categoryCode))}::text[]`;
  await db.execute(sql`
    delete from service_supply ss
    using unnest(${municipalities}, ${categories}) as k(municipality_code, category_code)
    where ss.radius_km = ${radiusKm} and ss.municipality_code = k.municipality_code and ss.category_code = k.category_code`);
  // Each branch filters and reads its services itself, so the planner looks them up by key instead of scanning every
  // service of the category once per key; UNION keeps each service once (its row is the same in every branch).
  const active = sql`s.status = 'active' and s.category_codes @> array[k.category_code]`;
  const near = radiusKm > 0
    ? sql`select s.id, s.capacity_free, s.confirmed_on from services s
        where pm.point_lat is not null and ${active} and s.location_cells && ${fineCellsAroundMunicipality(radiusKm)}
          and exists (select 1 from unnest(s.location_latitudes, s.location_longitudes) as p(latitude, longitude)
                      where ${haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`p.latitude`, sql`p.longitude`)} <= ${radiusKm}::float8)
        union`
    : sql``;
  await db.execute(sql`
    insert into service_supply ${supplyColumns}
    select ${radiusKm}, k.municipality_code, k.category_code, count(*)::int, (count(*) filter (where reach.capacity_free is null))::int,
      coalesce(sum(reach.capacity_free), 0), min(reach.confirmed_on)
    from (select distinct municipality_code, category_code from unnest(${municipalities}, ${categories}) as u(municipality_code, category_code)) k
    join municipalities pm on pm.istat_code = k.municipality_code
    cross join lateral (
      ${near}
      select s.id, s.capacity_free, s.confirmed_on from service_area_municipalities sam join services s on s.id = sam.service_id
      where sam.municipality_code = k.municipality_code and ${active}
      union
      select s.id, s.capacity_free, s.confirmed_on from district_area_municipalities dm join services s on s.service_area_district_id = dm.district_id
      where dm.municipality_code = k.municipality_code and ${active}
      union
      select s.id, s.capacity_free, s.confirmed_on from service_locations l
      join service_at_locations sal on sal.location_id = l.id join services s on s.id = sal.service_id
      where l.municipality_code = k.municipality_code and ${active}
    ) as reach(id, capacity_free, confirmed_on)
    group by k.municipality_code, k.category_code`);
}

/**
 * Recomputes every category of the given municipalities at one radius, set-based: the (municipality, place) pairs
 * within the radius found on the places' (latitude, longitude) btree, each service once per municipality, then
 * summed per code. For a rebuild, or a district's area change (the municipalities that joined or left it).
 */
export async function recomputeSupplyOfMunicipalities(db: DbExecutor, radiusKm: number, municipalityCodes: string[]): Promise<void> {
  if (municipalityCodes.length === 0) return;
  const codes = sql`${sql.param(municipalityCodes)}::text[]`;
  await db.execute(sql`delete from service_supply where radius_km = ${radiusKm} and municipality_code = any(${codes})`);
  const deltaLat = radiusKm / KM_PER_DEGREE_LATITUDE;
  const near = radiusKm > 0
    ? sql`select pm.istat_code as municipality_code, sal.service_id
        from municipalities pm
        join service_locations l
          on l.latitude between pm.point_lat - ${deltaLat}::float8 and pm.point_lat + ${deltaLat}::float8
         and l.longitude between pm.point_lng - ${longitudeDeltaSql(radiusKm, sql`pm.point_lat`)} and pm.point_lng + ${longitudeDeltaSql(radiusKm, sql`pm.point_lat`)}
        join service_at_locations sal on sal.location_id = l.id
        where pm.istat_code = any(${codes}) and pm.point_lat is not null
          and ${haversineKmSql(sql`pm.point_lat`, sql`pm.point_lng`, sql`l.latitude`, sql`l.longitude`)} <= ${radiusKm}::float8
        union`
    : sql``;
  await db.execute(sql`
    insert into service_supply ${supplyColumns}
    select ${radiusKm}, reach.municipality_code, code, ${supplySums}
    from (
      ${near}
      select dm.municipality_code, s.id from district_area_municipalities dm join services s on s.service_area_district_id = dm.district_id
      where dm.municipality_code = any(${codes})
      union
      select sam.municipality_code, sam.service_id from service_area_municipalities sam where sam.municipality_code = any(${codes})
      union
      select l.municipality_code, sal.service_id from service_locations l join service_at_locations sal on sal.location_id = l.id
      where l.municipality_code = any(${codes})
    ) as reach(municipality_code, service_id)
    join services s on s.id = reach.service_id and s.status = 'active'
    cross join lateral unnest(s.category_codes) as code
    group by reach.municipality_code, code`);
}

export async function selectAllMunicipalityCodes(db: DbExecutor): Promise<string[]> {
  const result = await db.execute<{ istat_code: string }>(sql`select istat_code from municipalities order by istat_code`);
  return result.rows.map((row) => row.istat_code);
}

export async function countServices(db: DbExecutor): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from services`);
  return Number(result.rows[0]!.n);
}

export type StoredSupplyRow = {
  radius_km: number;
  municipality_code: string;
  category_code: string;
  service_count: number;
  unknown_capacity_count: number;
  free_capacity: number;
  oldest_confirmed_on: string | null;
};

/** Every stored row, in key order (for tests and the consistency check). */
export async function selectStoredSupply(db: DbExecutor): Promise<StoredSupplyRow[]> {
  const result = await db.execute<StoredSupplyRow>(sql`
    select radius_km, municipality_code, category_code, service_count, unknown_capacity_count, free_capacity::float8 as free_capacity,
      oldest_confirmed_on::text as oldest_confirmed_on
    from service_supply order by radius_km, municipality_code, category_code`);
  return result.rows.map((row) => ({ ...row, free_capacity: Number(row.free_capacity) }));
}

/** Drops the stored supply of suppressed municipality codes (derived data: their successors are recomputed). */
export async function deleteSupplyOfMunicipalities(db: DbExecutor, municipalityCodes: string[]): Promise<number> {
  if (municipalityCodes.length === 0) return 0;
  const result = await db.execute<{ n: number }>(sql`
    delete from service_supply where municipality_code = any(${sql.param(municipalityCodes)}::text[]) returning 1 as n`);
  return result.rows.length;
}

/** Per municipality code, how many stored supply rows still name it (a code move's check that nothing was left). */
export async function countSupplyRowsOfMunicipalities(db: DbExecutor, municipalityCodes: string[]): Promise<Record<string, number>> {
  const result = await db.execute<{ code: string; n: number }>(sql`
    select municipality_code as code, count(*)::int as n from service_supply
    where municipality_code = any(${sql.param(municipalityCodes)}::text[]) group by 1`);
  return Object.fromEntries(result.rows.map((row) => [row.code, row.n]));
}
