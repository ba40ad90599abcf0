/**
 * The zonings module's only SQL. Reads join the territory tables (reference data), the organizations table (the
 * body running a zone) and, for the comparison with the district map, the views the districts module publishes
 * (district_area_municipalities, district_names): one query where going
 * through those modules would be one call per municipality.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TAlignment, TAlignmentScores, TBreakingMunicipality, TCrosswalkRow, TZone, TZoning, TZoningMunicipality, TZoningSummary } from '../../../common/contracts/zonings';
import type { DbExecutor } from '../../platform/db/database';
import type { KnownMunicipality, ZoneToWrite } from './check-zoning-rows';
import { zones, zonings } from './zonings.schema';

export type ZoningRow = typeof zonings.$inferSelect;
export type ZoneRow = typeof zones.$inferSelect;

/** One side of a comparison: a zoning, or the districts (each district a zone). */
export type AlignmentSource = { kind: 'zoning'; id: string } | { kind: 'districts' };

type SummaryRow = {
  id: string;
  name: string;
  domain: TZoningSummary['domain'];
  source: string;
  reference_date: string | null;
  description: string;
  coverage: TZoningSummary['coverage'];
  region_codes: string[];
  is_demo: boolean;
  licence: string;
  zone_count: number;
  municipality_count: number;
  population: number;
};

const summaryColumns = sql`
  zg.id, zg.name, zg.domain, zg.source, zg.reference_date, zg.description, zg.coverage, zg.region_codes, zg.is_demo, zg.licence,
  (select count(*) from zones z where z.zoning_id = zg.id) as zone_count,
  (select count(distinct zm.municipality_code) from zone_municipalities zm where zm.zoning_id = zg.id) as municipality_count,
  (select coalesce(sum(m.population), 0) from municipalities m
     where m.istat_code in (select zm.municipality_code from zone_municipalities zm where zm.zoning_id = zg.id)) as population`;

/**
 * A zoning's memberships with the weight of each in its zone: the share the source gives, else an equal part of a
 * municipality split between n zones (1/n), else 1 (a whole municipality).
 */
function membershipsSql(zoningId: SQL | string): SQL {
  return sql`
    select zm.zone_id, zm.municipality_code, zm.part_note,
           (count(*) over (partition by zm.municipality_code))::int as part_count,
           (zm.share is not null or count(*) over (partition by zm.municipality_code) = 1) as share_known,
           coalesce(zm.share, 1.0 / count(*) over (partition by zm.municipality_code))::float8 as weight
    from zone_municipalities zm where zm.zoning_id = ${zoningId}`;
}

function toSummary(row: SummaryRow): TZoningSummary {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    source: row.source,
    referenceDate: row.reference_date,
    description: row.description,
    coverage: row.coverage,
    regionCodes: row.region_codes,
    isDemo: row.is_demo,
    licence: row.licence,
    zoneCount: row.zone_count,
    municipalityCount: row.municipality_count,
    population: row.population,
  };
}

export async function selectZoningSummaries(db: DbExecutor): Promise<TZoningSummary[]> {
  const result = await db.execute<SummaryRow>(sql`select ${summaryColumns} from zonings zg order by lower(zg.name), zg.id`);
  return result.rows.map(toSummary);
}

