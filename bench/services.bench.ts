/**
 * Services directory search: 100,000 services on PGlite, 100,000 and 1,000,000 on PostgreSQL, placed over the real
 * Italian municipalities (half in the 300 most populous, half anywhere), and 1,000 realistic queries a third of each
 * kind — text only, text + category, text + 20 km around a municipality — through the real use case (ids and the
 * cards' data). Baseline in the same run: the naive `ILIKE '%word%'` query with the same filters (haversine on every
 * location), sampled for at most BASELINE_BUDGET_MS per kind when it is slow.
 *
 * Sizes: BENCH_SERVICES_SIZES_PG (default "100000,1000000") and BENCH_SERVICES_SIZE_PGLITE (default 100000); 0 skips.
 */
import { sql } from 'drizzle-orm';
import { ZServiceSearchQuery } from '../common/contracts/services';
import { ANONYMOUS, systemActor } from '../server/platform/access/actor';
import type { Database } from '../server/platform/db/database';
import type { UseCaseContext } from '../server/platform/use-case';
import { searchServices, selectServicePageNaiveForBenchmark } from '../server/modules/services';
import { importTerritory } from '../server/modules/territory';
import type { Benchmark } from './lib/benchmark';
import { openPglite, openPostgres, postgresServerUrl, type BenchDatabase } from './lib/databases';
import { formatMs, percentile, seededRandom, timed } from './lib/stats';

const QUERIES = 1000;
const WARM_UP = 30;
const PAGE_SIZE = 20;
const RADIUS_KM = 20;
const BASELINE_BUDGET_MS = 40_000;
const ORGANIZATIONS = 5000;
const SEED = 20261122;

/** What people type (folded or not, singular or plural), with the category a visitor might add. */
const TYPED: { q: string; category: string }[] = [
  { q: 'assistenza anziani', category: 'anziani' },
  { q: 'assistenza domiciliare', category: 'anziani' },
  { q: 'badante', category: 'anziani' },
  { q: 'centro diurno', category: 'anziani' },
  { q: 'casa di riposo', category: 'anziani' },
  { q: 'teleassistenza', category: 'anziani' },
  { q: 'ginnastica anziani', category: 'salute' },
  { q: 'asilo nido', category: 'infanzia' },
  { q: 'nido', category: 'infanzia' },
  { q: 'doposcuola', category: 'infanzia' },
  { q: 'aiuto compiti', category: 'infanzia' },
  { q: 'centro estivo bambini', category: 'infanzia' },
  { q: 'baby sitting', category: 'infanzia' },
  { q: 'disabili', category: 'disabilita' },
  { q: 'disabilità centro diurno', category: 'disabilita' },
  { q: 'vita indipendente', category: 'disabilita' },
  { q: 'psicologo', category: 'salute' },
  { q: 'supporto psicologico', category: 'salute' },
  { q: 'consultorio famiglia', category: 'salute' },
  { q: 'orientamento lavoro', category: 'lavoro' },
  { q: 'corsi formazione', category: 'lavoro' },
  { q: 'tirocinio', category: 'lavoro' },
  { q: 'inserimento lavorativo', category: 'lavoro' },
  { q: 'emergenza abitativa', category: 'casa' },
  { q: 'affitto', category: 'casa' },
  { q: 'housing sociale', category: 'casa' },
  { q: 'aiuti alimentari', category: 'reddito' },
  { q: 'spesa', category: 'reddito' },
  { q: 'microcredito', category: 'reddito' },
  { q: 'contributi economici', category: 'reddito' },
  { q: 'trasporto sociale', category: 'mobilita' },
  { q: 'accompagnamento visite', category: 'mobilita' },
  { q: 'socializzazione', category: 'cultura' },
  { q: 'sport per tutti', category: 'cultura' },
  { q: 'corsi laboratori', category: 'cultura' },
  { q: 'conciliazione vita lavoro', category: 'welfare-aziendale' },
  { q: 'buoni servizi', category: 'welfare-aziendale' },
  { q: 'caregiver', category: 'salute' },
  { q: 'stranieri', category: 'lavoro' },
  { q: 'anziano solo', category: 'anziani' },
];

