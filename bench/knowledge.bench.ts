/**
 * Shared knowledge (issue 15): the practices base's Italian full-text search with filters, through the real use case
 * (visibility rule, ranking, snippets for the page), at 100,000 practices with attachments metadata, on PostgreSQL
 * (BENCH_DATABASE_URL) and PGlite. Baseline in the same run: the naive `ILIKE '%word%'` over the texts with the same
 * visibility and filters. Data: deterministic (hashes of the row number), 25 districts, 2,500 organizations; a third of
 * the practices have one or two attachments (metadata in stored_files, no bytes).
 *
 * Sizes: BENCH_KNOWLEDGE_SIZE_PG (default 100000), BENCH_KNOWLEDGE_SIZE_PGLITE (default 100000); 0 skips.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../server/platform/access/actor';
import type { Database } from '../server/platform/db/database';
import type { UseCaseContext } from '../server/platform/use-case';
import { practiceReaderOf, practiceSearchOf, searchPractices, selectPracticePageNaiveForBenchmark } from '../server/modules/practices';
import type { Benchmark } from './lib/benchmark';
import { openPglite, openPostgres, postgresServerUrl, type BenchDatabase } from './lib/databases';
import { formatMs, seededRandom, timeAgainstBaseline, timed } from './lib/stats';

const QUERIES = 600;
const WARM_UP = 30;
const PAGE_SIZE = 20;
const DISTRICTS = 25;
const ORGANIZATIONS = 2500;
const BASELINE_BUDGET_MS = 40_000;
const SEED = 20261207;

/** Practices are made of these pieces (the words people search appear in several inflections across them). */
const ACTIVITIES = [
  'Navetta per le visite mediche', 'Navette serali per i turni', 'Doposcuola nelle biblioteche', 'Biblioteca aperta ai ragazzi', 'Spesa a domicilio con i volontari',
  'Volontario di quartiere per gli anziani soli', 'Mensa solidale aperta alla terza età', 'Mense scolastiche a chilometro zero', 'Sportello badanti condiviso',
  'Sportelli di ascolto per caregiver', 'Orti sociali per persone con disabilità', 'Emporio solidale per famiglie', 'Telesoccorso per anziani soli',
  'Inserimento lavorativo con tutor', 'Tirocini per giovani senza lavoro', 'Centro estivo diffuso nei comuni', 'Trasporto sociale in valle', 'Casa di quartiere',
  'Gruppi di cammino per la salute', 'Alloggi temporanei per emergenza abitativa',
];
const TRIED = [
  'Abbiamo coinvolto i comuni e le associazioni del territorio con un accordo di un anno.', 'Le famiglie si prenotavano per telefono e gli operatori organizzavano i turni.',
  'Il servizio è partito in via sperimentale in tre comuni della valle.', 'Abbiamo formato venti volontari con un corso di quattro incontri.',
  'La cooperativa ha messo a disposizione un pulmino e un autista.', 'Le biblioteche comunali hanno aperto due pomeriggi in più.',
];
const CAUSES = [
  'Gli orari non erano compatibili con quelli dei lavoratori e degli scuolabus.', 'Mancava un accordo con i medici di base per le segnalazioni.',
  'I finanziamenti sono finiti dopo sei mesi e nessuno ha preso il testimone.', 'Le famiglie non conoscevano il servizio: la comunicazione è stata debole.',
];
const LESSONS = [
  'Partire da un questionario sui bisogni e concordare gli orari con chi usa il servizio.', 'Coinvolgere fin dall’inizio i servizi sociali e i medici.',
  'Prevedere un piano per continuare dopo il finanziamento.', 'Passare dalle scuole e dalle parrocchie per farlo conoscere.',
];
/** What people type (other inflections than the data's, synonyms), with a category a reader might add. */
const TYPED: { q: string; category: string }[] = [
  { q: 'navetta', category: 'mobilita' }, { q: 'biblioteche', category: 'infanzia' }, { q: 'volontari anziani', category: 'anziani' },
  { q: 'mensa', category: 'reddito' }, { q: 'sportello badante', category: 'anziani' }, { q: 'orto sociale', category: 'disabilita' },
  { q: 'emporio', category: 'reddito' }, { q: 'telesoccorso', category: 'anziani' }, { q: 'tirocinio giovani', category: 'lavoro' },
  { q: 'trasporti', category: 'mobilita' }, { q: 'terza eta', category: 'anziani' }, { q: 'caregiver ascolto', category: 'salute' },
  { q: 'alloggio emergenza', category: 'casa' }, { q: 'centri estivi', category: 'infanzia' }, { q: 'doposcuola', category: 'infanzia' },
];
const CATEGORIES = ['anziani.assistenza-domiciliare', 'anziani.assistenza-familiare', 'infanzia.doposcuola', 'infanzia.centri-estivi', 'mobilita.trasporto-sociale',
  'reddito.aiuti-alimentari', 'lavoro.inserimento', 'disabilita.vita-indipendente', 'casa.emergenza-abitativa', 'salute.supporto-psicologico'];

