/**
 * `npm run bench -- jobs`: 100,000 no-op jobs through the queue (server/platform/jobs, ADR 0025) — enqueued in bulk,
 * claimed in batches with FOR UPDATE SKIP LOCKED, run, deleted — by two workers on PostgreSQL (each with a pool of its
 * own, as two processes would) and one on PGlite (one process by design). Every run is counted by job, so duplicates
 * and lost jobs show. Baseline in the same run: the same rows as plain INSERT + DELETE one by one, no queue.
 * BENCH_JOBS sets the count (default 100000).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { connectPostgres, type Database } from '../server/platform/db/database';
import { enqueueJobs } from '../server/platform/jobs/enqueue-job';
import { defineJob, type JobHandler } from '../server/platform/jobs/job-definitions';
import { startWorker } from '../server/platform/jobs/worker';
import type { Benchmark } from './lib/benchmark';
import { onEachDatabase, type BenchDatabase } from './lib/databases';

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const CHUNK = 5_000;
const SLOTS = 32;

interface Measured {
  database: string;
  workers: number;
  enqueueSeconds: number;
  runSeconds: number;
  duplicates: number;
  lost: number;
  plainInsertSeconds: number;
  plainDeleteSeconds: number;
}

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function measure(database: BenchDatabase, log: (line: string) => void): Promise<Measured> {
  const isServer = database.db.kind === 'postgresql';
  const extraPools: Database[] = [];
  const workerDatabases: Database[] = [database.db];
  if (isServer) {
    const url = (database.db.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const second = connectPostgres(url, { queryTimeoutMs: 600_000, max: 10 });
    extraPools.push(second);
    workerDatabases.push(second);
  }
  const runs = new Uint8Array(JOBS);
  const registry = new Map<string, JobHandler>([
    ['bench.noop', defineJob({ payload: z.object({ n: z.number().int() }), run: async (payload) => void (runs[payload.n] = runs[payload.n]! + 1) })],
  ]);

  let started = performance.now();
  for (let from = 0; from < JOBS; from += CHUNK) {
    const jobs = Array.from({ length: Math.min(CHUNK, JOBS - from) }, (_, index) => ({ type: 'bench.noop', payload: { n: from + index } }));
    await database.db.transaction((tx) => enqueueJobs(tx, jobs));
  }
  const enqueueSeconds = (performance.now() - started) / 1000;
  log(`  enqueued ${JOBS} jobs in ${enqueueSeconds.toFixed(1)} s`);

  started = performance.now();
  const workers = workerDatabases.map((db) => startWorker(db, { registry, slots: SLOTS, batchSize: SLOTS, pollMs: 20, leaseSeconds: 300 }));
  let last = 0;
  await until(async () => {
    const done = workers.reduce((sum, worker) => sum + worker.stats.done, 0);
    if (done - last >= 20_000) {
      log(`  ${done} done…`);
      last = done;
    }
    if (done < JOBS) return false;
    return true;
  });
  const runSeconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((worker) => worker.stop()));
  const left = await database.db.pool.query<{ count: number }>('select count(*)::int as count from jobs');
  let duplicates = 0;
  let lost = 0;
  for (const count of runs) {
    if (count === 0) lost += 1;
    if (count > 1) duplicates += count - 1;
  }
  log(`  ran in ${runSeconds.toFixed(1)} s; ${duplicates} duplicates, ${lost} lost, ${left.rows[0]!.count} left in the table`);

  // Baseline: the same rows and payloads as plain INSERT (in the same chunks) and DELETE one by one, as concurrent.
  await database.db.pool.query('create table bench_plain (id bigserial primary key, payload jsonb not null)');
  started = performance.now();
  for (let from = 0; from < JOBS; from += CHUNK) {
    const payloads = Array.from({ length: Math.min(CHUNK, JOBS - from) }, (_, index) => JSON.stringify({ n: from + index }));
    await database.db.orm.execute(sql`insert into bench_plain (payload) select p::jsonb from unnest(${sql.param(payloads)}::text[]) as p`);
  }
  const plainInsertSeconds = (performance.now() - started) / 1000;
  const ids = (await database.db.pool.query<{ id: number }>('select id from bench_plain order by id')).rows.map((row) => row.id);
  started = performance.now();
  let next = 0;
  await Promise.all(
    workerDatabases.flatMap((db) =>
      Array.from({ length: SLOTS }, async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          await db.pool.query('delete from bench_plain where id = $1', [id]);
        }
      }),
    ),
  );
  const plainDeleteSeconds = (performance.now() - started) / 1000;
  for (const pool of extraPools) await pool.close();
  return { database: database.label, workers: workerDatabases.length, enqueueSeconds, runSeconds, duplicates, lost, plainInsertSeconds, plainDeleteSeconds };
}

export const benchmark: Benchmark = {
  name: 'jobs',
  description: `${JOBS.toLocaleString('en')} no-op jobs through the database queue vs plain INSERT + DELETE`,
  async run(log) {
    const results = await onEachDatabase((database) => measure(database, log), log);
    const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en');
    return {
      title: `${JOBS.toLocaleString('en')} no-op jobs`,
      columns: ['database', 'workers × slots', 'enqueue (s)', 'run (s)', 'jobs/s (run)', 'duplicates', 'lost', 'plain INSERT (s)', 'plain DELETE (s)', 'plain rows/s (DELETE)'],
      rows: results.map((r) => [
        r.database, `${r.workers} × ${SLOTS}`, r.enqueueSeconds.toFixed(1), r.runSeconds.toFixed(1), rate(JOBS, r.runSeconds), r.duplicates, r.lost,
        r.plainInsertSeconds.toFixed(1), r.plainDeleteSeconds.toFixed(1), rate(JOBS, r.plainDeleteSeconds),
      ]),
      notes: [
        'run: from the workers\' start to the last job deleted (claim in batches of the free slots, handler, delete per job).',
        'Baseline: the same payloads as plain rows, inserted in the same chunks, deleted one statement per row with the same concurrency.',
        'Goal (issue 12): ≥ 1,000 jobs/s on PostgreSQL with two workers, 0 duplicates, 0 lost.',
      ],
      data: { jobs: JOBS, slots: SLOTS, results },
    };
  },
};