/** Sentences a description is made of: the first follows the category, the others are common to all. */
const PHRASES: Record<string, string[]> = {
  infanzia: ['Attività educative e di cura per bambini da 0 a 11 anni.', 'Aiuto nei compiti e spazi gioco per bambini e ragazzi.'],
  anziani: ['Aiuto a domicilio per persone anziane e non autosufficienti.', 'Attività e compagnia per anziani soli, con pranzo.'],
  disabilita: ['Percorsi per persone con disabilità e per le loro famiglie.', 'Laboratori e vita autonoma per giovani adulti con disabilità.'],
  salute: ['Consulenza psicologica individuale e gruppi di auto mutuo aiuto.', 'Prevenzione, movimento e benessere per tutte le età.'],
  lavoro: ['Orientamento, curriculum e tirocini per chi cerca lavoro.', 'Inserimento lavorativo di persone svantaggiate con un tutor.'],
  casa: ['Accoglienza temporanea e accompagnamento alla ricerca di una casa.', 'Sostegno per l’affitto e le bollette.'],
  reddito: ['Aiuti alimentari e spesa gratuita per famiglie in difficoltà.', 'Contributi economici e consulenza sul bilancio familiare.'],
  mobilita: ['Trasporto e accompagnamento a visite mediche e servizi.', 'Navetta per chi non può muoversi da solo.'],
  cultura: ['Corsi, laboratori e attività di socializzazione.', 'Sport e tempo libero aperti a tutti.'],
  'welfare-aziendale': ['Servizi per conciliare lavoro e famiglia dei dipendenti.', 'Buoni e rimborsi per i servizi alla persona.'],
  common: [
    'Operatori qualificati e volontari.',
    'Servizio aperto ai residenti del territorio.',
    'Accesso su appuntamento.',
    'In collaborazione con i servizi sociali del comune.',
    'Gratuito per chi ha un ISEE basso.',
    'Anche il sabato mattina.',
  ],
};

const COMMON_PHRASES = PHRASES.common!;

