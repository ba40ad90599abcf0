/**
 * Matching: aggregated demand and coverage for every category × target group × municipality of Piemonte (all its
 * municipalities, from the territory fixture), with 100,000 open needs and 300,000 services, through the real use case,
 * on PGlite and on PostgreSQL. The page reads the services module's stored supply (ADR 0018); the same report with the
 * supply computed at request time (ADR 0017's statement) is timed too, and the two are compared group by group.
 * Baseline in the same run: the naive way — group the needs, then one query per group for the services that reach it —
 * timed on a deterministic sample of groups and extrapolated to all groups (labelled so in the table). Also timed: the
 * rebuild of the stored supply after the bulk load, and what keeping it costs a service write (moving a service's
 * place, the write that touches most stored keys).
 *
 * Sizes: BENCH_MATCHING_NEEDS (default 100000), BENCH_MATCHING_SERVICES (default 300000); BENCH_MATCHING_PGLITE=0
 * skips PGlite; BENCH_MATCHING_RUNS (default 2) timed runs; BENCH_MATCHING_NAIVE_SAMPLE (default 40) groups for the
 * baseline; BENCH_MATCHING_RADIUS_KM (default 10, the gap page's default).
 */
import { sql } from 'drizzle-orm';
import { systemActor } from '../server/platform/access/actor';
import type { Database } from '../server/platform/db/database';
import type { UseCaseContext } from '../server/platform/use-case';
import { getDemandCoverage, selectGroupSupplyNaiveForBenchmark } from '../server/modules/matching';
import { rebuildServiceSupply, rewriteAllPlacesCopiesForBenchmark, updateService } from '../server/modules/services';
import { loadTerritoryFixture } from '../server/modules/territory';
import type { Benchmark } from './lib/benchmark';
import { openPglite, openPostgres, postgresServerUrl, type BenchDatabase } from './lib/databases';
import { formatMs, median, percentile, timed } from './lib/stats';

const NEEDS = Number(process.env.BENCH_MATCHING_NEEDS ?? 100_000);
const SERVICES = Number(process.env.BENCH_MATCHING_SERVICES ?? 300_000);
const RADIUS_KM = Number(process.env.BENCH_MATCHING_RADIUS_KM ?? 10);
const ORGANIZATIONS = 3000;
/** Area districts the services may serve (WeCaRe divided Piemonte into 30 districts). */
const AREA_DISTRICTS = 30;
const RUNS = Number(process.env.BENCH_MATCHING_RUNS ?? 2);
const NAIVE_SAMPLE = Number(process.env.BENCH_MATCHING_NAIVE_SAMPLE ?? 40);
/** Service writes timed (each moves one service's place to another municipality). */
const WRITES = Number(process.env.BENCH_MATCHING_WRITES ?? 20);
const SCOPE_DISTRICT_ID = '00000000-0000-4000-8000-00000000b001';

