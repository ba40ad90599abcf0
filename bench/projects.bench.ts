/**
 * Projects (issue 16): 20,000 co-designed projects with 5 partners, 20 budget lines and 10 milestones each (and 1–3
 * funding sources), over 600 districts (about as many as Italy's social districts), on PGlite and PostgreSQL:
 * - the filtered public list (`listProjects`, the page's use case, keyset page of 20 with its total) p50/p95 over
 *   varied filters (district, status, strand, target group, funding kind);
 * - budget totals by district and funding kind (`projectMap`, set-based over the totals kept on the project row and
 *   the funding sources), against the same totals computed in TypeScript over the rows read in the same run (the
 *   baseline), checked equal.
 * Sizes: BENCH_PROJECTS (default 20000), BENCH_PROJECTS_DISTRICTS (default 600), BENCH_PROJECTS_SAMPLES (default 60);
 * BENCH_PROJECTS_PGLITE=0 skips PGlite.
 */
import { sql } from 'drizzle-orm';
import type { TProjectMap } from '../common/contracts/projects';
import { FUNDING_KINDS, PROJECT_STATUSES, PROJECT_STRANDS } from '../common/domain/projects';
import { TARGET_GROUPS } from '../common/domain/services';
import { systemActor } from '../server/platform/access/actor';
import type { Database } from '../server/platform/db/database';
import type { UseCaseContext } from '../server/platform/use-case';
import { listProjects, projectMap } from '../server/modules/projects';
import type { Benchmark } from './lib/benchmark';
import { onEachDatabase, type BenchDatabase } from './lib/databases';
import { formatMs, median, percentile, timed } from './lib/stats';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const DISTRICTS = Number(process.env.BENCH_PROJECTS_DISTRICTS ?? 600);
const SAMPLES = Number(process.env.BENCH_PROJECTS_SAMPLES ?? 60);
const ORGANIZATIONS = 5_000;
const KINDS = ['social_services_body', 'municipality', 'social_cooperative_a', 'aps', 'firm', 'foundation'];

/** Deterministic data, set-based: hashes of the row number, never Math.random. */
async function generate(db: Database, log: (line: string) => void): Promise<number> {
  const exec = (query: ReturnType<typeof sql>) => db.orm.execute(query);
  await exec(sql`insert into organizations (id, legal_name, kind, sector)
    select md5('bench-org:' || i)::uuid, 'Organizzazione di prova ' || i, (${sql.param(KINDS)}::text[])[1 + i % ${KINDS.length}],
      case when i % ${KINDS.length} < 2 then 'public' when i % ${KINDS.length} = 4 then 'private' else 'third_sector' end
    from generate_series(1, ${ORGANIZATIONS}) i`);
  // District ids are valid version-4 UUIDs (the list's filter checks them): an md5 with the version and variant digits set.
  await exec(sql`insert into districts (id, name)
    select (substr(m, 1, 12) || '4' || substr(m, 14, 3) || '8' || substr(m, 18, 15))::uuid, 'Distretto ' || i
    from generate_series(1, ${DISTRICTS}) i, md5('bench-district:' || i) m`);
  const h = (salt: string) => sql.raw(`('x' || substr(md5('${salt}:' || i), 1, 8))::bit(32)::bigint`);
  const { ms } = await timed(async () => {
    await exec(sql`insert into projects (id, title, summary, status, target_groups, strands, start_on, end_on)
      select md5('bench-project:' || i)::uuid, 'Progetto ' || i, 'Sintesi del progetto ' || i,
        (${sql.param([...PROJECT_STATUSES])}::text[])[1 + (${h('s')} % ${PROJECT_STATUSES.length})::int],
        array[(${sql.param([...TARGET_GROUPS])}::text[])[1 + (${h('t')} % ${TARGET_GROUPS.length})::int]],
        array[(${sql.param([...PROJECT_STRANDS])}::text[])[1 + (${h('r')} % ${PROJECT_STRANDS.length})::int], (${sql.param([...PROJECT_STRANDS])}::text[])[1 + (${h('q')} % ${PROJECT_STRANDS.length})::int]],
        date '2025-01-01' + (${h('d')} % 365)::int, date '2027-01-01' + (${h('d')} % 365)::int
      from generate_series(1, ${PROJECTS}) i`);
    await exec(sql`insert into project_districts (project_id, district_id)
      select md5('bench-project:' || i)::uuid, (substr(m, 1, 12) || '4' || substr(m, 14, 3) || '8' || substr(m, 18, 15))::uuid
      from generate_series(1, ${PROJECTS}) i, md5('bench-district:' || (1 + ${h('w')} % ${DISTRICTS})) m`);
    await exec(sql`insert into project_partners (project_id, organization_id, role, work_share_percent)
      select md5('bench-project:' || i)::uuid, md5('bench-org:' || (1 + (${h('o')} + k * 997) % ${ORGANIZATIONS}))::uuid,
        case when k = 0 then 'lead' when k = 4 then 'funder' else 'partner' end, 20
      from generate_series(1, ${PROJECTS}) i, generate_series(0, 4) k`);
    await exec(sql`insert into project_budget_lines (project_id, organization_id, category, amount_cents)
      select md5('bench-project:' || i)::uuid, md5('bench-org:' || (1 + (${h('o')} + (k % 5) * 997) % ${ORGANIZATIONS}))::uuid,
        (array['staff','services','equipment','training','other'])[1 + k % 5], 1 + (${h('a')} * (k + 7)) % 9999999
      from generate_series(1, ${PROJECTS}) i, generate_series(0, 19) k`);
    await exec(sql`insert into project_milestones (project_id, title, due_on, status)
      select md5('bench-project:' || i)::uuid, 'Tappa ' || k, date '2025-01-01' + k * 60, (array['planned','in_progress','done','cancelled'])[1 + k % 4]
      from generate_series(1, ${PROJECTS}) i, generate_series(0, 9) k`);
    await exec(sql`insert into project_funding_sources (project_id, kind, committed_cents, spent_cents)
      select md5('bench-project:' || i)::uuid, (${sql.param([...FUNDING_KINDS])}::text[])[1 + ((${h('f')} + k * 3) % ${FUNDING_KINDS.length})::int],
        1 + (${h('c')} * (k + 3)) % 99999999, (${h('c')} * (k + 3)) % 999999
      from generate_series(1, ${PROJECTS}) i, generate_series(0, 2) k where k <= ${h('n')} % 3`);
    // The totals every write keeps on the project row (touchProject), set-based after the bulk load.
    await exec(sql`update projects p set budget_cents = b.total from (select project_id, sum(amount_cents) as total from project_budget_lines group by 1) b where b.project_id = p.id`);
    await exec(sql`update projects p set committed_cents = f.total, funding_kinds = f.kinds
      from (select project_id, sum(committed_cents) as total, array_agg(distinct kind order by kind) as kinds from project_funding_sources group by 1) f where f.project_id = p.id`);
    await exec(sql`analyze`);
  });
  log(`    loaded ${PROJECTS.toLocaleString('en')} projects over ${DISTRICTS} districts in ${formatMs(ms)} ms`);
  return ms;
}