export async function selectZoningRow(db: DbExecutor, id: string): Promise<ZoningRow | null> {
  const rows = await db.select().from(zonings).where(eq(zonings.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function selectZoningIdByName(db: DbExecutor, name: string): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`select id from zonings where lower(name) = lower(${name})`);
  return result.rows[0]?.id ?? null;
}

export async function selectZoningDetail(db: DbExecutor, id: string): Promise<TZoning | null> {
  const result = await db.execute<SummaryRow & { version: number; updated_at: string }>(sql`
    select ${summaryColumns}, zg.version, zg.updated_at from zonings zg where zg.id = ${id}`);
  const row = result.rows[0];
  if (!row) return null;
  const zoneRows = await db.execute<{
    id: string; code: string; name: string; name_is_derived: boolean; municipality_count: number; population: number; version: number;
    organization_id: string | null; organization_name: string | null;
  }>(sql`
    with zm as (${membershipsSql(id)})
    select z.id, z.code, z.name, z.name_is_derived, z.version, count(zm.municipality_code) as municipality_count,
           round(coalesce(sum(m.population * zm.weight), 0))::bigint as population,
           o.id as organization_id, coalesce(o.short_name, o.legal_name) as organization_name
    from zones z
    left join zm on zm.zone_id = z.id
    left join municipalities m on m.istat_code = zm.municipality_code
    left join organization_public_fields o on o.id = z.operating_organization_id
    where z.zoning_id = ${id}
    group by z.id, o.id, o.short_name, o.legal_name
    order by z.code collate "C"`);
  return {
    ...toSummary(row),
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    zones: zoneRows.rows.map(
      (z): TZone => ({
        id: z.id,
        code: z.code,
        name: z.name,
        municipalityCount: z.municipality_count,
        population: z.population,
        operatingOrganization: z.organization_id ? { id: z.organization_id, name: z.organization_name ?? '' } : null,
        version: z.version,
        nameIsDerived: z.name_is_derived,
      }),
    ),
  };
}

/** Region, name and population of each listed code that exists (unknown codes are simply absent). */
export async function selectKnownMunicipalities(db: DbExecutor, codes: string[]): Promise<KnownMunicipality[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{ istat_code: string; name: string; region_code: string; population: number }>(sql`
    select m.istat_code, m.name, p.region_code, coalesce(m.population, 0) as population
    from municipalities m join provinces p on p.code = m.province_code
    where m.istat_code = any(${sql.param(codes)}::text[])`);
  return result.rows.map((r) => ({ istatCode: r.istat_code, name: r.name, regionCode: r.region_code, population: r.population }));
}

export async function selectRegionMunicipalities(db: DbExecutor, regionCodes: string[]): Promise<KnownMunicipality[]> {
  if (regionCodes.length === 0) return [];
  const result = await db.execute<{ istat_code: string; name: string; region_code: string; population: number }>(sql`
    select m.istat_code, m.name, p.region_code, coalesce(m.population, 0) as population
    from municipalities m join provinces p on p.code = m.province_code
    where p.region_code = any(${sql.param(regionCodes)}::text[])`);
  return result.rows.map((r) => ({ istatCode: r.istat_code, name: r.name, regionCode: r.region_code, population: r.population }));
}

/** Regions with at least one municipality loaded (all twenty on an installation; fewer in tests). */
export async function selectLoadedRegionCodes(db: DbExecutor): Promise<string[]> {
  const result = await db.execute<{ region_code: string }>(sql`
    select distinct p.region_code from provinces p where exists (select 1 from municipalities m where m.province_code = p.code) order by 1`);
  return result.rows.map((r) => r.region_code);
}

export async function selectExistingRegionCodes(db: DbExecutor, regionCodes: string[]): Promise<string[]> {
  if (regionCodes.length === 0) return [];
  const result = await db.execute<{ code: string }>(sql`select code from regions where code = any(${sql.param(regionCodes)}::text[])`);
  return result.rows.map((r) => r.code);
}

export async function insertZoning(
  tx: DbExecutor,
  values: Pick<ZoningRow, 'name' | 'domain' | 'source' | 'referenceDate' | 'description' | 'coverage' | 'regionCodes' | 'isDemo' | 'licence'>,
): Promise<ZoningRow> {
  const rows = await tx.insert(zonings).values(values).returning();
  return rows[0]!;
}

/** Writes the zones and their municipalities with two statements (one JSON parameter each), whatever the size. */
export async function insertZonesWithMunicipalities(tx: DbExecutor, zoningId: string, zoneList: ZoneToWrite[]): Promise<void> {
  if (zoneList.length === 0) return;
  await tx.execute(sql`
    insert into zones (zoning_id, code, name, name_is_derived)
    select ${zoningId}::uuid, code, name, derived
    from json_to_recordset(${JSON.stringify(zoneList.map(({ code, name, nameIsDerived }) => ({ code, name, derived: nameIsDerived })))}::json)
      as r(code text, name text, derived boolean)`);
  const memberships = zoneList.flatMap((zone) =>
    zone.memberships.map((m) => ({ zone: zone.code, municipality: m.municipalityCode, share: m.share, note: m.partNote })),
  );
  await tx.execute(sql`
    insert into zone_municipalities (zoning_id, zone_id, municipality_code, share, part_note)
    select ${zoningId}::uuid, z.id, r.municipality, r.share, r.note
    from json_to_recordset(${JSON.stringify(memberships)}::json) as r(zone text, municipality text, share float8, note text)
    join zones z on z.zoning_id = ${zoningId}::uuid and z.code = r.zone`);
  await tx.execute(sql`analyze zone_municipalities`);
}

export async function deleteZoningRow(tx: DbExecutor, id: string): Promise<void> {
  await tx.delete(zonings).where(eq(zonings.id, id));
}

export async function selectZoneRow(db: DbExecutor, zoningId: string, zoneId: string): Promise<ZoneRow | null> {
  const rows = await db.select().from(zones).where(and(eq(zones.id, zoneId), eq(zones.zoningId, zoningId))).limit(1);
  return rows[0] ?? null;
}

export async function selectZoneById(db: DbExecutor, zoneId: string): Promise<(ZoneRow & { zoningName: string }) | null> {
  const result = await db.execute<{ id: string; zoning_id: string; code: string; name: string; name_is_derived: boolean; operating_organization_id: string | null; version: number; zoning_name: string }>(sql`
    select z.*, zg.name as zoning_name from zones z join zonings zg on zg.id = z.zoning_id where z.id = ${zoneId}`);
  const row = result.rows[0];
  if (!row) return null;
  return { id: row.id, zoningId: row.zoning_id, code: row.code, name: row.name, nameIsDerived: row.name_is_derived, operatingOrganizationId: row.operating_organization_id, version: row.version, zoningName: row.zoning_name };
}

export async function selectZoneMunicipalityCodes(db: DbExecutor, zoneId: string): Promise<string[]> {
  const result = await db.execute<{ municipality_code: string }>(sql`
    select municipality_code from zone_municipalities where zone_id = ${zoneId} order by municipality_code`);
  return result.rows.map((r) => r.municipality_code);
}

export async function selectOrganizationExists(db: DbExecutor, organizationId: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`select exists (select 1 from organization_public_fields where id = ${organizationId}) as found`);
  return result.rows[0]!.found;
}

