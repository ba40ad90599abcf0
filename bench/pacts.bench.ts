/**
 * Territorial pacts (issue 17): a regional pact with 2,000 signatory organizations, 10 commitments each and 5 versions
 * (each organization signed version 1 and acknowledged versions 2–5: 10,000 signatures), on PGlite and PostgreSQL:
 * - the commitments dashboard (`getPactDashboard`, the page's use case: totals by status, one page of 50 signatories
 *   with their counts, late first, and the first 50 commitments late first) p50/p95 for the first page and a later
 *   one, against the same counts computed in TypeScript over the commitment rows read in the same run (the
 *   baseline), checked equal.
 * - the public verification page of a social quality label (bench/label-verification.ts): every signatory holds one,
 *   verified by its code p50/p95, with its SVG badge, against a lookup the code's index cannot serve.
 * Sizes: BENCH_PACTS_SIGNATORIES (default 2000), BENCH_PACTS_COMMITMENTS (default 10), BENCH_PACTS_VERSIONS (default 5),
 * BENCH_PACTS_SAMPLES (default 40); BENCH_PACTS_PGLITE=0 skips PGlite.
 */
import { sql } from 'drizzle-orm';
import { DASHBOARD_COMMITMENTS, DASHBOARD_PAGE_SIZE, type TPactDashboard } from '../common/contracts/pacts';
import { COMMITMENT_STATUSES } from '../common/domain/pacts';
import { systemActor } from '../server/platform/access/actor';
import type { Database } from '../server/platform/db/database';
import type { UseCaseContext } from '../server/platform/use-case';
import { getPactDashboard } from '../server/modules/pacts';
import type { Benchmark } from './lib/benchmark';
import { onEachDatabase, type BenchDatabase } from './lib/databases';
import { formatMs, median, percentile, timed } from './lib/stats';
import { describeVerification, generateLabels, measureLabelVerification, type VerificationMeasured } from './label-verification';

const SIGNATORIES = Number(process.env.BENCH_PACTS_SIGNATORIES ?? 2_000);
const COMMITMENTS = Number(process.env.BENCH_PACTS_COMMITMENTS ?? 10);
const VERSIONS = Number(process.env.BENCH_PACTS_VERSIONS ?? 5);
const SAMPLES = Number(process.env.BENCH_PACTS_SAMPLES ?? 40);
const PACT_ID = '8f0e4b52-6d1a-4c3e-9a7b-2f5d8c1e0a01';
const DISTRICT_ID = '8f0e4b52-6d1a-4c3e-9a7b-2f5d8c1e0a02';
/** The i-th signatory organization's id: deterministic, a valid version-4 UUID. */
const ORGANIZATION_ID_OF_I = sql.raw(`overlay(overlay(md5('bench-pact-org:' || i) placing '4' from 13) placing '8' from 17)::uuid`);
const HASH = 'a'.repeat(64);

/** Deterministic data, set-based: hashes of the row number, never Math.random. */
async function generate(db: Database, log: (line: string) => void): Promise<number> {
  const exec = (query: ReturnType<typeof sql>) => db.orm.execute(query);
  // A version-4 UUID from the row number (the API's contracts accept only well-formed UUIDs).
  const orgId = ORGANIZATION_ID_OF_I;
  const h = (salt: string) => sql.raw(`('x' || substr(md5('${salt}:' || i), 1, 8))::bit(32)::bigint`);
  const { ms } = await timed(async () => {
    await exec(sql`insert into organizations (id, legal_name, kind, sector)
      select ${orgId}, 'Organizzazione firmataria ' || i, 'aps', 'third_sector' from generate_series(1, ${SIGNATORIES}) i`);
    await exec(sql`insert into districts (id, name) values (${DISTRICT_ID}::uuid, 'Regione di prova')`);
    await exec(sql`insert into pacts (id, district_id, title) values (${PACT_ID}::uuid, ${DISTRICT_ID}::uuid, 'Patto regionale di prova')`);
    await exec(sql`insert into pact_versions (id, pact_id, number, body, starts_on, status)
      select md5('bench-pact-version:' || n)::uuid, ${PACT_ID}::uuid, n, '## Art. 1 - Oggetto' || chr(10) || 'Versione ' || n, date '2025-01-01' + n * 30,
        case when n = ${VERSIONS} then 'in_force' else 'superseded' end
      from generate_series(1, ${VERSIONS}) n`);
    await exec(sql`insert into pact_signatures (pact_id, pact_version_id, organization_id, kind, status, signer_name, text_sha256, signed_at)
      select ${PACT_ID}::uuid, md5('bench-pact-version:' || n)::uuid, ${orgId}, case when n = 1 then 'signature' else 'acknowledgement' end,
        'valid', 'Legale ' || i, ${HASH}, timestamptz '2025-01-01' + (n * 30 + i % 30) * interval '1 day'
      from generate_series(1, ${SIGNATORIES}) i, generate_series(1, ${VERSIONS}) n`);
    await exec(sql`insert into pact_commitments (pact_id, organization_id, text, due_on, status)
      select ${PACT_ID}::uuid, ${orgId}, 'Impegno ' || k || ' di ' || i, date '2026-01-01' + ((${h('d')} + k * 37) % 700)::int,
        (${sql.param([...COMMITMENT_STATUSES])}::text[])[1 + ((${h('s')} + k) % ${COMMITMENT_STATUSES.length})::int]
      from generate_series(1, ${SIGNATORIES}) i, generate_series(1, ${COMMITMENTS}) k`);
    await exec(sql`analyze`);
  });
  log(`    loaded ${SIGNATORIES.toLocaleString('en')} signatories × ${VERSIONS} versions, ${(SIGNATORIES * COMMITMENTS).toLocaleString('en')} commitments in ${formatMs(ms)} ms`);
  return ms;
}

