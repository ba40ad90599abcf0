/**
 * The territory module's only SQL. Reads take the database or a transaction (`DbExecutor`); writes are called by
 * the import inside its single transaction.
 */
import { asc, count, desc, eq, sql, sum, type SQL } from 'drizzle-orm';
import type {
  MunicipalityCodeResolution,
  TMunicipality,
  TMunicipalitySummary,
  TProvince,
  TRegion,
  TTerritoryImportReport,
} from '../../../common/contracts/territory';
import type { DbExecutor } from '../../platform/db/database';
import { haversineKmSql, KM_PER_DEGREE_LATITUDE, longitudeDeltaSql } from '../../platform/db/geo-sql';
import type { MunicipalityCodeVariation, MunicipalityVariationReason } from './municipality-code-history';
import type { MunicipalityRecord, ProvinceRecord, RegionRecord } from './territory-source';
import { municipalities, provinces, regions, territoryImports } from './territory.schema';

export interface TerritoryCounts {
  regions: number;
  provinces: number;
  municipalities: number;
  withBoundary: number;
}

/** Rows per multi-row upsert: ~500 municipalities with boundaries is a few hundred kB per statement. */
export const UPSERT_BATCH_SIZE = 500;

// Bulk writes send one JSON array per statement and let PostgreSQL unpack it with json_to_recordset: one bound
// parameter instead of thousands, and the same SQL on PGlite and on a server.

export async function upsertRegions(tx: DbExecutor, rows: RegionRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into regions (code, name, bbox)
    select code, name, bbox from json_to_recordset(${JSON.stringify(rows)}::json) as r(code text, name text, bbox float8[])
    on conflict (code) do update set name = excluded.name, bbox = excluded.bbox
      where (regions.name, regions.bbox) is distinct from (excluded.name, excluded.bbox)`);
}

export async function upsertProvinces(tx: DbExecutor, rows: ProvinceRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into provinces (code, name, abbreviation, region_code, bbox)
    select code, name, abbreviation, "regionCode", bbox
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(code text, name text, abbreviation text, "regionCode" text, bbox float8[])
    on conflict (code) do update
      set name = excluded.name, abbreviation = excluded.abbreviation, region_code = excluded.region_code, bbox = excluded.bbox
      where (provinces.name, provinces.abbreviation, provinces.region_code, provinces.bbox)
        is distinct from (excluded.name, excluded.abbreviation, excluded.region_code, excluded.bbox)`);
}

