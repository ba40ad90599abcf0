/**
 * Territory: full import, municipality search and region GeoJSON, on PGlite and PostgreSQL, each against a naive
 * baseline measured in the same run:
 * - search: the folded column with its trigram and prefix indexes vs `unaccent(lower(name)) ilike '%q%'`;
 * - GeoJSON: the FeatureCollection built as text by PostgreSQL vs rows selected and JSON.stringify'd in Node.
 */
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { ZMunicipalitySearchQuery } from '../common/contracts/territory';
import { foldForSearch } from '../common/domain/text';
import { ANONYMOUS, systemActor } from '../server/platform/access/actor';
import type { Database } from '../server/platform/db/database';
import type { UseCaseContext } from '../server/platform/use-case';
import {
  getMunicipalitiesGeojson,
  importTerritory,
  readTerritorySources,
  searchMunicipalities,
} from '../server/modules/territory';
import type { Benchmark } from './lib/benchmark';
import { onEachDatabase, type BenchDatabase } from './lib/databases';
import { formatBytes, formatMs, median, percentile, sampleDurations, seededRandom, timed } from './lib/stats';

const SEARCH_QUERIES = 1000;
const SEARCH_LIMIT = 20;
const SEARCH_WARM_UP = 50;
const GEOJSON_RUNS = 5;
const SEED = 20261122;
/** Piemonte, and Lombardia: the region with the most municipalities. */
const GEOJSON_REGIONS = [
  { code: '01', name: 'Piemonte' },
  { code: '03', name: 'Lombardia' },
];

type QueryKind = 'prefix' | 'full name' | 'typo';
interface SearchCase {
  kind: QueryKind;
  q: string;
  expectedIstatCode: string;
}

/**
 * 1,000 deterministic queries over real names, a third of each kind: a prefix (3–8 letters), the full name typed
 * without accents, and the full name with one typo (a letter replaced, dropped or swapped with its neighbour).
 */
export function searchCases(names: { istatCode: string; name: string }[], count = SEARCH_QUERIES): SearchCase[] {
  const random = seededRandom(SEED);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const letters = 'abcdefghilmnoprstuvz';
  const longNames = names.filter((n) => n.name.length >= 6);
  const cases: SearchCase[] = [];
  for (let index = 0; index < count; index++) {
    const kind: QueryKind = (['prefix', 'full name', 'typo'] as const)[index % 3]!;
    const municipality = pick(kind === 'typo' ? longNames : names);
    const folded = foldForSearch(municipality.name);
    let q = folded;
    if (kind === 'prefix') q = folded.slice(0, 3 + Math.floor(random() * 6));
    if (kind === 'typo') {
      // Never the first letter: people rarely mistype it, and prefix search relies on it.
      const at = 1 + Math.floor(random() * (folded.length - 2));
      const edit = Math.floor(random() * 3);
      q =
        edit === 0
          ? folded.slice(0, at) + pick([...letters].filter((c) => c !== folded[at])) + folded.slice(at + 1)
          : edit === 1
            ? folded.slice(0, at) + folded.slice(at + 1)
            : folded.slice(0, at) + folded[at + 1] + folded[at] + folded.slice(at + 2);
    }
    cases.push({ kind, q, expectedIstatCode: municipality.istatCode });
  }
  return cases;
}

/** The naive search a first version would write: no stored key, no index, accents folded on every row. */
async function baselineSearch(db: Database, q: string): Promise<string[]> {
  const result = await db.orm.execute<{ istat_code: string }>(sql`
    select m.istat_code, m.name, m.province_code, p.abbreviation, p.region_code, r.name as region_name, m.population
    from municipalities m join provinces p on p.code = m.province_code join regions r on r.code = p.region_code
    where unaccent(lower(m.name)) ilike ${`%${q}%`}
    order by m.name limit ${SEARCH_LIMIT}`);
  return result.rows.map((row) => row.istat_code);
}