/** Deterministic data: hashes of the row number, never Math.random. */
async function generate(db: Database, log: (line: string) => void): Promise<void> {
  const exec = (query: ReturnType<typeof sql>) => db.orm.execute(query);
  await exec(sql`insert into organizations (id, legal_name, kind, sector)
    select md5('bench-org:' || i)::uuid, 'Organizzazione di prova ' || i, 'social_cooperative_a', 'third_sector'
    from generate_series(1, ${ORGANIZATIONS}) i`);
  // The scope: one district over every municipality of the fixture; plus 30 area districts of about 40 municipalities
  // each (consecutive ISTAT codes, so mostly neighbours) that some services serve as a whole.
  await exec(sql`insert into districts (id, name) values (${SCOPE_DISTRICT_ID}::uuid, 'Piemonte (benchmark)')`);
  await exec(sql`insert into district_municipalities (district_id, municipality_code) select ${SCOPE_DISTRICT_ID}::uuid, istat_code from municipalities`);
  await exec(sql`insert into districts (id, name) select md5('bench-district:' || i)::uuid, 'Distretto ' || i from generate_series(0, ${AREA_DISTRICTS - 1}) i`);
  await exec(sql`create temporary table bench_munis as
    select istat_code, point_lat, point_lng, row_number() over (order by istat_code) - 1 as n from municipalities where point_lat is not null`);
  await exec(sql`create unique index on bench_munis (n)`);
  const municipalityCount = Number((await db.orm.execute<{ n: number }>(sql`select count(*)::int as n from bench_munis`)).rows[0]!.n);
  await exec(sql`insert into district_municipalities (district_id, municipality_code)
    select md5('bench-district:' || (n * ${AREA_DISTRICTS} / ${municipalityCount}))::uuid, istat_code from bench_munis`);
  await exec(sql`create temporary table bench_terms as
    select t.code, p.code as parent_code, row_number() over (order by t.code) - 1 as n
    from service_taxonomy_terms t join service_taxonomy_terms p on p.id = t.parent_id`);
  const termCount = Number((await db.orm.execute<{ n: number }>(sql`select count(*)::int as n from bench_terms`)).rows[0]!.n);
  // The full-text and trigram indexes play no part here: load without them, as a restore would.
  await exec(sql`drop index if exists services_search_idx, services_name_trgm_idx, services_target_groups_idx, services_category_codes_idx, services_location_cells_idx`);
  const loaded = await timed(async () => {
    const batch = 50_000;
    for (let from = 1; from <= SERVICES; from += batch) {
      const to = Math.min(SERVICES, from + batch - 1);
      // 70 % have one place near a municipality's point (within ~3 km); 25 % serve 1–3 listed municipalities; 5 % a
      // whole area district. 95 % active; free capacity 0–12, unknown for 10 %.
      await exec(sql`
        with numbered as (
          select i, ('x' || substr(md5('bench-svc:' || i), 1, 8))::bit(32)::bigint as h, ('x' || substr(md5('bench-svc:' || i), 9, 8))::bit(32)::bigint as h2
          from generate_series(${from}::int, ${to}::int) i)
        insert into services (id, organization_id, name, name_folded, status, target_groups, category_codes, open_to, cost_kind, cost_cents,
                              capacity_total, capacity_free, capacity_unit, confirmed_on, service_area_district_id)
        select md5('bench-svc:' || x.i)::uuid, md5('bench-org:' || (1 + x.i % ${ORGANIZATIONS}))::uuid, 'Servizio ' || x.i, 'servizio ' || x.i,
               case when x.h % 20 = 0 then 'suspended' else 'active' end,
               array[(array['children','young_people','adults','older_people','families','disability','non_self_sufficiency','poverty','migration_background','unemployed','caregivers'])[1 + (x.h2 % 11)::int]],
               array[t.parent_code, t.code],
               case when x.h2 % 3 = 0 then array['member_employees'] else array['all_residents'] end,
               (array['free','fee','means_tested'])[1 + (x.h2 / 11 % 3)::int], (10 + x.h2 % 40) * 100,
               20, case when x.h2 % 10 = 0 then null else (x.h / 20 % 13)::int end, 'places', current_date - (x.h2 % 400)::int,
               case when x.h % 100 >= 95 then md5('bench-district:' || (x.h / 100 % ${AREA_DISTRICTS}))::uuid end
        from numbered x join bench_terms t on t.n = (x.h / 7) % ${termCount}`);
      log(`    ${to.toLocaleString('en')} services`);
    }
    await exec(sql`create temporary table bench_service_hash as
      select id, ('x' || substr(id::text, 1, 8))::bit(32)::bigint as h, row_number() over (order by id) as k from services
      where organization_id in (select id from organizations where legal_name like 'Organizzazione di prova %')`);
    await exec(sql`
      insert into service_locations (id, organization_id, name, municipality_code, latitude, longitude)
      select s.id, s.organization_id, 'Sede', m.istat_code, m.point_lat + ((b.h % 5000) - 2500) / 100000.0, m.point_lng + (((b.h / 5000) % 5000) - 2500) / 100000.0
      from bench_service_hash b join services s on s.id = b.id
      join bench_munis m on m.n = (b.h / 13) % ${municipalityCount}
      where b.k % 100 < 70 and s.service_area_district_id is null`);
    await exec(sql`insert into service_at_locations (service_id, location_id) select id, id from service_locations where name = 'Sede'`);
    await exec(sql`
      insert into service_area_municipalities (service_id, municipality_code)
      select distinct b.id, m.istat_code
      from bench_service_hash b join services s on s.id = b.id
      cross join generate_series(0, (b.h % 3)::int) j
      join bench_munis m on m.n = (b.h / 17 + j) % ${municipalityCount}
      where b.k % 100 >= 70 and s.service_area_district_id is null`);
    // Needs: a sub-category (9 in 10) or a first-level one, anywhere in Piemonte, 1–10 people, in the last year.
    await exec(sql`
      with numbered as (
        select i, ('x' || substr(md5('bench-need:' || i), 1, 8))::bit(32)::bigint as h, ('x' || substr(md5('bench-need:' || i), 9, 8))::bit(32)::bigint as h2
        from generate_series(1, ${NEEDS}) i)
      insert into needs (district_id, organization_id, category_code, target_group, municipality_code, people_count, relevance, source, expressed_on)
      select ${SCOPE_DISTRICT_ID}::uuid, md5('bench-org:' || (1 + x.h2 % ${ORGANIZATIONS}))::uuid,
             case when x.h % 10 = 0 then t.parent_code else t.code end,
             (array['children','young_people','adults','older_people','families','disability','non_self_sufficiency','poverty','migration_background','unemployed','caregivers'])[1 + (x.h2 / 7 % 11)::int],
             m.istat_code, 1 + (x.h / 10 % 10)::int, 1 + (x.h2 / 77 % 5)::int, 'manual', current_date - (x.h2 / 385 % 365)::int
      from numbered x join bench_terms t on t.n = (x.h / 100) % ${termCount} join bench_munis m on m.n = (x.h2 / 13) % ${municipalityCount}`);
  });
  log(`    rows loaded in ${formatMs(loaded.ms)} ms`);
  const indexed = await timed(async () => {
    // The copies of each service's places on its row, as the services repository writes them: the stored supply's
    // key-by-key recomputation reads them through the cells index.
    await rewriteAllPlacesCopiesForBenchmark(db.orm);
    await exec(sql`create index services_category_codes_idx on services using gin (category_codes) with (fastupdate = off)`);
    await exec(sql`create index services_location_cells_idx on services using gin (location_cells) with (fastupdate = off)`);
    await exec(sql`analyze`);
  });
  log(`    places copied onto services, category and cell indexes built, analyzed in ${formatMs(indexed.ms)} ms`);
}