export async function updateZoneIfVersion(
  tx: DbExecutor,
  zoneId: string,
  expectedVersion: number,
  changes: { name?: string; operatingOrganizationId?: string | null },
): Promise<ZoneRow | null> {
  const rows = await tx
    .update(zones)
    // A name typed by a person is no longer the derived one.
    .set({ ...changes, ...(changes.name !== undefined ? { nameIsDerived: false } : {}), version: sql`${zones.version} + 1` })
    .where(and(eq(zones.id, zoneId), eq(zones.version, expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

export async function selectZoningMunicipalities(db: DbExecutor, zoningId: string): Promise<TZoningMunicipality[]> {
  const result = await db.execute<{
    istat_code: string; name: string; abbreviation: string; population: number | null; zone_code: string; zone_name: string;
    share: number | null; part_note: string; part_count: number;
  }>(sql`
    select m.istat_code, m.name, p.abbreviation, m.population, z.code as zone_code, z.name as zone_name,
           zm.share, zm.part_note, (count(*) over (partition by zm.municipality_code))::int as part_count
    from zone_municipalities zm
    join zones z on z.id = zm.zone_id
    join municipalities m on m.istat_code = zm.municipality_code
    join provinces p on p.code = m.province_code
    where zm.zoning_id = ${zoningId}
    order by z.code collate "C", m.name`);
  return result.rows.map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    provinceAbbreviation: r.abbreviation,
    population: r.population,
    zoneCode: r.zone_code,
    zoneName: r.zone_name,
    share: r.share,
    partNote: r.part_note,
    partCount: r.part_count,
  }));
}

/**
 * The zoning as GeoJSON text built in SQL: one feature per municipality with a boundary; `zoneIndex` numbers the
 * zones 0… in code order so a map can colour them.
 */
export async function selectZoningGeoJson(db: DbExecutor, zoningId: string): Promise<string> {
  const result = await db.execute<{ geojson: string }>(sql`
    with ranked as (
      select z.id, z.code, z.name, (dense_rank() over (order by z.code collate "C"))::int - 1 as zone_index
      from zones z where z.zoning_id = ${zoningId}
    )
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature', 'id', m.istat_code,
        'properties', json_build_object('istatCode', m.istat_code, 'name', m.name, 'population', m.population,
                                        'zoneCode', r.code, 'zoneName', r.name, 'zoneIndex', r.zone_index, 'partCount', zm.part_count),
        'geometry', m.boundary) order by m.istat_code), '[]'::json))::text as geojson
    from (
      -- One feature per municipality: a split one is drawn in the zone holding its largest part.
      select distinct on (municipality_code) zone_id, municipality_code, part_count
      from (${membershipsSql(zoningId)}) weighted
      order by municipality_code, weight desc, zone_id
    ) zm
    join ranked r on r.id = zm.zone_id
    join municipalities m on m.istat_code = zm.municipality_code
    where m.boundary is not null`);
  return result.rows[0]!.geojson;
}

/**
 * One side's memberships: (municipality_code, zone_key, zone_code, zone_name, part_note, part_count, share,
 * share_known). A split municipality has one row per zone, its share the source's or 1/part_count; a municipality in
 * two districts counts in the first by name.
 */
function assignmentSql(source: AlignmentSource): SQL {
  if (source.kind === 'zoning') {
    return sql`select zm.municipality_code, z.id::text as zone_key, z.code as zone_code, z.name as zone_name,
                      zm.part_note, zm.part_count, zm.weight as share, zm.share_known
               from (${membershipsSql(source.id)}) zm join zones z on z.id = zm.zone_id`;
  }
  return sql`select distinct on (dm.municipality_code) dm.municipality_code, d.id::text as zone_key, d.name as zone_code, d.name as zone_name,
                    '' as part_note, 1 as part_count, 1::float8 as share, true as share_known
             from district_area_municipalities dm join district_names d on d.id = dm.district_id
             order by dm.municipality_code, d.name, d.id`;
}

/**
 * The contingency table of A × B and the main B zone of each A zone (most people, then most (parts of)
 * municipalities, then the smaller key in byte order — the same tie-break and weights as alignment-scores.ts).
 *
 * A municipality split between zones is one unit in each (zone of A, zone of B) pair it falls in, weighted by its
 * people times the part's share. When both sides split it: parts with the same note on both sides ("Municipi 1, 2,
 * 3") are the same part and pair only with each other; otherwise the shares multiply (an estimate, flagged).
 */
function alignmentCtes(a: AlignmentSource, b: AlignmentSource): SQL {
  return sql`
    -- Inlined rather than materialized: the planner then sees the real tables and their statistics. With CTE
    -- guesses it expected 300,000 joined rows for 7,899, and PostgreSQL spent ~250 ms JIT-compiling the plan.
    a as not materialized (${assignmentSql(a)}),
    b as not materialized (${assignmentSql(b)}),
    -- Zone codes and names travel with every row, so no later step joins back to a or b: PostgreSQL estimates
    -- CTE row counts poorly and would nest loops over them (seconds for all of Italy instead of milliseconds).
    pairs as (
      select a.municipality_code, a.zone_key as a_key, a.zone_code as a_code, a.zone_name as a_name,
             b.zone_key as b_key, b.zone_code as b_code, b.zone_name as b_name,
             a.part_note as a_note, b.part_note as b_note, a.part_count as a_parts, b.part_count as b_parts,
             a.share as a_share, b.share as b_share, (a.share_known and b.share_known) as share_known,
             bool_or(a.part_count > 1 and b.part_count > 1 and a.part_note <> '' and a.part_note = b.part_note)
               over (partition by a.municipality_code) as notes_match,
             coalesce(m.population, 0)::float8 as population
      from a join b on b.municipality_code = a.municipality_code
      join municipalities m on m.istat_code = a.municipality_code
    ),
    joined as (
      select municipality_code, a_key, a_code, a_name, b_key, b_code, b_name, a_parts, b_parts,
             population * (case when notes_match then a_share else a_share * b_share end) as pop,
             case when a_parts > 1 then a_note else b_note end as part_note,
             (not share_known or (a_parts > 1 and b_parts > 1 and not notes_match)) as is_estimate
      from pairs
      where not notes_match or a_note = b_note
    ),
    cells as (
      select a_key, b_key, min(a_code) as a_code, min(a_name) as a_name, min(b_code) as b_code, min(b_name) as b_name,
             count(*)::float8 as c, sum(pop) as p
      from joined group by a_key, b_key
    ),
    main as (
      select distinct on (a_key) a_key, b_key, b_code, b_name from cells
      order by a_key, p desc, c desc, b_key collate "C"
    )`;
}

/**
 * Coincidence share, adjusted Rand index and normalized variation of information, by people and by municipality,
 * computed in the database from the contingency table; the formulas and their references are in
 * alignment-scores.ts (`partitionScores`), which computes the same numbers in TypeScript.
 */
export async function selectAlignmentScores(db: DbExecutor, a: AlignmentSource, b: AlignmentSource): Promise<{
  scores: TAlignmentScores; sharedMunicipalityCount: number; sharedPopulation: number; onlyInACount: number; onlyInBCount: number;
}> {
  const result = await db.execute<Record<string, number>>(sql`
    with ${alignmentCtes(a, b)},
    row_totals as (select sum(c) as c, sum(p) as p from cells group by a_key),
    column_totals as (select sum(c) as c, sum(p) as p from cells group by b_key),
    total as (select coalesce(sum(c), 0) as c, coalesce(sum(p), 0) as p from cells),
    terms as (
      select
        total.c as n_c, total.p as n_p,
        (select coalesce(sum(cells.c), 0) from cells join main using (a_key, b_key)) as main_c,
        (select coalesce(sum(cells.p), 0) from cells join main using (a_key, b_key)) as main_p,
        (select coalesce(sum(c * (c - 1) / 2), 0) from cells) as index_c,
        (select coalesce(sum(p * (p - 1) / 2), 0) from cells) as index_p,
        (select coalesce(sum(c * (c - 1) / 2), 0) from row_totals) as sum_a_c,
        (select coalesce(sum(p * (p - 1) / 2), 0) from row_totals) as sum_a_p,
        (select coalesce(sum(c * (c - 1) / 2), 0) from column_totals) as sum_b_c,
        (select coalesce(sum(p * (p - 1) / 2), 0) from column_totals) as sum_b_p,
        (select coalesce(-sum((c / total.c) * ln(c / total.c)), 0) from cells where c > 0) as h_ab_c,
        (select coalesce(-sum((p / total.p) * ln(p / total.p)), 0) from cells where p > 0) as h_ab_p,
        (select coalesce(-sum((c / total.c) * ln(c / total.c)), 0) from row_totals where c > 0) as h_a_c,
        (select coalesce(-sum((p / total.p) * ln(p / total.p)), 0) from row_totals where p > 0) as h_a_p,
        (select coalesce(-sum((c / total.c) * ln(c / total.c)), 0) from column_totals where c > 0) as h_b_c,
        (select coalesce(-sum((p / total.p) * ln(p / total.p)), 0) from column_totals where p > 0) as h_b_p
      from total
    ),
    expected as (
      select terms.*,
        case when n_c > 1 then sum_a_c * sum_b_c / (n_c * (n_c - 1) / 2) else 0 end as exp_c,
        case when n_p > 1 then sum_a_p * sum_b_p / (n_p * (n_p - 1) / 2) else 0 end as exp_p,
        (sum_a_c + sum_b_c) / 2 as max_c, (sum_a_p + sum_b_p) / 2 as max_p
      from terms
    )
    -- Rounded to 12 decimals (SCORE_DECIMALS in alignment-scores.ts): identical maps score exactly 1 and 0, not
    -- 0.9999999999999998 from sums taken in a different order.
    select
      round((case when n_p > 0 then main_p / n_p else 1 end)::numeric, 12)::float8 as coincidence_p,
      round((case when n_c > 0 then main_c / n_c else 1 end)::numeric, 12)::float8 as coincidence_c,
      round((case when max_p = exp_p then (case when index_p = max_p then 1 else 0 end) else (index_p - exp_p) / (max_p - exp_p) end)::numeric, 12)::float8 as ari_p,
      round((case when max_c = exp_c then (case when index_c = max_c then 1 else 0 end) else (index_c - exp_c) / (max_c - exp_c) end)::numeric, 12)::float8 as ari_c,
      round((case when h_ab_p = 0 then 0 else greatest(0, (2 * h_ab_p - h_a_p - h_b_p) / h_ab_p) end)::numeric, 12)::float8 as nvi_p,
      round((case when h_ab_c = 0 then 0 else greatest(0, (2 * h_ab_c - h_a_c - h_b_c) / h_ab_c) end)::numeric, 12)::float8 as nvi_c,
      (select count(distinct municipality_code) from joined)::int as shared_count, round(n_p)::bigint as shared_population,
      -- A split municipality is one municipality however many zones it is in: count distinct codes.
      (select count(distinct municipality_code) from a)::int - (select count(distinct municipality_code) from joined)::int as only_a,
      (select count(distinct municipality_code) from b)::int - (select count(distinct municipality_code) from joined)::int as only_b
    from expected`);
  const row = result.rows[0]!;
  return {
    scores: {
      coincidenceShare: row.coincidence_p!,
      coincidenceShareMunicipalities: row.coincidence_c!,
      adjustedRandIndex: row.ari_p!,
      adjustedRandIndexMunicipalities: row.ari_c!,
      normalizedVariationOfInformation: row.nvi_p!,
      normalizedVariationOfInformationMunicipalities: row.nvi_c!,
    },
    sharedMunicipalityCount: row.shared_count!,
    sharedPopulation: Number(row.shared_population!),
    onlyInACount: row.only_a!,
    onlyInBCount: row.only_b!,
  };
}

/** The crosswalk: for each A zone, the B zones it touches with (parts of) municipalities and people, the main one first. */
export async function selectCrosswalk(db: DbExecutor, a: AlignmentSource, b: AlignmentSource): Promise<TCrosswalkRow[]> {
  const result = await db.execute<{
    a_key: string; a_code: string; a_name: string; b_key: string; b_code: string; b_name: string; c: number; p: number; is_main: boolean; a_c: number; a_p: number;
  }>(sql`
    with ${alignmentCtes(a, b)}
    select cells.a_key, cells.a_code, cells.a_name, cells.b_key, cells.b_code, cells.b_name,
           cells.c, cells.p, (main.b_key is not null) as is_main,
           sum(cells.c) over (partition by cells.a_key) as a_c, sum(cells.p) over (partition by cells.a_key) as a_p
    from cells
    left join main on main.a_key = cells.a_key and main.b_key = cells.b_key
    order by cells.a_key, cells.p desc, cells.c desc, cells.b_key collate "C"`);
  const rows = new Map<string, TCrosswalkRow>();
  for (const r of result.rows) {
    let row = rows.get(r.a_key);
    if (!row) {
      row = { aZoneKey: r.a_key, aZoneCode: r.a_code, aZoneName: r.a_name, municipalityCount: r.a_c, population: Math.round(r.a_p), mainShare: 0, cells: [] };
      rows.set(r.a_key, row);
    }
    row.cells.push({ bZoneKey: r.b_key, bZoneCode: r.b_code, bZoneName: r.b_name, municipalityCount: r.c, population: Math.round(r.p), isMain: r.is_main });
    if (r.is_main) row.mainShare = r.a_p > 0 ? r.p / r.a_p : r.c / r.a_c;
  }
  return [...rows.values()].sort((x, y) => x.aZoneCode.localeCompare(y.aZoneCode, 'it', { numeric: true }));
}

/** Municipalities (or parts of them) outside the main B zone of their A zone, most populous first. */
export async function selectBreakingMunicipalities(db: DbExecutor, a: AlignmentSource, b: AlignmentSource): Promise<TBreakingMunicipality[]> {
  const result = await db.execute<{
    istat_code: string; name: string; population: number; a_code: string; a_name: string; b_code: string; b_name: string; main_code: string; main_name: string;
    part_note: string; is_estimate: boolean;
  }>(sql`
    with ${alignmentCtes(a, b)}
    select j.municipality_code as istat_code, m.name, round(j.pop)::bigint as population,
           j.a_code, j.a_name, j.b_code, j.b_name, main.b_code as main_code, main.b_name as main_name, j.part_note, j.is_estimate
    from joined j
    join main on main.a_key = j.a_key
    join municipalities m on m.istat_code = j.municipality_code
    where j.b_key <> main.b_key
    order by j.pop desc, j.municipality_code, j.a_code collate "C", j.b_code collate "C"`);
  return result.rows.map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    population: Number(r.population),
    aZoneCode: r.a_code,
    aZoneName: r.a_name,
    bZoneCode: r.b_code,
    bZoneName: r.b_name,
    mainBZoneCode: r.main_code,
    mainBZoneName: r.main_name,
    partNote: r.part_note,
    isPopulationEstimated: r.is_estimate,
  }));
}