/** The naive GeoJSON: rows to Node (pg parses every boundary), then JSON.stringify. */
async function baselineGeojson(db: Database, regionCode: string): Promise<string> {
  const result = await db.pool.query<{ istat_code: string; name: string; population: number | null; boundary: unknown }>(
    `select m.istat_code, m.name, m.population, m.boundary
     from municipalities m join provinces p on p.code = m.province_code
     where m.boundary is not null and p.region_code = $1 order by m.istat_code`,
    [regionCode],
  );
  return JSON.stringify({
    type: 'FeatureCollection',
    features: result.rows.map((row) => ({
      type: 'Feature',
      id: row.istat_code,
      properties: { istatCode: row.istat_code, name: row.name, population: row.population },
      geometry: row.boundary,
    })),
  });
}

interface SearchStats {
  p50: number;
  p95: number;
  /** Share of queries whose intended municipality is among the first 20 results, per kind. */
  found: Record<QueryKind, number>;
}

async function measureSearch(cases: SearchCase[], search: (q: string) => Promise<string[]>): Promise<SearchStats> {
  for (const warmUp of cases.slice(0, SEARCH_WARM_UP)) await search(warmUp.q);
  const hits: Record<QueryKind, { found: number; total: number }> = {
    prefix: { found: 0, total: 0 },
    'full name': { found: 0, total: 0 },
    typo: { found: 0, total: 0 },
  };
  const samples = await sampleDurations(cases.length, async (index) => {
    const item = cases[index]!;
    const codes = await search(item.q);
    hits[item.kind].total++;
    if (codes.includes(item.expectedIstatCode)) hits[item.kind].found++;
  });
  const share = (kind: QueryKind) => hits[kind].found / Math.max(1, hits[kind].total);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    found: { prefix: share('prefix'), 'full name': share('full name'), typo: share('typo') },
  };
}

interface GeojsonStats {
  ms: number;
  /** CPU time of this (the app's) process per build: what blocks the event loop while other requests wait. */
  appCpuMs: number;
  bytes: number;
  /** What goes over the wire with gzip (the separators jsonb adds compress well). */
  gzipBytes: number;
}

async function measureGeojson(build: () => Promise<string>): Promise<GeojsonStats> {
  const body = await build(); // also warms the cache
  const cpuBefore = process.cpuUsage();
  const samples = await sampleDurations(GEOJSON_RUNS, build);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ms: median(samples),
    appCpuMs: (cpu.user + cpu.system) / 1000 / GEOJSON_RUNS,
    bytes: Buffer.byteLength(body),
    gzipBytes: gzipSync(body).length,
  };
}

interface DatabaseResults {
  database: string;
  importMs: number;
  importPhasesMs: { readingAndShaping: number; writing: number };
  reimportMs: number;
  municipalities: number;
  search: { indexed: SearchStats; baseline: SearchStats };
  geojson: { region: string; sql: GeojsonStats; node: GeojsonStats }[];
}