/** Upserts one batch; rows whose every column is unchanged are left alone, so a re-import writes (almost) nothing. */
export async function upsertMunicipalities(tx: DbExecutor, rows: MunicipalityRecord[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((row) => ({
    istat_code: row.istatCode,
    name: row.name,
    name_folded: row.nameFolded,
    cadastral_code: row.cadastralCode,
    province_code: row.provinceCode,
    population: row.population,
    point_lat: row.point?.lat ?? null,
    point_lng: row.point?.lng ?? null,
    bbox: row.bbox,
    boundary: row.boundary,
    reconciliation_note: row.reconciliationNote,
    fiscal_code: row.fiscalCode,
  }));
  await tx.execute(sql`
    insert into municipalities (istat_code, name, name_folded, cadastral_code, province_code, population,
                                point_lat, point_lng, bbox, boundary, reconciliation_note, fiscal_code)
    select istat_code, name, name_folded, cadastral_code, province_code, population,
           point_lat, point_lng, bbox, boundary, reconciliation_note, fiscal_code
    from json_to_recordset(${JSON.stringify(payload)}::json) as r(
      istat_code text, name text, name_folded text, cadastral_code text, province_code text, population int,
      point_lat float8, point_lng float8, bbox float8[], boundary jsonb, reconciliation_note text, fiscal_code text)
    on conflict (istat_code) do update set
      name = excluded.name, name_folded = excluded.name_folded, cadastral_code = excluded.cadastral_code,
      province_code = excluded.province_code, population = excluded.population, point_lat = excluded.point_lat,
      point_lng = excluded.point_lng, bbox = excluded.bbox, boundary = excluded.boundary,
      reconciliation_note = excluded.reconciliation_note, fiscal_code = excluded.fiscal_code
    where (municipalities.name, municipalities.name_folded, municipalities.cadastral_code, municipalities.province_code,
           municipalities.population, municipalities.point_lat, municipalities.point_lng, municipalities.bbox,
           municipalities.boundary, municipalities.reconciliation_note, municipalities.fiscal_code)
      is distinct from (excluded.name, excluded.name_folded, excluded.cadastral_code, excluded.province_code,
           excluded.population, excluded.point_lat, excluded.point_lng, excluded.bbox, excluded.boundary,
           excluded.reconciliation_note, excluded.fiscal_code)`);
}

/**
 * Writes the history of codes: the variations of the sources replace the stored ones (one statement each way), so
 * a re-import of the same files changes nothing and a newer history drops nothing it still holds.
 */
export async function replaceCodeVariations(tx: DbExecutor, rows: MunicipalityCodeVariation[]): Promise<void> {
  await tx.execute(sql`
    delete from municipality_code_variations
    where suppressed_code not in (select value from json_array_elements_text(${JSON.stringify(rows.map((row) => row.suppressedCode))}::json))`);
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into municipality_code_variations (suppressed_code, suppressed_name, province_code, ceased_on, successor_code,
                                              successor_name, reason)
    select "suppressedCode", "suppressedName", "provinceCode", "ceasedOn", "successorCode", "successorName", reason
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      "suppressedCode" text, "suppressedName" text, "provinceCode" text, "ceasedOn" date, "successorCode" text,
      "successorName" text, reason text)
    on conflict (suppressed_code) do update set
      suppressed_name = excluded.suppressed_name, province_code = excluded.province_code, ceased_on = excluded.ceased_on,
      successor_code = excluded.successor_code, successor_name = excluded.successor_name, reason = excluded.reason
    where (municipality_code_variations.suppressed_name, municipality_code_variations.province_code,
           municipality_code_variations.ceased_on, municipality_code_variations.successor_code,
           municipality_code_variations.successor_name, municipality_code_variations.reason)
      is distinct from (excluded.suppressed_name, excluded.province_code, excluded.ceased_on, excluded.successor_code,
           excluded.successor_name, excluded.reason)`);
}

export async function countCodeVariations(db: DbExecutor): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from municipality_code_variations`);
  return result.rows[0]!.n;
}

/**
 * What each code names today, in one statement: a current municipality first (a code the table holds), else its
 * variation. A code in neither is left out (the caller reports it as unknown).
 */
export async function selectCodeResolutions(db: DbExecutor, codes: readonly string[]): Promise<MunicipalityCodeResolution[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{
    code: string;
    current_name: string | null;
    suppressed_name: string | null;
    ceased_on: string | null;
    successor_code: string | null;
    successor_name: string | null;
    reason: MunicipalityVariationReason | null;
  }>(sql`
    select c.code, m.name as current_name, v.suppressed_name, to_char(v.ceased_on, 'YYYY-MM-DD') as ceased_on,
           v.successor_code, coalesce(s.name, v.successor_name) as successor_name, v.reason
    from (select distinct value as code from json_array_elements_text(${JSON.stringify(codes)}::json)) as c
    left join municipalities m on m.istat_code = c.code
    left join municipality_code_variations v on v.suppressed_code = c.code
    left join municipalities s on s.istat_code = v.successor_code
    where m.istat_code is not null or v.suppressed_code is not null`);
  return result.rows.map((row): MunicipalityCodeResolution => {
    if (row.current_name !== null) return { kind: 'current', code: row.code, name: row.current_name };
    if (row.successor_code !== null && row.successor_name !== null && row.reason !== 'successor_unknown' && row.reason !== null) {
      return {
        kind: 'succeeded',
        code: row.code,
        name: row.suppressed_name!,
        successorCode: row.successor_code,
        successorName: row.successor_name,
        on: row.ceased_on,
        reason: row.reason,
      };
    }
    return { kind: 'ceased', code: row.code, name: row.suppressed_name!, ceasedOn: row.ceased_on };
  });
}