/** Fills `count` services with categories, one location each, deterministically (the same data on every run). */
async function generate(db: Database, count: number, log: (line: string) => void): Promise<void> {
  const exec = (query: ReturnType<typeof sql>) => db.orm.execute(query);
  await exec(sql`insert into organizations (id, legal_name, kind, sector)
    select md5('bench-org:' || i)::uuid, 'Organizzazione di prova ' || i, 'social_cooperative_a', 'third_sector'
    from generate_series(1, ${ORGANIZATIONS}) i`);
  await exec(sql`create temporary table bench_phrases (parent_code text, n int, phrase text)`);
  const count1 = async (query: ReturnType<typeof sql>) => Number((await db.orm.execute<{ n: number }>(query)).rows[0]!.n);
  const termCount = await count1(sql`select count(*)::int as n from service_taxonomy_terms where parent_id is not null`);
  const municipalityCount = await count1(sql`select count(*)::int as n from municipalities where point_lat is not null`);
  for (const [code, phrases] of Object.entries(PHRASES)) {
    for (const [n, phrase] of phrases.entries()) await exec(sql`insert into bench_phrases values (${code}, ${n}, ${phrase})`);
  }
  // Each service has one place: near a municipality's point, half of them in the 300 most populous municipalities.
  await exec(sql`create temporary table bench_munis as
    select istat_code, point_lat, point_lng, row_number() over (order by population desc nulls last, istat_code) - 1 as n
    from municipalities where point_lat is not null`);
  await exec(sql`create unique index on bench_munis (n)`);
  // Bulk load without the search indexes, then build them once (as a restore would).
  await exec(sql`drop index services_search_idx, services_name_trgm_idx, services_target_groups_idx, services_category_codes_idx, services_location_cells_idx`);
  const loaded = await timed(async () => {
    const batch = 100_000;
    for (let from = 1; from <= count; from += batch) {
      const to = Math.min(count, from + batch - 1);
      await exec(sql`
        with terms as (
          select t.id, t.label_it, p.label_it as parent_label, ph.phrases, array[p.code, t.code] as codes,
                 row_number() over (order by t.code) - 1 as n
          from service_taxonomy_terms t join service_taxonomy_terms p on p.id = t.parent_id
          join (select parent_code, array_agg(phrase order by n) as phrases from bench_phrases group by parent_code) ph on ph.parent_code = p.code),
        numbered as (
          select i, (i * 2654435761::bigint) % 1000003 as h1, (i * 40503::bigint + 17) % 999983 as h2, (i * 69069::bigint + 7) % 1000033 as h3,
                 ('x' || substr(md5('bench-svc:' || i), 1, 8))::bit(32)::bigint as h
          from generate_series(${from}::int, ${to}::int) i),
        placed as (
          select x.*, m.point_lat + ((x.h % 1000) - 500) / 100000.0 as latitude, m.point_lng + (((x.h / 1000) % 1000) - 500) / 100000.0 as longitude
          from numbered x join bench_munis m on m.n = case when x.h % 2 = 0 then (x.h / 7) % 300 else (x.h / 7) % ${municipalityCount} end)
        insert into services (id, organization_id, name, name_folded, description, search_keywords, target_groups, category_codes,
                              cost_kind, capacity_total, capacity_free, capacity_unit, confirmed_on,
                              location_cells, location_latitudes, location_longitudes)
        select md5('bench-svc:' || x.i)::uuid,
               md5('bench-org:' || (1 + x.i % ${ORGANIZATIONS}))::uuid,
               t.label_it || ' ' || (array['Il Girasole','Arcobaleno','Insieme','La Rete','Primavera','Il Ponte','Aurora','San Martino','Le Rondini','Il Faro'])[1 + (x.h2 % 10)::int],
               lower(unaccent(t.label_it || ' ' || (array['Il Girasole','Arcobaleno','Insieme','La Rete','Primavera','Il Ponte','Aurora','San Martino','Le Rondini','Il Faro'])[1 + (x.h2 % 10)::int])),
               t.phrases[1 + (x.h2 % 2)::int] || ' ' || (${sql.param(COMMON_PHRASES)}::text[])[1 + (x.h3 % ${COMMON_PHRASES.length})::int],
               t.label_it || ' · ' || t.parent_label,
               string_to_array((array['older_people', 'children,families', 'disability', 'young_people,unemployed', 'poverty,families', 'adults'])[1 + (x.h3 % 6)::int], ','),
               t.codes,
               (array['free','fee','means_tested'])[1 + (x.h1 % 3)::int],
               10 + x.h2 % 90, x.h3 % 10, 'places', current_date - (x.h1 % 400)::int,
               service_point_cells(x.latitude, x.longitude), array[x.latitude], array[x.longitude]
        from placed x join terms t on t.n = x.h1 % ${termCount}`);
      log(`    ${to.toLocaleString('en')} services`);
    }
    await exec(sql`
      insert into service_categories (service_id, term_id)
      select s.id, t.id from services s
      join service_taxonomy_terms t on t.label_it = split_part(s.search_keywords, ' · ', 1) and t.parent_id is not null
      where s.organization_id in (select id from organizations where legal_name like 'Organizzazione di prova %')`);
    // The same place as the services' copies above (same hash, same arithmetic).
    await exec(sql`
      with numbered as (
        select s.id as service_id, s.organization_id, (('x' || substr(s.id::text, 1, 8))::bit(32)::bigint) as h
        from services s where s.organization_id in (select id from organizations where legal_name like 'Organizzazione di prova %'))
      insert into service_locations (id, organization_id, name, municipality_code, latitude, longitude)
      select x.service_id, x.organization_id, 'Sede', m.istat_code,
             m.point_lat + ((x.h % 1000) - 500) / 100000.0, m.point_lng + (((x.h / 1000) % 1000) - 500) / 100000.0
      from numbered x join bench_munis m on m.n = case when x.h % 2 = 0 then (x.h / 7) % 300 else (x.h / 7) % ${municipalityCount} end`);
    await exec(sql`insert into service_at_locations (service_id, location_id) select id, id from service_locations where name = 'Sede'`);
    const disagreeing = await count1(sql`
      select count(*)::int as n from services s join service_at_locations sal on sal.service_id = s.id
      join service_locations l on l.id = sal.location_id
      where s.location_cells <> service_point_cells(l.latitude, l.longitude)
         or s.location_latitudes <> array[l.latitude] or s.location_longitudes <> array[l.longitude]`);
    if (disagreeing > 0) throw new Error(`${disagreeing} generated services have places copies that disagree with their location`);
  });
  log(`    rows loaded in ${formatMs(loaded.ms)} ms`);
  const indexed = await timed(async () => {
    await exec(sql`create index services_search_idx on services using gin (search_vector) with (fastupdate = off)`);
    await exec(sql`create index services_name_trgm_idx on services using gin (name_folded gin_trgm_ops) with (fastupdate = off)`);
    await exec(sql`create index services_target_groups_idx on services using gin (target_groups) with (fastupdate = off)`);
    await exec(sql`create index services_category_codes_idx on services using gin (category_codes) with (fastupdate = off)`);
    await exec(sql`create index services_location_cells_idx on services using gin (location_cells) with (fastupdate = off)`);
    await exec(sql`analyze`);
  });
  log(`    indexes built and analyzed in ${formatMs(indexed.ms)} ms`);
}