async function generate(db: Database, count: number, log: (line: string) => void): Promise<void> {
  const exec = (query: ReturnType<typeof sql>) => db.orm.execute(query);
  await exec(sql`insert into organizations (id, legal_name, kind, sector)
    select md5('bench-org:' || i)::uuid, 'Organizzazione di prova ' || i, 'social_cooperative_a', 'third_sector' from generate_series(1, ${ORGANIZATIONS}) i`);
  await exec(sql`insert into districts (id, name) select overlay(overlay(md5('bench-district:' || i) placing '4' from 13) placing '8' from 17)::uuid, 'Distretto di prova ' || i from generate_series(1, ${DISTRICTS}) i`);
  // Each organization is a current member of one district (organization i of district i mod DISTRICTS).
  await exec(sql`insert into district_memberships (district_id, organization_id, role, started_on, status)
    select overlay(overlay(md5('bench-district:' || (1 + i % ${DISTRICTS})) placing '4' from 13) placing '8' from 17)::uuid, md5('bench-org:' || i)::uuid, 'member', current_date - 400, 'accepted'
    from generate_series(1, ${ORGANIZATIONS}) i`);
  await exec(sql`drop index practices_search_idx, practices_tags_idx`);
  const loaded = await timed(async () => {
    const batch = 25_000;
    for (let from = 1; from <= count; from += batch) {
      const to = Math.min(count, from + batch - 1);
      await exec(sql`
        with numbered as (
          select i, (i * 2654435761::bigint) % 1000003 as h1, (i * 40503::bigint + 17) % 999983 as h2, (i * 69069::bigint + 7) % 1000033 as h3
          from generate_series(${from}::int, ${to}::int) i)
        insert into practices (id, district_id, organization_id, title, what_tried, what_worked, failure_cause, lesson_learned, territory, category_code,
                               outcome, visibility, tags, started_on, updated_at, created_at)
        select md5('bench-practice:' || x.i)::uuid,
               overlay(overlay(md5('bench-district:' || (1 + (1 + x.h1 % ${ORGANIZATIONS}) % ${DISTRICTS})) placing '4' from 13) placing '8' from 17)::uuid,
               md5('bench-org:' || (1 + x.h1 % ${ORGANIZATIONS}))::uuid,
               (${sql.param(ACTIVITIES)}::text[])[1 + (x.h1 % ${ACTIVITIES.length})::int] || ' n. ' || x.i,
               (${sql.param(TRIED)}::text[])[1 + (x.h2 % ${TRIED.length})::int] || ' ' || (${sql.param(TRIED)}::text[])[1 + (x.h3 % ${TRIED.length})::int],
               'Buona partecipazione nei primi mesi.',
               case when x.h2 % 5 < 2 then (${sql.param(CAUSES)}::text[])[1 + (x.h3 % ${CAUSES.length})::int] else '' end,
               case when x.h2 % 5 < 2 then (${sql.param(LESSONS)}::text[])[1 + (x.h1 % ${LESSONS.length})::int] else '' end,
               'Comuni del distretto',
               (${sql.param(CATEGORIES)}::text[])[1 + (x.h3 % ${CATEGORIES.length})::int],
               case when x.h2 % 5 = 0 then 'failure' when x.h2 % 5 = 1 then 'partial' else 'success' end,
               (array['district', 'district', 'signed_in', 'public'])[1 + (x.h3 % 4)::int],
               array[(array['anziani', 'trasporto', 'scuola', 'lavoro', 'volontariato', 'welfare aziendale'])[1 + (x.h1 % 6)::int]],
               current_date - (x.h2 % 1500)::int, now() - make_interval(hours => (x.h3 % 20000)::int), now() - make_interval(hours => (x.h3 % 20000)::int)
        from numbered x`);
      log(`    ${to.toLocaleString('en')} practices`);
    }
    // Attachments metadata: a third of the practices have one or two (the bytes are not stored).
    await exec(sql`
      insert into stored_files (owner, record_id, name, media_type, size_bytes, sha256)
      select 'practices.practice', p.id::text, 'relazione-' || n || '.pdf', 'application/pdf', 20000 + n * 1000, md5(p.id::text || n) || md5(n || p.id::text)
      from practices p cross join generate_series(1, 2) n
      where ('x' || substr(p.id::text, 1, 2))::bit(8)::int % 3 = 0 and (n = 1 or ('x' || substr(p.id::text, 3, 2))::bit(8)::int % 2 = 0)`);
  });
  log(`    rows loaded in ${formatMs(loaded.ms)} ms`);
  const indexed = await timed(async () => {
    await exec(sql`create index practices_search_idx on practices using gin (search_vector) with (fastupdate = off)`);
    await exec(sql`create index practices_tags_idx on practices using gin (tags)`);
    await exec(sql`analyze`);
  });
  log(`    indexes built and analyzed in ${formatMs(indexed.ms)} ms`);
}