/**
 * Refreshes the planner's statistics after a bulk load. PostgreSQL's autovacuum would get to it eventually; the
 * embedded PGlite has none, and without statistics the planner scans instead of using the name indexes.
 */
export async function analyzeTerritory(tx: DbExecutor): Promise<void> {
  await tx.execute(sql`analyze regions, provinces, municipalities, municipality_code_variations`);
}

export async function insertTerritoryImport(tx: DbExecutor, report: TTerritoryImportReport): Promise<number> {
  const [row] = await tx
    .insert(territoryImports)
    .values({ importedAt: new Date(report.importedAt), report })
    .returning({ id: territoryImports.id });
  return row!.id;
}

export async function countTerritory(db: DbExecutor): Promise<TerritoryCounts> {
  const result = await db.execute<{ regions: number; provinces: number; municipalities: number; with_boundary: number }>(sql`
    select (select count(*)::int from regions) as regions,
           (select count(*)::int from provinces) as provinces,
           (select count(*)::int from municipalities) as municipalities,
           (select count(*)::int from municipalities where boundary is not null) as with_boundary`);
  const row = result.rows[0]!;
  return { regions: row.regions, provinces: row.provinces, municipalities: row.municipalities, withBoundary: row.with_boundary };
}

export async function hasMunicipalities(db: DbExecutor): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`select exists (select 1 from municipalities) as found`);
  return result.rows[0]!.found;
}

export async function latestTerritoryImport(db: DbExecutor): Promise<TTerritoryImportReport | null> {
  const [row] = await db
    .select({ report: territoryImports.report })
    .from(territoryImports)
    .orderBy(desc(territoryImports.id))
    .limit(1);
  return row?.report ?? null;
}

export async function selectRegions(db: DbExecutor): Promise<TRegion[]> {
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      bbox: regions.bbox,
      population: sql<number>`coalesce(${sum(municipalities.population)}, 0)::int8`.mapWith(Number),
      municipalityCount: count(municipalities.istatCode),
    })
    .from(regions)
    .leftJoin(provinces, eq(provinces.regionCode, regions.code))
    .leftJoin(municipalities, eq(municipalities.provinceCode, provinces.code))
    .groupBy(regions.code)
    .orderBy(asc(regions.code));
  return rows.map((row) => ({ ...row, bbox: row.bbox ?? null }));
}

export async function selectProvinces(db: DbExecutor, filter: { regionCode?: string }): Promise<TProvince[]> {
  const rows = await db
    .select({
      code: provinces.code,
      name: provinces.name,
      abbreviation: provinces.abbreviation,
      regionCode: provinces.regionCode,
      bbox: provinces.bbox,
      population: sql<number>`coalesce(${sum(municipalities.population)}, 0)::int8`.mapWith(Number),
      municipalityCount: count(municipalities.istatCode),
    })
    .from(provinces)
    .leftJoin(municipalities, eq(municipalities.provinceCode, provinces.code))
    .where(filter.regionCode ? eq(provinces.regionCode, filter.regionCode) : undefined)
    .groupBy(provinces.code)
    .orderBy(asc(provinces.code));
  return rows.map((row) => ({ ...row, bbox: row.bbox ?? null }));
}

export async function regionExists(db: DbExecutor, code: string): Promise<boolean> {
  const rows = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return rows.length > 0;
}

export async function provinceExists(db: DbExecutor, code: string): Promise<boolean> {
  const rows = await db.select({ code: provinces.code }).from(provinces).where(eq(provinces.code, code));
  return rows.length > 0;
}

/** Position of a search result in the result order; the keyset cursor is the last one of a page. */
export interface SearchSortKey {
  /** 0 exact name, 1 name starts with the query, 2 name contains it, 3 similar spelling; 0 when there is no query. */
  rank: number;
  /** For rank 3: (1 − trigram similarity) × 1000, so closer spellings come first; an integer to compare exactly. */
  distance: number;
  nameFolded: string;
  istatCode: string;
}