type Kind = 'text' | 'text + category' | `text + ${typeof RADIUS_KM} km`;
interface Case {
  kind: Kind;
  q: string;
  category?: string;
  near?: string;
  words: string[];
}

function cases(municipalities: { istatCode: string; latitude: number; longitude: number }[], populous: number): Case[] {
  const random = seededRandom(SEED);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const list: Case[] = [];
  for (let index = 0; index < QUERIES; index++) {
    const typed = pick(TYPED);
    const words = typed.q.split(' ').filter((word) => word.length > 2);
    const kind = (['text', 'text + category', `text + ${RADIUS_KM} km`] as const)[index % 3]!;
    list.push({
      kind,
      q: typed.q,
      words,
      category: kind === 'text + category' ? typed.category : undefined,
      near: kind === `text + ${RADIUS_KM} km` ? pick(random() < 0.5 ? municipalities.slice(0, populous) : municipalities).istatCode : undefined,
    });
  }
  return list;
}

interface KindStats {
  kind: Kind;
  p50: number;
  p95: number;
  meanResults: number;
  baselineP50: number;
  baselineP95: number;
  baselineSamples: number;
}

async function measure(db: Database, list: Case[], points: Map<string, { latitude: number; longitude: number }>): Promise<KindStats[]> {
  const visitor: UseCaseContext = { actor: ANONYMOUS, db, requestId: null };
  const run = (item: Case) =>
    searchServices(visitor, ZServiceSearchQuery.parse({ q: item.q, category: item.category, near: item.near, radiusKm: RADIUS_KM, pageSize: PAGE_SIZE }));
  for (const item of list.slice(0, WARM_UP)) await run(item);
  const stats: KindStats[] = [];
  for (const kind of ['text', 'text + category', `text + ${RADIUS_KM} km`] as const) {
    const ofKind = list.filter((item) => item.kind === kind);
    const samples: number[] = [];
    let results = 0;
    for (const item of ofKind) {
      const { ms, result } = await timed(() => run(item));
      samples.push(ms);
      results += result.items.length;
    }
    const baseline: number[] = [];
    const started = performance.now();
    for (const item of ofKind) {
      if (performance.now() - started > BASELINE_BUDGET_MS) break;
      const centre = item.near ? points.get(item.near) : undefined;
      const { ms } = await timed(() =>
        selectServicePageNaiveForBenchmark(db.orm, { words: item.words, categoryCode: item.category, centre, radiusKm: RADIUS_KM, limit: PAGE_SIZE }),
      );
      baseline.push(ms);
    }
    stats.push({
      kind,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      meanResults: results / ofKind.length,
      baselineP50: percentile(baseline, 50),
      baselineP95: percentile(baseline, 95),
      baselineSamples: baseline.length,
    });
  }
  return stats;
}