type Kind = 'text' | 'text + failures and lessons' | 'text + category + district';
interface Case { kind: Kind; q: string; category?: string; districtId?: string; lessons?: boolean }

function cases(): Case[] {
  const random = seededRandom(SEED);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const list: Case[] = [];
  const kinds: Kind[] = ['text', 'text + failures and lessons', 'text + category + district'];
  for (let index = 0; index < QUERIES; index++) {
    const typed = pick(TYPED);
    const kind = kinds[index % 3]!;
    list.push({
      kind, q: typed.q,
      lessons: kind === 'text + failures and lessons' ? true : undefined,
      category: kind === 'text + category + district' ? typed.category : undefined,
      // The reader's own district (members-only practices count) or another.
      districtId: kind === 'text + category + district' ? `district:${1 + Math.floor(random() * 3)}` : undefined,
    });
  }
  return list;
}

interface KindStats { kind: Kind; p50: number; p95: number; meanResults: number; meanTotal: number; baselineP50: number; baselineP95: number; baselineSamples: number }

async function measure(db: Database, list: Case[], log: (line: string) => void): Promise<KindStats[]> {
  const districtIds = new Map((await db.orm.execute<{ i: number; id: string }>(sql`
    select i, overlay(overlay(md5('bench-district:' || i) placing '4' from 13) placing '8' from 17)::uuid::text as id from generate_series(1, 3) i`)).rows.map((row) => [`district:${row.i}`, row.id]));
  // A person of organization 1 (a member of district 2): reads public, signed-in and their district's members-only practices.
  const actor: Actor = { kind: 'user', userId: '00000000-0000-4000-8000-00000000be0c', email: 'bench@example.test', grants: [{ role: 'organization_member', districtId: null, organizationId: (await db.orm.execute<{ id: string }>(sql`select md5('bench-org:1')::uuid::text as id`)).rows[0]!.id }] };
  const reader: UseCaseContext = { actor, db, requestId: null };
  const queryOf = (item: Case) => ({ q: item.q, lessons: item.lessons ? 'true' as const : undefined, categoryCode: item.category, districtId: item.districtId ? districtIds.get(item.districtId) : undefined, limit: PAGE_SIZE });
  for (const item of list.slice(0, WARM_UP)) await searchPractices(reader, queryOf(item));
  const stats: KindStats[] = [];
  // The baseline's inputs are prepared beforehand, so only its query is timed.
  const naiveOf = (item: Case) => ({ ...practiceSearchOf(queryOf(item)), words: item.q.split(' ').filter((word) => word.length > 2) });
  for (const kind of ['text', 'text + failures and lessons', 'text + category + district'] as const) {
    const ofKind = list.filter((item) => item.kind === kind).map((item) => ({ query: queryOf(item), naive: naiveOf(item) }));
    const timing = await timeAgainstBaseline(
      ofKind,
      (item) => searchPractices(reader, item.query),
      (item) => selectPracticePageNaiveForBenchmark(db.orm, item.naive, practiceReaderOf(actor)),
      BASELINE_BUDGET_MS,
    );
    const { results, ...times } = timing;
    const s = {
      kind, ...times,
      meanResults: results.reduce((sum, page) => sum + page.items.length, 0) / ofKind.length,
      meanTotal: results.reduce((sum, page) => sum + page.total, 0) / ofKind.length,
    };
    log(`    ${kind}: p50 ${formatMs(s.p50)} ms, p95 ${formatMs(s.p95)} ms, ${s.meanTotal.toFixed(0)} matches on average (baseline p50 ${formatMs(s.baselineP50)} ms over ${s.baselineSamples})`);
    stats.push(s);
  }
  return stats;
}