/** The baseline: read the rows (each project's districts × funding sources, and budget lines) and sum in TypeScript. */
async function totalsInTypeScript(db: Database): Promise<Map<string, { budget: bigint; committed: bigint; byKind: Map<string, bigint>; count: number }>> {
  const lines = await db.orm.execute<{ project_id: string; amount_cents: string }>(sql`select project_id, amount_cents::text as amount_cents from project_budget_lines`);
  const sources = await db.orm.execute<{ project_id: string; kind: string; committed_cents: string }>(sql`select project_id, kind, committed_cents::text as committed_cents from project_funding_sources`);
  const districtsOf = await db.orm.execute<{ project_id: string; district_id: string }>(sql`select project_id, district_id from project_districts`);
  const budgetOf = new Map<string, bigint>();
  for (const line of lines.rows) budgetOf.set(line.project_id, (budgetOf.get(line.project_id) ?? 0n) + BigInt(line.amount_cents));
  const sourcesOf = new Map<string, { kind: string; cents: bigint }[]>();
  for (const source of sources.rows) {
    const list = sourcesOf.get(source.project_id) ?? [];
    list.push({ kind: source.kind, cents: BigInt(source.committed_cents) });
    sourcesOf.set(source.project_id, list);
  }
  const byDistrict = new Map<string, { budget: bigint; committed: bigint; byKind: Map<string, bigint>; count: number }>();
  for (const { project_id: projectId, district_id: districtId } of districtsOf.rows) {
    const entry = byDistrict.get(districtId) ?? { budget: 0n, committed: 0n, byKind: new Map(), count: 0 };
    entry.count += 1;
    entry.budget += budgetOf.get(projectId) ?? 0n;
    for (const source of sourcesOf.get(projectId) ?? []) {
      entry.committed += source.cents;
      entry.byKind.set(source.kind, (entry.byKind.get(source.kind) ?? 0n) + source.cents);
    }
    byDistrict.set(districtId, entry);
  }
  return byDistrict;
}