/** The baseline: every commitment row read into TypeScript, counted per organization and status there. */
async function countsInTypeScript(db: Database): Promise<Map<string, Record<string, number>>> {
  const rows = await db.orm.execute<{ organization_id: string; status: string }>(sql`select organization_id, status from pact_commitments where pact_id = ${PACT_ID}::uuid`);
  const counts = new Map<string, Record<string, number>>();
  for (const row of rows.rows) {
    const entry = counts.get(row.organization_id) ?? Object.fromEntries(COMMITMENT_STATUSES.map((status) => [status, 0]));
    entry[row.status] = (entry[row.status] ?? 0) + 1;
    counts.set(row.organization_id, entry);
  }
  return counts;
}

/** How the pages read differ from the baseline: totals, the signatory count, each page's counts, late first across pages. */
function differences(pages: TPactDashboard[], baseline: Map<string, Record<string, number>>): number {
  let differing = 0;
  for (const status of COMMITMENT_STATUSES) {
    const expected = [...baseline.values()].reduce((sum, entry) => sum + entry[status]!, 0);
    if (pages[0]!.totals[status] !== expected) differing += 1;
  }
  for (const dashboard of pages) {
    if (dashboard.signatoryTotal !== baseline.size) differing += 1;
    for (const row of dashboard.signatories) {
      const expected = baseline.get(row.organizationId);
      if (!expected || COMMITMENT_STATUSES.some((status) => expected[status] !== row.counts[status])) differing += 1;
    }
  }
  // Most late first across the pages read (the first and a later one).
  const late = pages.flatMap((dashboard) => dashboard.signatories.map((row) => row.counts.late));
  if (late.some((value, index) => index > 0 && value > late[index - 1]!)) differing += 1;
  // The first page holds the organizations with the most late commitments.
  const mostLate = [...baseline.values()].map((entry) => entry.late!).sort((a, b) => b - a).slice(0, pages[0]!.signatories.length);
  if (mostLate.some((value, index) => value !== pages[0]!.signatories[index]!.counts.late)) differing += 1;
  return differing;
}

interface Measured {
  label: string;
  loadMs: number;
  firstPageMs: number[];
  laterPageMs: number[];
  oneSignatoryMs: number[];
  baselineMs: number[];
  differing: number;
  verification: VerificationMeasured;
}

async function samples(run: () => Promise<TPactDashboard>): Promise<{ ms: number[]; last: TPactDashboard }> {
  await run();
  const ms: number[] = [];
  let last: TPactDashboard | null = null;
  for (let sample = 0; sample < SAMPLES; sample++) {
    const measured = await timed(run);
    ms.push(measured.ms);
    last = measured.result;
  }
  return { ms, last: last! };
}

const LATER_PAGE = Math.max(1, Math.ceil(SIGNATORIES / DASHBOARD_PAGE_SIZE / 2));