interface Run {
  database: string;
  services: number;
  loadMs: number;
  stats: KindStats[];
}

async function runOn(open: () => Promise<BenchDatabase>, count: number, log: (line: string) => void): Promise<Run> {
  const database = await open();
  try {
    const { db } = database;
    log(`— ${database.label}, ${count.toLocaleString('en')} services`);
    const territory = await timed(() => importTerritory({ actor: systemActor('bench'), db, requestId: null }));
    log(`    territory: ${territory.result.municipalities} municipalities in ${formatMs(territory.ms)} ms`);
    const load = await timed(() => generate(db, count, log));
    const municipalities = (
      await db.orm.execute<{ istat_code: string; point_lat: number; point_lng: number }>(sql`
        select istat_code, point_lat, point_lng from municipalities where point_lat is not null order by population desc nulls last, istat_code`)
    ).rows.map((row) => ({ istatCode: row.istat_code, latitude: row.point_lat, longitude: row.point_lng }));
    const points = new Map(municipalities.map((m) => [m.istatCode, m]));
    const stats = await measure(db, cases(municipalities, 100), points);
    for (const s of stats) log(`    ${s.kind}: p50 ${formatMs(s.p50)} ms, p95 ${formatMs(s.p95)} ms (baseline p50 ${formatMs(s.baselineP50)} ms over ${s.baselineSamples})`);
    return { database: database.label, services: count, loadMs: load.ms, stats };
  } finally {
    await database.destroy();
  }
}

const sizesFrom = (text: string | undefined, fallback: number[]) =>
  text ? text.split(',').map((value) => Number(value.trim())).filter((value) => Number.isInteger(value) && value > 0) : fallback;

export const benchmark: Benchmark = {
  name: 'services',
  description: 'services search (Italian full text, category, 20 km) at 100k on PGlite, 100k and 1M on PostgreSQL, vs naive ILIKE',
  async run(log) {
    const runs: Run[] = [];
    const serverUrl = postgresServerUrl();
    if (serverUrl) {
      for (const size of sizesFrom(process.env.BENCH_SERVICES_SIZES_PG, [100_000, 1_000_000])) runs.push(await runOn(() => openPostgres(serverUrl), size, log));
    } else {
      log('PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server URL to benchmark it too.');
    }
    for (const size of sizesFrom(process.env.BENCH_SERVICES_SIZE_PGLITE, [100_000])) runs.push(await runOn(() => openPglite(), size, log));
    const rows: (string | number)[][] = [];
    for (const run of runs) {
      rows.push([run.database, run.services.toLocaleString('en'), 'generate + load + index', `${formatMs(run.loadMs)} ms`, '', '']);
      for (const s of run.stats) {
        rows.push([
          run.database,
          run.services.toLocaleString('en'),
          `${s.kind} (×${QUERIES / 3 | 0})`,
          `${formatMs(s.p50)} / ${formatMs(s.p95)} ms`,
          `${s.meanResults.toFixed(1)} results/page`,
          `${formatMs(s.baselineP50)} / ${formatMs(s.baselineP95)} ms (${s.baselineSamples} queries), ×${(s.baselineP50 / s.p50).toFixed(0)} at p50`,
        ]);
      }
    }
    return {
      title: 'Services search, p50 / p95',
      columns: ['database', 'services', 'measure', 'time', 'detail', 'naive ILIKE baseline (same run)'],
      rows,
      notes: [
        'Times are the whole use case (ids, then the cards: provider, locations, schedules, categories) for a page of 20; the baseline only selects ids.',
        `The baseline is sampled for at most ${BASELINE_BUDGET_MS / 1000} s per kind of query when slow (count in brackets).`,
        'Goal (issue 4): PostgreSQL p95 ≤ 50 ms at 100,000 services, ≤ 200 ms at 1,000,000 with a territorial filter, ≥ 10× faster than the baseline at 1,000,000.',
      ],
      data: { runs },
    };
  },
};