function differences(map: TProjectMap, baseline: Awaited<ReturnType<typeof totalsInTypeScript>>): number {
  let differing = Math.abs(map.districts.length - baseline.size);
  for (const district of map.districts) {
    const expected = baseline.get(district.districtId);
    if (!expected || expected.count !== district.projectCount || expected.budget !== BigInt(district.budgetCents) || expected.committed !== BigInt(district.committedCents)) differing += 1;
    else if (district.byFundingKind.some((row) => expected.byKind.get(row.kind) !== BigInt(row.committedCents))) differing += 1;
  }
  return differing;
}

interface Measured {
  label: string;
  loadMs: number;
  listMs: number[];
  mapMs: number[];
  baselineMs: number[];
  differing: number;
}

async function measure(database: BenchDatabase, log: (line: string) => void): Promise<Measured> {
  const { db, label } = database;
  const loadMs = await generate(db, log);
  const context: UseCaseContext = { actor: systemActor('bench'), db, requestId: null };
  const districtIds = (await db.orm.execute<{ id: string }>(sql`select id from districts order by id`)).rows.map((row) => row.id);
  const filtersOf = (index: number): Record<string, string> => {
    const pick = <T>(list: readonly T[]) => list[(index * 7919) % list.length]!;
    switch (index % 5) {
      case 0: return { districtId: pick(districtIds) };
      case 1: return { status: pick(PROJECT_STATUSES) };
      case 2: return { strand: pick(PROJECT_STRANDS), targetGroup: pick(TARGET_GROUPS) };
      case 3: return { fundingKind: pick(FUNDING_KINDS), status: 'running' };
      default: return { districtId: pick(districtIds), fundingKind: pick(FUNDING_KINDS) };
    }
  };
  await listProjects(context, { limit: 20 });
  const listMs: number[] = [];
  for (let index = 0; index < SAMPLES; index++) listMs.push((await timed(() => listProjects(context, { ...filtersOf(index), limit: 20 }))).ms);
  log(`    list: p50 ${formatMs(median(listMs))} ms, p95 ${formatMs(percentile(listMs, 95))} ms (${SAMPLES} filtered pages)`);
  const mapMs: number[] = [];
  const baselineMs: number[] = [];
  let map: TProjectMap | null = null;
  let baseline: Awaited<ReturnType<typeof totalsInTypeScript>> | null = null;
  for (let run = 0; run < 3; run++) {
    const timedMap = await timed(() => projectMap(context, {}));
    mapMs.push(timedMap.ms);
    map = timedMap.result;
    const timedBaseline = await timed(() => totalsInTypeScript(db));
    baselineMs.push(timedBaseline.ms);
    baseline = timedBaseline.result;
  }
  const differing = differences(map!, baseline!);
  log(`    totals by district × funding kind: ${formatMs(median(mapMs))} ms; in TypeScript over the rows: ${formatMs(median(baselineMs))} ms; ${differing === 0 ? 'equal' : `${differing} districts differ`}`);
  return { label, loadMs, listMs, mapMs, baselineMs, differing };
}

export const benchmark: Benchmark = {
  name: 'projects',
  description: `${PROJECTS.toLocaleString('en')} projects × (5 partners, 20 budget lines, 10 milestones, 1–3 funding sources) over ${DISTRICTS} districts`,
  async run(log) {
    const measured = await onEachDatabase((database) => measure(database, log), log, { pglite: process.env.BENCH_PROJECTS_PGLITE !== '0' });
    return {
      title: `Projects: ${PROJECTS.toLocaleString('en')} projects over ${DISTRICTS} districts`,
      columns: ['database', 'load (ms)', `list p50 / p95 (ms, ${SAMPLES} filtered pages)`, 'totals by district × kind, SQL (ms, median of 3)', 'same totals in TypeScript over the rows (ms, median of 3)', 'speed-up', 'check'],
      rows: measured.map((m) => [
        m.label,
        formatMs(m.loadMs),
        `${formatMs(median(m.listMs))} / ${formatMs(percentile(m.listMs, 95))}`,
        formatMs(median(m.mapMs)),
        formatMs(median(m.baselineMs)),
        `${(median(m.baselineMs) / median(m.mapMs)).toFixed(1)}×`,
        m.differing === 0 ? 'equal in every district' : `${m.differing} districts differ`,
      ]),
      notes: [
        'List: listProjects as the page calls it (system actor, limit 20, with the total), filters rotating over a district, a status, a strand with a target group, a funding kind with a status, and a district with a funding kind. Goal: p95 ≤ 50 ms on PostgreSQL.',
        "Totals: projectMap (count, budget and committed funding per district, committed by funding kind) against reading every budget line, funding source and project district into TypeScript and summing there, in the same run; the two are compared district by district. Goal: ≥ 10× the baseline.",
      ],
      data: measured,
    };
  },
};