/** Shared municipalities split between zones of A, of B or of both, and whether their shares come from the sources. */
export async function selectSplitMunicipalities(db: DbExecutor, a: AlignmentSource, b: AlignmentSource): Promise<TAlignment['splitMunicipalities']> {
  const result = await db.execute<{ istat_code: string; name: string; a_parts: number; b_parts: number; is_estimate: boolean }>(sql`
    with ${alignmentCtes(a, b)}
    select j.municipality_code as istat_code, m.name, max(j.a_parts)::int as a_parts, max(j.b_parts)::int as b_parts, bool_or(j.is_estimate) as is_estimate
    from joined j join municipalities m on m.istat_code = j.municipality_code
    where j.a_parts > 1 or j.b_parts > 1
    group by j.municipality_code, m.name
    order by m.name, j.municipality_code`);
  return result.rows.map((r) => ({
    istatCode: r.istat_code,
    name: r.name,
    side: r.a_parts > 1 && r.b_parts > 1 ? 'both' : r.a_parts > 1 ? 'a' : 'b',
    partCount: Math.max(r.a_parts, r.b_parts),
    isShareKnown: !r.is_estimate,
  }));
}

/**
 * A's municipalities as GeoJSON text with the comparison in their properties: A and B zone, and `breaks`
 * (1 when (a part of it is) outside the main B zone of its A zone, 0 when coinciding; absent when the municipality
 * is not in B). Only the regions where the two maps share municipalities are drawn: comparing the ASL of Italy with
 * Piemonte's employment areas draws Piemonte, not the whole country.
 */