interface Run { database: string; practices: number; attachments: number; loadMs: number; stats: KindStats[] }

async function runOn(open: () => Promise<BenchDatabase>, count: number, log: (line: string) => void): Promise<Run> {
  const database = await open();
  try {
    const { db } = database;
    log(`— ${database.label}, ${count.toLocaleString('en')} practices`);
    const load = await timed(() => generate(db, count, log));
    const attachments = Number((await db.orm.execute<{ n: number }>(sql`select count(*)::int as n from stored_files`)).rows[0]!.n);
    const stats = await measure(db, cases(), log);
    return { database: database.label, practices: count, attachments, loadMs: load.ms, stats };
  } finally {
    await database.destroy();
  }
}

const sizeFrom = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text));

export const benchmark: Benchmark = {
  name: 'knowledge',
  description: 'practices base: Italian full-text search with filters at 100k practices on PostgreSQL and PGlite, vs naive ILIKE',
  async run(log) {
    const runs: Run[] = [];
    const serverUrl = postgresServerUrl();
    const pgSize = sizeFrom(process.env.BENCH_KNOWLEDGE_SIZE_PG, 100_000);
    if (serverUrl && pgSize > 0) runs.push(await runOn(() => openPostgres(serverUrl), pgSize, log));
    else if (!serverUrl) log('PostgreSQL skipped: set BENCH_DATABASE_URL (or DATABASE_URL) to a server URL to benchmark it too.');
    const pgliteSize = sizeFrom(process.env.BENCH_KNOWLEDGE_SIZE_PGLITE, 100_000);
    if (pgliteSize > 0) runs.push(await runOn(() => openPglite(), pgliteSize, log));
    const rows: (string | number)[][] = [];
    for (const run of runs) {
      rows.push([run.database, run.practices.toLocaleString('en'), `generate + load + index (${run.attachments.toLocaleString('en')} attachments)`, `${formatMs(run.loadMs)} ms`, '', '']);
      for (const s of run.stats) {
        rows.push([
          run.database, run.practices.toLocaleString('en'), `${s.kind} (×${QUERIES / 3})`, `${formatMs(s.p50)} / ${formatMs(s.p95)} ms`,
          `${s.meanResults.toFixed(1)} results/page, ${s.meanTotal.toFixed(0)} matches`,
          `${formatMs(s.baselineP50)} / ${formatMs(s.baselineP95)} ms (${s.baselineSamples} queries), ×${(s.baselineP95 / s.p95).toFixed(1)} at p95`,
        ]);
      }
    }
    return {
      title: 'Practices search, p50 / p95',
      columns: ['database', 'practices', 'measure', 'time', 'detail', 'naive ILIKE baseline (same run)'],
      rows,
      notes: [
        'Times are the whole use case (visibility rule, ranking, count of matches, snippets for the page of 20) for a member of one district; the baseline selects the page\'s ids, newest first, and the count of matches (what the page shows), without ranking or snippets.',
        `The baseline is sampled for at most ${BASELINE_BUDGET_MS / 1000} s per kind of query when slow (count in brackets).`,
        'Goal (issue 15): PostgreSQL p95 ≤ 50 ms at 100,000 practices, ≥ 10× faster than the baseline.',
      ],
      data: { runs },
    };
  },
};