async function measure(database: BenchDatabase, log: (line: string) => void): Promise<Measured> {
  const { db, label } = database;
  const loadMs = await generate(db, log);
  const context: UseCaseContext = { actor: systemActor('bench'), db, requestId: null };
  const first = await samples(() => getPactDashboard(context, PACT_ID));
  const later = await samples(() => getPactDashboard(context, PACT_ID, { page: LATER_PAGE }));
  const someone = later.last.signatories[0]!.organizationId;
  const one = await samples(() => getPactDashboard(context, PACT_ID, { page: LATER_PAGE, organizationId: someone }));
  const baselineMs: number[] = [];
  let baseline: Map<string, Record<string, number>> | null = null;
  for (let run = 0; run < 3; run++) {
    const measured = await timed(() => countsInTypeScript(db));
    baselineMs.push(measured.ms);
    baseline = measured.result;
  }
  let differing = differences([first.last, later.last], baseline!);
  const ownTotal = COMMITMENT_STATUSES.reduce((sum, status) => sum + baseline!.get(someone)![status]!, 0);
  if (one.last.commitmentTotal !== ownTotal || one.last.commitments.some((entry) => entry.organizationId !== someone)) differing += 1;
  const p = (ms: number[]) => `p50 ${formatMs(median(ms))} ms, p95 ${formatMs(percentile(ms, 95))} ms`;
  await generateLabels(db, ORGANIZATION_ID_OF_I, SIGNATORIES);
  const verification = await measureLabelVerification(db, SIGNATORIES, SAMPLES * 5);
  log(`    labels: ${describeVerification(verification)}`);
  log(`    dashboard page 1: ${p(first.ms)}; page ${LATER_PAGE}: ${p(later.ms)}; one signatory: ${p(one.ms)}; counts in TypeScript over the rows: ${formatMs(median(baselineMs))} ms; ${differing === 0 ? 'equal' : `${differing} differ`}`);
  return { label, loadMs, firstPageMs: first.ms, laterPageMs: later.ms, oneSignatoryMs: one.ms, baselineMs, differing, verification };
}

export const benchmark: Benchmark = {
  name: 'pacts',
  description: `a pact with ${SIGNATORIES.toLocaleString('en')} signatories × ${COMMITMENTS} commitments and ${VERSIONS} versions`,
  async run(log) {
    const measured = await onEachDatabase((database) => measure(database, log), log, { pglite: process.env.BENCH_PACTS_PGLITE !== '0' });
    return {
      title: `Pacts: ${SIGNATORIES.toLocaleString('en')} signatories × ${COMMITMENTS} commitments, ${VERSIONS} versions`,
      columns: [
        'database',
        'load (ms)',
        `dashboard page 1 p50 / p95 (ms, ${SAMPLES} runs)`,
        `page ${LATER_PAGE} p50 / p95 (ms)`,
        'one signatory p50 / p95 (ms)',
        'counts in TypeScript over the rows (ms, median of 3)',
        'check',
        `label verification p50 / p95 (ms, ${SAMPLES * 5} codes)`,
        'badge p50 / p95 (ms)',
        'code matched case-insensitively (baseline) p50 / p95 (ms)',
      ],
      rows: measured.map((m) => [
        m.label,
        formatMs(m.loadMs),
        `${formatMs(median(m.firstPageMs))} / ${formatMs(percentile(m.firstPageMs, 95))}`,
        `${formatMs(median(m.laterPageMs))} / ${formatMs(percentile(m.laterPageMs, 95))}`,
        `${formatMs(median(m.oneSignatoryMs))} / ${formatMs(percentile(m.oneSignatoryMs, 95))}`,
        formatMs(median(m.baselineMs)),
        m.differing === 0 ? 'equal: totals, both pages, most late first, one signatory' : `${m.differing} differ`,
        `${formatMs(median(m.verification.verifyMs))} / ${formatMs(percentile(m.verification.verifyMs, 95))}${m.verification.wrong === 0 ? '' : ` (${m.verification.wrong} WRONG)`}`,
        `${formatMs(median(m.verification.badgeMs))} / ${formatMs(percentile(m.verification.badgeMs, 95))}`,
        `${formatMs(median(m.verification.baselineMs))} / ${formatMs(percentile(m.verification.baselineMs, 95))}`,
      ]),
      notes: [
        `Dashboard: getPactDashboard as the page calls it (system actor): totals by status over the pact, one page of ${DASHBOARD_PAGE_SIZE} signatories (most late first, then by name) with their counts, and the first ${DASHBOARD_COMMITMENTS} commitments late first; page ${LATER_PAGE} the same further on; "one signatory" adds organizationId (its commitments only). Goal: p95 ≤ 100 ms, and ≤ 20 ms on PostgreSQL.`,
        `Label verification: verifyLabel, what GET /api/labels/verify/:code answers (the public page and the badge's link), for ${SAMPLES * 5} codes spread over the ${SIGNATORIES.toLocaleString('en')} labels (one in ten revoked, one in five expired; each answer checked); the badge is the SVG built from it. Goal: p95 ≤ 20 ms on PostgreSQL. Baseline: the same lookup with the code compared case-insensitively, which the code's unique index cannot serve.`,
        'Baseline: every commitment row of the pact read into TypeScript and counted there, in the same run; compared with the totals and each signatory of both pages.',
      ],
      data: measured,
    };
  },
};