export async function selectAlignmentGeoJson(db: DbExecutor, a: AlignmentSource, b: AlignmentSource): Promise<string> {
  const result = await db.execute<{ geojson: string }>(sql`
    with ${alignmentCtes(a, b)},
    shared_regions as (
      select distinct p.region_code from (select distinct municipality_code from joined) j
      join municipalities m on m.istat_code = j.municipality_code join provinces p on p.code = m.province_code
    ),
    sides as (
      select a.municipality_code,
             string_agg(distinct a.zone_code, ', ') as a_code, string_agg(distinct a.zone_name, ', ') as a_name,
             string_agg(distinct b.zone_code, ', ') as b_code, string_agg(distinct b.zone_name, ', ') as b_name,
             max(case when b.zone_key is null then null when b.zone_key = main.b_key then 0 else 1 end) as breaks
      from a
      left join b on b.municipality_code = a.municipality_code
      left join main on main.a_key = a.zone_key
      group by a.municipality_code
    )
    select json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(json_agg(json_build_object(
        'type', 'Feature', 'id', m.istat_code,
        'properties', json_build_object('istatCode', m.istat_code, 'name', m.name, 'population', m.population,
                                        'aZoneCode', s.a_code, 'aZoneName', s.a_name,
                                        'bZoneCode', s.b_code, 'bZoneName', s.b_name, 'breaks', s.breaks),
        'geometry', m.boundary) order by m.istat_code), '[]'::json))::text as geojson
    from sides s
    join municipalities m on m.istat_code = s.municipality_code
    join provinces p on p.code = m.province_code
    where m.boundary is not null
      and (p.region_code in (select region_code from shared_regions) or not exists (select 1 from shared_regions))`);
  return result.rows[0]!.geojson;
}

/** Every membership of one side with the municipality's name and population: input of the TypeScript baseline. */
export async function selectAssignments(db: DbExecutor, source: AlignmentSource): Promise<
  { municipalityCode: string; zoneKey: string; zoneCode: string; zoneName: string; name: string; population: number; share: number | null; partNote: string }[]
> {
  const result = await db.execute<{
    municipality_code: string; zone_key: string; zone_code: string; zone_name: string; name: string; population: number; share: number; share_known: boolean; part_note: string;
  }>(sql`
    with a as (${assignmentSql(source)})
    select a.*, m.name, coalesce(m.population, 0) as population from a join municipalities m on m.istat_code = a.municipality_code`);
  return result.rows.map((r) => ({
    municipalityCode: r.municipality_code,
    zoneKey: r.zone_key,
    zoneCode: r.zone_code,
    zoneName: r.zone_name,
    name: r.name,
    population: r.population,
    share: r.share_known ? r.share : null,
    partNote: r.part_note,
  }));
}