interface Measured {
  label: string;
  groups: number;
  gaps: number;
  rebuildMs: number;
  setBasedMs: number[];
  computedMs: number;
  groupsDiffering: number;
  writeMs: number[];
  differingAfterWrites: number;
  groupingMs: number;
  naiveSampleMs: number[];
  naiveExtrapolatedMs: number;
  sampleMismatches: number;
}

async function measure(database: BenchDatabase, log: (line: string) => void): Promise<Measured> {
  const { db } = database;
  const context: UseCaseContext = { actor: systemActor('bench'), db, requestId: null };
  log(`  ${database.label}: territory (Piemonte) …`);
  await loadTerritoryFixture(db, ['01']);
  log(`  ${database.label}: generating ${NEEDS.toLocaleString('en')} needs and ${SERVICES.toLocaleString('en')} services …`);
  await generate(db, log);
  // The bulk load bypassed the use cases: the stored supply is rebuilt, as `distretto services rebuild-supply` does.
  const rebuild = await timed(() => rebuildServiceSupply(context, (done, total) => {
    if (done % 1000 < 100 || done === total) log(`    stored supply: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} municipalities × radii`);
  }));
  log(`    stored supply rebuilt in ${formatMs(rebuild.ms)} ms`);
  const query = { districtId: SCOPE_DISTRICT_ID, zoneKind: 'municipality' as const, radiusKm: RADIUS_KM, threshold: 1, periodDays: 90 };
  // Warm-up, then RUNS timed runs.
  let report = await getDemandCoverage(context, query);
  const setBasedMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { ms, result } = await timed(() => getDemandCoverage(context, query));
    setBasedMs.push(ms);
    report = result;
    log(`    set-based run ${run + 1}: ${formatMs(ms)} ms, ${report.groups.length.toLocaleString('en')} groups`);
  }
  // The same report with the supply computed at request time (ADR 0017's statement): timed once, compared per group.
  const computed = await timed(() => getDemandCoverage(context, query, { supply: 'computed' }));
  log(`    computed at request time: ${formatMs(computed.ms)} ms`);
  const computedByKey = new Map(computed.result.groups.map((g) => [`${g.categoryCode}|${g.targetGroup}|${g.zoneKey}`, g]));
  const groupsDiffering = report.groups.filter((g) => {
    const other = computedByKey.get(`${g.categoryCode}|${g.targetGroup}|${g.zoneKey}`);
    return !other || other.serviceCount !== g.serviceCount || other.freeCapacity !== g.freeCapacity
      || other.servicesWithUnknownCapacity !== g.servicesWithUnknownCapacity || other.oldestConfirmedOn !== g.oldestConfirmedOn;
  }).length + Math.abs(report.groups.length - computed.result.groups.length);
  log(`    stored vs computed: ${groupsDiffering} groups differ`);
  // Naive: the grouping query, then one query per group; per-group queries timed on a deterministic sample.
  const grouping = await timed(() =>
    db.orm.execute<{ category_code: string; target_group: string; municipality_code: string }>(sql`
      select n.category_code, n.target_group, n.municipality_code, count(*) as needs, sum(n.people_count) as people
      from needs n join district_municipalities dm on dm.municipality_code = n.municipality_code and dm.district_id = ${SCOPE_DISTRICT_ID}::uuid
      where n.status = 'open' group by 1, 2, 3 order by 1, 2, 3`),
  );
  const groups = grouping.result.rows;
  const step = Math.max(1, Math.floor(groups.length / NAIVE_SAMPLE));
  const sample = groups.filter((_, index) => index % step === 0).slice(0, NAIVE_SAMPLE);
  const byKey = new Map(report.groups.map((g) => [`${g.categoryCode}|${g.targetGroup}|${g.zoneKey}`, g]));
  const naiveSampleMs: number[] = [];
  let sampleMismatches = 0;
  for (const group of sample) {
    const { ms, result } = await timed(() =>
      selectGroupSupplyNaiveForBenchmark(db.orm, { categoryCode: group.category_code, municipalityCode: group.municipality_code, radiusKm: RADIUS_KM }),
    );
    naiveSampleMs.push(ms);
    const setBased = byKey.get(`${group.category_code}|${group.target_group}|${group.municipality_code}`);
    if (!setBased || setBased.serviceCount !== result.service_count || setBased.freeCapacity !== result.free_capacity) sampleMismatches += 1;
  }
  const meanNaive = naiveSampleMs.reduce((sum, ms) => sum + ms, 0) / naiveSampleMs.length;
  const naiveExtrapolatedMs = grouping.ms + meanNaive * groups.length;
  log(`    naive: ${sample.length} of ${groups.length.toLocaleString('en')} groups sampled, mean ${formatMs(meanNaive)} ms per group, ${sampleMismatches} mismatches`);
  // What keeping the supply costs a write (after the reads above, which it changes): move the place of WRITES services
  // (deterministic picks) to another municipality through the real use case, which takes the service's contribution
  // away where it counted and adds it where it counts now.
  const movable = await db.orm.execute<{ id: string; version: number; municipality_code: string }>(sql`
    select s.id, s.version, l.municipality_code from services s
    join service_at_locations sal on sal.service_id = s.id join service_locations l on l.id = sal.location_id
    where s.name like 'Servizio %' and s.status = 'active' order by md5(s.id::text) limit ${WRITES}`);
  const municipalityCodes = (await db.orm.execute<{ istat_code: string }>(sql`select istat_code from municipalities where point_lat is not null order by istat_code`)).rows.map((r) => r.istat_code);
  const writeMs: number[] = [];
  for (const [index, service] of movable.rows.entries()) {
    const target = municipalityCodes[(index * 97) % municipalityCodes.length]!;
    const { ms } = await timed(() => updateService(context, service.id, { version: service.version, locations: [{ name: 'Sede spostata', municipalityCode: target }] }));
    writeMs.push(ms);
  }
  log(`    ${writeMs.length} service moves: median ${formatMs(median(writeMs))} ms, p95 ${formatMs(percentile(writeMs, 95))} ms`);
  // The stored supply after the moves still equals the supply computed from the services.
  const storedAfter = await getDemandCoverage(context, query);
  const computedAfter = await getDemandCoverage(context, query, { supply: 'computed' });
  const differingAfterWrites = JSON.stringify(storedAfter.groups) === JSON.stringify(computedAfter.groups) ? 0 : 1;
  log(`    after the moves: stored ${differingAfterWrites === 0 ? '=' : '≠'} computed`);
  return {
    label: database.label,
    groups: report.groups.length,
    gaps: report.groups.filter((g) => g.isGap).length,
    rebuildMs: rebuild.ms,
    setBasedMs,
    computedMs: computed.ms,
    groupsDiffering,
    writeMs,
    differingAfterWrites,
    groupingMs: grouping.ms,
    naiveSampleMs,
    naiveExtrapolatedMs,
    sampleMismatches,
  };
}