export interface MunicipalitySearch {
  /** Folded with foldForSearch; empty lists everything by name. */
  query: string;
  /**
   * `text`: names equal to, starting with or containing the query (ranks 0–2), served by the prefix btree and the
   * trigram index. `similar`: the other names whose spelling is close (rank 3, typos), by pg_trgm similarity.
   */
  match: 'text' | 'similar';
  regionCode?: string;
  provinceCode?: string;
  after: SearchSortKey | null;
  limit: number;
}

export interface MunicipalitySearchResult {
  items: TMunicipalitySummary[];
  sortKeys: SearchSortKey[];
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One slice of the search order (see `match`), after a sort key. Similar spellings use both pg_trgm measures:
 * `similarity` catches a typo in a short name (aglei → aglie), `word_similarity` a typo in part of a long one
 * (san giovani → san giovanni in persiceto); their thresholds are pg_trgm's defaults (0.3 and 0.6).
 */
export async function selectMunicipalities(db: DbExecutor, search: MunicipalitySearch): Promise<MunicipalitySearchResult> {
  const filters: SQL[] = [];
  if (search.provinceCode) filters.push(sql`m.province_code = ${search.provinceCode}`);
  if (search.regionCode) filters.push(sql`p.region_code = ${search.regionCode}`);
  let rank: SQL = sql`0`;
  let distance: SQL = sql`0`;
  const q = search.query;
  const contains = `%${escapeLike(q)}%`;
  if (search.match === 'similar') {
    filters.push(sql`(m.name_folded % ${q} or ${q} <% m.name_folded) and m.name_folded not like ${contains}`);
    rank = sql`3`;
    distance = sql`round((1 - greatest(similarity(m.name_folded, ${q}), word_similarity(${q}, m.name_folded))) * 1000)::int`;
  } else if (q !== '') {
    const prefix = `${escapeLike(q)}%`;
    // The prefix condition is implied by the substring one, but spelled out it lets the planner use the btree.
    filters.push(sql`(m.name_folded like ${prefix} or m.name_folded like ${contains})`);
    rank = sql`case when m.name_folded = ${q} then 0 when m.name_folded like ${prefix} then 1 else 2 end`;
  }
  const after = search.after
    ? sql`where (rank, distance, name_folded, istat_code) >
            (${search.after.rank}::int, ${search.after.distance}::int, ${search.after.nameFolded}, ${search.after.istatCode})`
    : sql``;
  const result = await db.execute<{
    rank: number;
    distance: number;
    name_folded: string;
    istat_code: string;
    name: string;
    province_code: string;
    province_abbreviation: string;
    region_code: string;
    region_name: string;
    population: number | null;
  }>(sql`
    select * from (
      select ${rank} as rank, ${distance} as distance, m.name_folded, m.istat_code, m.name, m.province_code,
             p.abbreviation as province_abbreviation, p.region_code, r.name as region_name, m.population
      from municipalities m
      join provinces p on p.code = m.province_code
      join regions r on r.code = p.region_code
      ${filters.length > 0 ? sql`where ${sql.join(filters, sql` and `)}` : sql``}
    ) as ranked
    ${after}
    order by rank, distance, name_folded, istat_code
    limit ${search.limit}`);
  return {
    items: result.rows.map((row) => ({
      istatCode: row.istat_code,
      name: row.name,
      provinceCode: row.province_code,
      provinceAbbreviation: row.province_abbreviation,
      regionCode: row.region_code,
      regionName: row.region_name,
      population: row.population,
    })),
    sortKeys: result.rows.map((row) => ({
      rank: row.rank,
      distance: row.distance,
      nameFolded: row.name_folded,
      istatCode: row.istat_code,
    })),
  };
}

export async function findMunicipality(
  db: DbExecutor,
  istatCode: string,
): Promise<Omit<TMunicipality, 'districts'> | null> {
  const [row] = await db
    .select({
      istatCode: municipalities.istatCode,
      name: municipalities.name,
      cadastralCode: municipalities.cadastralCode,
      provinceCode: municipalities.provinceCode,
      provinceName: provinces.name,
      provinceAbbreviation: provinces.abbreviation,
      regionCode: provinces.regionCode,
      regionName: regions.name,
      population: municipalities.population,
      pointLat: municipalities.pointLat,
      pointLng: municipalities.pointLng,
      bbox: municipalities.bbox,
      hasBoundary: sql<boolean>`${municipalities.boundary} is not null`,
      reconciliationNote: municipalities.reconciliationNote,
    })
    .from(municipalities)
    .innerJoin(provinces, eq(provinces.code, municipalities.provinceCode))
    .innerJoin(regions, eq(regions.code, provinces.regionCode))
    .where(eq(municipalities.istatCode, istatCode));
  if (!row) return null;
  const { pointLat, pointLng, bbox, ...rest } = row;
  return {
    ...rest,
    point: pointLat !== null && pointLng !== null ? { lat: pointLat, lng: pointLng } : null,
    bbox: bbox ?? null,
  };
}

/**
 * The districts a municipality belongs to, read from the views the districts module publishes for this
 * (202612061300_published_views.sql): the dependency stays one-way in code (territory imports nothing from districts).
 */
export async function findMunicipalityDistricts(db: DbExecutor, istatCode: string): Promise<{ id: string; name: string }[]> {
  const result = await db.execute<{ id: string; name: string }>(sql`
    select d.id::text as id, d.name
    from district_area_municipalities dm join district_names d on d.id = dm.district_id
    where dm.municipality_code = ${istatCode}
    order by d.name, d.id`);
  return result.rows;
}

/**
 * The GeoJSON FeatureCollection of a region's or a province's municipalities (those with a boundary), built by
 * PostgreSQL as one text value: megabytes of coordinates go from the table to the socket without Node parsing
 * and re-serializing them.
 */
export async function municipalitiesGeojson(
  db: DbExecutor,
  area: { regionCode: string } | { provinceCode: string },
): Promise<string> {
  const where = 'regionCode' in area ? sql`p.region_code = ${area.regionCode}` : sql`m.province_code = ${area.provinceCode}`;
  const result = await db.execute<{ body: string }>(sql`
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', m.istat_code,
        'properties', json_build_object('istatCode', m.istat_code, 'name', m.name, 'population', m.population),
        'geometry', m.boundary) order by m.istat_code), '[]'::json)
    )::text as body
    from municipalities m join provinces p on p.code = m.province_code
    where m.boundary is not null and ${where}`);
  return result.rows[0]!.body;
}

/**
 * Municipalities of a province whose representative point lies within `radiusKm` of a centre municipality's
 * point: a bounding box the (lat, lng) btree can use, then the exact haversine distance.
 */
export async function selectMunicipalitiesWithinRadius(
  db: DbExecutor,
  centreCode: string,
  radiusKm: number,
  provinceCode: string,
): Promise<{ istatCode: string; distanceKm: number }[]> {
  const result = await db.execute<{ istat_code: string; distance_km: number }>(sql`
    with centre as (select point_lat as lat, point_lng as lng from municipalities where istat_code = ${centreCode}),
    box as (
      select lat, lng, ${radiusKm / KM_PER_DEGREE_LATITUDE}::float8 as dlat, ${longitudeDeltaSql(radiusKm, sql`lat`)} as dlng
      from centre
    )
    select m.istat_code,
           ${haversineKmSql(sql`box.lat`, sql`box.lng`, sql`m.point_lat`, sql`m.point_lng`)} as distance_km
    from municipalities m, box
    where m.point_lat between box.lat - box.dlat and box.lat + box.dlat
      and m.point_lng between box.lng - box.dlng and box.lng + box.dlng
      and m.province_code = ${provinceCode}
    order by distance_km`);
  return result.rows
    .filter((row) => row.distance_km <= radiusKm)
    .map((row) => ({ istatCode: row.istat_code, distanceKm: row.distance_km }));
}
