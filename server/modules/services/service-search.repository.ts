import { sql, type SQL } from 'drizzle-orm';
import { haversineKmSql } from '../../platform/db/geo-sql';
import type { Database, DbExecutor } from '../../platform/db/database';
import { cellsAround } from './location-cells';
import type { ParsedQuery } from './search-query';
import { hasValidLabelSql } from '../labels';

// The services search (ADR 0014): full text, trigram spelling, distance through the grid cells of the places copied
// on the service row (services.repository.ts keeps those copies), and the naive search the benchmark compares with.

/** The tsquery part that matches the words starting with `prefix` (a word without its final vowels). */
export type PrefixTsQuery = (prefix: string) => SQL;

/** The index's own prefix match (`anzian:*`): right for every vector built with `distretto_simple`. */
const partialMatchOf: PrefixTsQuery = (prefix) => sql`to_tsquery('distretto_simple', ${`${prefix}:*`})`;

/**
 * The typed words as one tsquery: per word its Italian stem OR its prefix, alternatives (synonyms) OR-ed, words AND-ed.
 * Published (index.ts) for other modules' Italian full-text search over vectors built with the same configurations
 * (`distretto_italian` for stems, `distretto_simple` for prefixes), so one query understanding serves every search. A
 * module that keeps the words of its vectors may expand prefixes into them (`prefixOf`) instead of the partial match.
 */
export function tsQueryOf(query: ParsedQuery, prefixOf: PrefixTsQuery = partialMatchOf): SQL {
  const terms = query.terms.map((alternatives) => {
    const options = alternatives.map((words) => {
      const parts = words.map((word) =>
        word.prefix
          ? sql`(to_tsquery('distretto_italian', ${word.stem}) || ${prefixOf(word.prefix)})`
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
  /** Only providers holding a label valid on this day (ISO, Italy's day). */
  labelledOn?: string;
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
      join district_area_municipalities dm on dm.district_id = s2.service_area_district_id where dm.municipality_code = ${code})`;
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
  if (search.labelledOn) filters.push(hasValidLabelSql(sql`s.organization_id`, search.labelledOn));
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
          join district_area_municipalities dm on dm.district_id = s2.service_area_district_id
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