export const benchmark: Benchmark = {
  name: 'matching',
  description: `aggregated demand and coverage for every category × target group × municipality of Piemonte: ${NEEDS.toLocaleString('en')} open needs, ${SERVICES.toLocaleString('en')} services, ${RADIUS_KM} km`,
  async run(log) {
    const measured: Measured[] = [];
    const targets: (() => Promise<BenchDatabase>)[] = [];
    if (process.env.BENCH_MATCHING_PGLITE !== '0') targets.push(() => openPglite());
    const serverUrl = postgresServerUrl();
    if (serverUrl) targets.push(() => openPostgres(serverUrl));
    for (const open of targets) {
      const database = await open();
      try {
        measured.push(await measure(database, log));
      } finally {
        await database.destroy();
      }
    }
    const rows = measured.map((m) => {
      const setBased = median(m.setBasedMs);
      return [
        m.label,
        m.groups.toLocaleString('en'),
        m.gaps.toLocaleString('en'),
        formatMs(setBased),
        formatMs(m.computedMs),
        `${formatMs(m.naiveExtrapolatedMs)} (extrapolated from ${m.naiveSampleMs.length} groups, median ${formatMs(median(m.naiveSampleMs))} ms each)`,
        `${Math.round(m.naiveExtrapolatedMs / setBased).toLocaleString('en')}×`,
        formatMs(m.rebuildMs),
        `${formatMs(median(m.writeMs))} / ${formatMs(percentile(m.writeMs, 95))}`,
        `${m.groupsDiffering === 0 ? 'stored = computed on every group' : `${m.groupsDiffering} groups differ`}, ${m.differingAfterWrites === 0 ? 'and after the moves' : 'NOT after the moves'}; naive sample ${m.sampleMismatches === 0 ? `same on all ${m.naiveSampleMs.length}` : `${m.sampleMismatches} differ`}`,
      ];
    });
    return {
      title: `Matching at Piemonte scale: ${NEEDS.toLocaleString('en')} open needs, ${SERVICES.toLocaleString('en')} services, radius ${RADIUS_KM} km`,
      columns: ['database', 'groups', 'gaps', `stored supply, all groups (ms, median of ${RUNS})`, 'supply computed per request (ms)', 'naive: one query per group (ms)', 'speed-up vs naive', 'supply rebuild (ms)', `service move p50 / p95 (ms, ${WRITES})`, 'checks'],
      rows,
      notes: [
        `Stored supply: getDemandCoverage (after one warm-up run) as the page runs it, one statement: needs grouped, joined to the services module's stored supply of each (radius, municipality, category). Supply computed per request: the same report with ADR 0017's statement (the services reaching each (category, municipality) by area district, area municipalities, a place in the municipality or within the radius: bounding box on the (lat, lng) btree, then haversine), one run.`,
        'Supply rebuild: `rebuildServiceSupply` (what `distretto services rebuild-supply` runs) over every municipality at 0, 5, 10 and 20 km, after the bulk load. Service move: `updateService` moving one place to another municipality, including taking the service\'s contribution away from every stored key where it counted and adding it where it counts now. Checks: the whole report from the stored supply equals the report computed from the services, before and after the moves.',
        `Naive: the needs grouped by one query, then for each group one query for its services (the same rule and indexes, for one (category, municipality)). It would take too long over every group, so ${NAIVE_SAMPLE} groups evenly spread over the ordered list are timed and the mean is multiplied by the number of groups (plus the grouping query): the "naive" column is an extrapolation.`,
        'Sample coverage check: for each sampled group, the naive service count and free capacity equal the set-based ones.',
      ],
      data: measured,
    };
  },
};
