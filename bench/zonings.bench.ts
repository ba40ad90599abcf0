/**
 * Zonings: the alignment analysis of two partitions of every Italian municipality with a boundary (7,899) — the
 * provinces, and a second partition generated deterministically — on PGlite and PostgreSQL. Measured: the import
 * of each zoning (checks + one transaction), the comparison computed in SQL (scores, crosswalk, breaking
 * municipalities: the `compareZonings` use case), and as the baseline in the same run the same analysis computed in
 * plain TypeScript over arrays (`computeAlignment`), alone and including fetching the two assignments.
 * Goal: comparison under 1 s on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { systemActor } from '../server/platform/access/actor';
import type { UseCaseContext } from '../server/platform/use-case';
import { importTerritory } from '../server/modules/territory';
import { compareZonings, computeAlignment, importZoning, listAssignments } from '../server/modules/zonings';
import type { Benchmark } from './lib/benchmark';
import { onEachDatabase, type BenchDatabase } from './lib/databases';
import { formatMs, median, percentile, sampleDurations, seededRandom, timed } from './lib/stats';

const RUNS = 15;
const WARM_UP = 2;
const SEED = 20261122;
/** About one B zone per this many municipalities of a province (Italy's ~600 health/social districts are of this order). */
const MUNICIPALITIES_PER_ZONE = 20;
/** Share of municipalities moved to the neighbouring zone (west or east), so B cuts across its own pieces. */
const MOVED_SHARE = 0.1;

interface Municipality {
  istatCode: string;
  provinceCode: string;
  provinceName: string;
  lng: number;
}

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const toCsv = (rows: { zoneCode: string; zoneName: string; istatCode: string }[]) =>
  ['zone_code,zone_name,istat_code', ...rows.map((r) => [r.zoneCode, r.zoneName, r.istatCode].map(csvField).join(','))].join('\n');

/**
 * B: each province cut into ⌈n/20⌉ strips of equal size from west to east (by representative point), then 10% of
 * municipalities, drawn with a seeded generator, moved to the next strip of their province. Deterministic.
 */
export function generatedPartition(municipalities: Municipality[]): { zoneCode: string; zoneName: string; istatCode: string }[] {
  const random = seededRandom(SEED);
  const byProvince = new Map<string, Municipality[]>();
  for (const m of municipalities) byProvince.set(m.provinceCode, [...(byProvince.get(m.provinceCode) ?? []), m]);
  const rows: { zoneCode: string; zoneName: string; istatCode: string }[] = [];
  for (const [provinceCode, list] of [...byProvince].sort(([x], [y]) => x.localeCompare(y))) {
    const sorted = [...list].sort((x, y) => x.lng - y.lng || x.istatCode.localeCompare(y.istatCode));
    const strips = Math.max(1, Math.ceil(sorted.length / MUNICIPALITIES_PER_ZONE));
    sorted.forEach((m, index) => {
      let strip = Math.floor((index * strips) / sorted.length);
      if (strips > 1 && random() < MOVED_SHARE) strip = strip === strips - 1 ? strip - 1 : strip + 1;
      rows.push({ zoneCode: `${provinceCode}-${strip + 1}`, zoneName: `${m.provinceName} ${strip + 1}`, istatCode: m.istatCode });
    });
  }
  return rows;
}