async function benchmarkOn(database: BenchDatabase, cases: SearchCase[], log: (line: string) => void): Promise<DatabaseResults> {
  const { db } = database;
  const admin: UseCaseContext = { actor: systemActor('bench'), db, requestId: null };
  const visitor: UseCaseContext = { actor: ANONYMOUS, db, requestId: null };

  let writingStartedAt = 0;
  const started = performance.now();
  const imported = await timed(() =>
    importTerritory(admin, {
      onProgress: (done, _total, phase) => {
        if (phase === 'writing' && done === 0) writingStartedAt = performance.now();
      },
    }),
  );
  const phases = { readingAndShaping: writingStartedAt - started, writing: performance.now() - writingStartedAt };
  log(`  full import: ${formatMs(imported.ms)} ms (${imported.result.municipalities} municipalities)`);
  const reimport = await timed(() => importTerritory(admin));
  log(`  re-import (nothing changed): ${formatMs(reimport.ms)} ms`);

  const indexed = await measureSearch(cases, async (q) => {
    const page = await searchMunicipalities(visitor, ZMunicipalitySearchQuery.parse({ q, limit: SEARCH_LIMIT }));
    return page.items.map((item) => item.istatCode);
  });
  const baseline = await measureSearch(cases, (q) => baselineSearch(db, q));
  log(`  search p50 ${formatMs(indexed.p50)} ms (baseline ${formatMs(baseline.p50)} ms)`);

  const geojson: DatabaseResults['geojson'] = [];
  for (const region of GEOJSON_REGIONS) {
    const inSql = await measureGeojson(async () => (await getMunicipalitiesGeojson(visitor, { regionCode: region.code })).body);
    const inNode = await measureGeojson(() => baselineGeojson(db, region.code));
    geojson.push({ region: region.name, sql: inSql, node: inNode });
    log(`  GeoJSON ${region.name}: ${formatMs(inSql.ms)} ms in SQL, ${formatMs(inNode.ms)} ms in Node`);
  }
  return {
    database: database.label,
    importMs: imported.ms,
    importPhasesMs: phases,
    reimportMs: reimport.ms,
    municipalities: imported.result.municipalities,
    search: { indexed, baseline },
    geojson,
  };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const foundSummary = (stats: SearchStats) =>
  `${percent(stats.found.prefix)} / ${percent(stats.found['full name'])} / ${percent(stats.found.typo)}`;

export const benchmark: Benchmark = {
  name: 'territory',
  description: 'full import, municipality search, region GeoJSON (PGlite and PostgreSQL, with baselines)',
  async run(log) {
    const names = readTerritorySources().current.map((row) => ({ istatCode: row.istatCode, name: row.name }));
    const cases = searchCases(names);
    const results = await onEachDatabase((database) => benchmarkOn(database, cases, log), log);

    const rows: (string | number)[][] = [];
    for (const r of results) {
      rows.push([
        r.database,
        `full import (${r.municipalities} municipalities)`,
        `${formatMs(r.importMs)} ms`,
        `read+shape ${formatMs(r.importPhasesMs.readingAndShaping)} ms, write ${formatMs(r.importPhasesMs.writing)} ms`,
        '',
      ]);
      rows.push([r.database, 're-import, nothing changed', `${formatMs(r.reimportMs)} ms`, 'upserts skip unchanged rows', '']);
      rows.push([
        r.database,
        `search ×${SEARCH_QUERIES}, p50 / p95`,
        `${formatMs(r.search.indexed.p50)} / ${formatMs(r.search.indexed.p95)} ms`,
        `found ${foundSummary(r.search.indexed)}`,
        `${formatMs(r.search.baseline.p50)} / ${formatMs(r.search.baseline.p95)} ms, found ${foundSummary(r.search.baseline)}`,
      ]);
      for (const g of r.geojson) {
        rows.push([
          r.database,
          `GeoJSON ${g.region}`,
          `${formatMs(g.sql.ms)} ms`,
          `app CPU ${formatMs(g.sql.appCpuMs)} ms, ${formatBytes(g.sql.bytes)} (gzip ${formatBytes(g.sql.gzipBytes)})`,
          `${formatMs(g.node.ms)} ms, app CPU ${formatMs(g.node.appCpuMs)} ms, ${formatBytes(g.node.bytes)} ` +
            `(gzip ${formatBytes(g.node.gzipBytes)})`,
        ]);
      }
    }
    return {
      title: 'Territory',
      columns: ['database', 'measure', 'time', 'detail', 'baseline (same run)'],
      rows,
      notes: [
        `Search: ${SEARCH_QUERIES} queries from seed ${SEED}, a third each prefix / full name without accents / one typo; ` +
          `"found" = share of queries whose municipality is in the first ${SEARCH_LIMIT} results, per kind. Baseline: ` +
          "`unaccent(lower(name)) ilike '%q%'`, no stored key, no index.",
        `GeoJSON: median of ${GEOJSON_RUNS} runs, body built as text by PostgreSQL (json_agg) vs rows parsed and ` +
          'JSON.stringify-ed in Node; "app CPU" is this process\'s CPU time per build (PGlite works in a child process). ' +
          'jsonb prints ", " and ": " separators, hence the larger SQL body before compression.',
      ],
      data: { seed: SEED, queries: SEARCH_QUERIES, results },
    };
  },
};