async function runOn(database: BenchDatabase, log: (line: string) => void) {
  const context: UseCaseContext = { actor: systemActor('bench'), db: database.db, requestId: null };
  const territory = await timed(() => importTerritory(context, {}));
  log(`territory loaded in ${formatMs(territory.ms)} ms`);
  const { rows } = await database.db.orm.execute<{ istat_code: string; province_code: string; province_name: string; point_lng: number }>(sql`
    select m.istat_code, m.province_code, p.name as province_name, m.point_lng
    from municipalities m join provinces p on p.code = m.province_code
    where m.boundary is not null order by m.istat_code`);
  const municipalities: Municipality[] = rows.map((r) => ({ istatCode: r.istat_code, provinceCode: r.province_code, provinceName: r.province_name, lng: r.point_lng }));
  const provinces = municipalities.map((m) => ({ zoneCode: m.provinceCode, zoneName: m.provinceName, istatCode: m.istatCode }));
  const generated = generatedPartition(municipalities);
  const base = { domain: 'other' as const, coverage: 'partial' as const, format: 'csv' as const };
  const importA = await timed(() => importZoning(context, { ...base, name: 'Province italiane', content: toCsv(provinces) }));
  const importB = await timed(() => importZoning(context, { ...base, name: 'Partizione generata', content: toCsv(generated) }));
  const a = importA.result.zoningId!;
  const b = importB.result.zoningId!;
  log(`zonings imported: A ${importA.result.zones.length} zones in ${formatMs(importA.ms)} ms, B ${importB.result.zones.length} zones in ${formatMs(importB.ms)} ms`);

  for (let i = 0; i < WARM_UP; i++) await compareZonings(context, { a, b });
  const sqlSamples = await sampleDurations(RUNS, () => compareZonings(context, { a, b }));
  const alignment = await compareZonings(context, { a, b });

  let inMemory = computeAlignment([], [], new Map());
  const fetchAndCompute = await sampleDurations(RUNS, async () => {
    const [assignA, assignB] = await Promise.all([listAssignments(context, a), listAssignments(context, b)]);
    const facts = new Map(assignA.map((row) => [row.municipalityCode, { name: row.name, population: row.population }]));
    inMemory = computeAlignment(assignA, assignB, facts);
  });
  const assignA = await listAssignments(context, a);
  const assignB = await listAssignments(context, b);
  const facts = new Map(assignA.map((row) => [row.municipalityCode, { name: row.name, population: row.population }]));
  for (let i = 0; i < WARM_UP; i++) computeAlignment(assignA, assignB, facts);
  const computeOnly = await sampleDurations(RUNS, async () => {
    inMemory = computeAlignment(assignA, assignB, facts);
  });
  const maxDifference = Math.max(...Object.entries(inMemory.scores).map(([key, value]) => Math.abs(value - alignment.scores[key as keyof typeof alignment.scores])));
  log(`scores: coincidence ${alignment.scores.coincidenceShare.toFixed(4)}, ARI ${alignment.scores.adjustedRandIndex.toFixed(4)}, NVI ${alignment.scores.normalizedVariationOfInformation.toFixed(4)}; ${alignment.breaking.length} breaking; max |SQL − TS| ${maxDifference.toExponential(1)}`);
  return {
    database: database.label,
    municipalities: municipalities.length,
    zonesA: importA.result.zones.length,
    zonesB: importB.result.zones.length,
    importAms: importA.ms,
    importBms: importB.ms,
    sql: { p50: median(sqlSamples), p95: percentile(sqlSamples, 95) },
    typescript: { p50: median(computeOnly), p95: percentile(computeOnly, 95) },
    typescriptWithFetch: { p50: median(fetchAndCompute), p95: percentile(fetchAndCompute, 95) },
    breaking: alignment.breaking.length,
    crosswalkCells: alignment.crosswalk.reduce((sum, row) => sum + row.cells.length, 0),
    scores: alignment.scores,
    maxDifference,
  };
}

export const benchmark: Benchmark = {
  name: 'zonings',
  description: 'alignment of two partitions of all Italian municipalities: SQL vs plain TypeScript, PGlite and PostgreSQL',
  async run(log) {
    const results = await onEachDatabase((database) => runOn(database, log), log);
    return {
      title: `Comparison of two zonings of ${results[0]?.municipalities ?? '?'} municipalities (${RUNS} runs each, ms)`,
      columns: ['database', 'zones A × B', 'import A / B', 'SQL compare p50', 'SQL p95', 'TS compute p50', 'TS p95', 'TS + fetch p50', 'breaking', 'max |SQL−TS|'],
      rows: results.map((r) => [
        r.database,
        `${r.zonesA} × ${r.zonesB}`,
        `${formatMs(r.importAms)} / ${formatMs(r.importBms)}`,
        formatMs(r.sql.p50),
        formatMs(r.sql.p95),
        formatMs(r.typescript.p50),
        formatMs(r.typescript.p95),
        formatMs(r.typescriptWithFetch.p50),
        r.breaking,
        r.maxDifference.toExponential(1),
      ]),
      notes: [
        'SQL compare = the compareZonings use case: scores (coincidence share, ARI, NVI by people and by municipality), crosswalk and breaking municipalities, three queries.',
        'TS compute = computeAlignment over arrays already in memory (the baseline); TS + fetch adds reading both assignments from the database.',
        `B = each province cut into west-to-east strips of ~${MUNICIPALITIES_PER_ZONE} municipalities, ${MOVED_SHARE * 100}% moved to the next strip (seed ${SEED}).`,
      ],
      data: { seed: SEED, runs: RUNS, results },
    };
  },
};
