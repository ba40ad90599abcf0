/**
 * Embedded PGlite responsiveness: PGlite runs in a child process, so a slow query should not freeze the web
 * server's event loop; but the database itself is single-threaded, so other queries wait behind it. This measures
 * both, then shows that with a query time limit the app gives up on the slow query ('Query read timeout').
 */
import type { Database } from '../server/platform/db/database';
import type { Benchmark } from './lib/benchmark';
import { openPglite } from './lib/databases';
import { formatMs } from './lib/stats';

const TARGET_SLOW_QUERY_MS = 5000;
const TIMEOUT_MS = 1000;
/** How long after the slow query starts the `select 1` is sent. */
const PROBE_DELAY_MS = 250;

interface Run {
  label: string;
  slowQueryMs: number;
  slowQueryOutcome: string;
  maxEventLoopLagMs: number;
  probeWaitMs: number;
  probeOutcome: string;
}

const slowQuery = (rows: number) => `select count(*) from generate_series(1, ${rows})`;

/** Rows of generate_series that take about TARGET_SLOW_QUERY_MS on this machine. */
async function calibrate(db: Database): Promise<number> {
  let rows = 1_000_000;
  for (;;) {
    const start = performance.now();
    await db.pool.query(slowQuery(rows));
    const ms = performance.now() - start;
    if (ms > 300) return Math.round((rows * TARGET_SLOW_QUERY_MS) / ms);
    rows *= 4;
  }
}

async function outcome(work: Promise<unknown>): Promise<{ ms: number; outcome: string }> {
  const start = performance.now();
  try {
    await work;
    return { ms: performance.now() - start, outcome: 'completed' };
  } catch (error) {
    return { ms: performance.now() - start, outcome: `error: ${(error as Error).message}` };
  }
}

async function measure(label: string, db: Database, rows: number): Promise<Run> {
  // (a) a 10 ms timer on this process's event loop; lag = how late it fires.
  let maxLag = 0;
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - expected);
    expected = now + 10;
  }, 10);
  // Both queries go through the pool, as a web request's would: the embedded pool has one connection (ADR 0019:
  // PGlite is one session), so checking out a second client while holding the first waits forever — the probe's wait
  // is the pool's queue plus PGlite's, which is what a request behind a slow query sees.
  try {
    const slow = outcome(db.pool.query(slowQuery(rows)));
    await new Promise((resolve) => setTimeout(resolve, PROBE_DELAY_MS));
    // (b) a trivial query sent while the slow one runs: how long it waits for the database.
    const probe = await outcome(db.pool.query('select 1'));
    const slowResult = await slow;
    return {
      label,
      slowQueryMs: slowResult.ms,
      slowQueryOutcome: slowResult.outcome,
      maxEventLoopLagMs: maxLag,
      probeWaitMs: probe.ms,
      probeOutcome: probe.outcome,
    };
  } finally {
    clearInterval(timer);
  }
}

export const benchmark: Benchmark = {
  name: 'responsiveness',
  description: 'a ~5 s query on embedded PGlite: event-loop lag, a concurrent select 1, and the query time limit',
  async run(log) {
    const runs: Run[] = [];
    let afterTimeout = { ms: Number.NaN, outcome: 'not run' };
    const unlimited = await openPglite({ migrated: false });
    let rows: number;
    try {
      rows = await calibrate(unlimited.db);
      log(`slow query: ${slowQuery(rows)}`);
      runs.push(await measure('no time limit', unlimited.db, rows));
    } finally {
      await unlimited.destroy();
    }
    const limited = await openPglite({ migrated: false, queryTimeoutMs: TIMEOUT_MS });
    try {
      runs.push(await measure(`queryTimeoutMs ${TIMEOUT_MS}`, limited.db, rows));
      // After giving up, is the database usable again, and when? PGlite cannot cancel a running query.
      afterTimeout = await outcome(limited.db.pool.query('select 1'));
    } finally {
      await limited.destroy();
    }
    return {
      title: 'Embedded PGlite under a slow query',
      columns: ['run', 'slow query', 'max event-loop lag', `select 1 sent at +${PROBE_DELAY_MS} ms`],
      rows: runs.map((run) => [
        run.label,
        `${formatMs(run.slowQueryMs)} ms, ${run.slowQueryOutcome}`,
        `${formatMs(run.maxEventLoopLagMs)} ms`,
        `waited ${formatMs(run.probeWaitMs)} ms, ${run.probeOutcome}`,
      ]),
      notes: [
        'Event-loop lag is measured in the app process; PGlite runs in a child process, so it stays small.',
        'PGlite executes one query at a time (one pooled connection): a query sent behind the slow one waits for it. With a time limit ' +
          'the app stops waiting (and answers 503), but the child process keeps running the query to its end: a ' +
          `select 1 sent right after both timed out waited ${formatMs(afterTimeout.ms)} ms (${afterTimeout.outcome}).`,
      ],
      data: { slowQuery: slowQuery(rows), probeDelayMs: PROBE_DELAY_MS, runs, selectOneAfterTimeout: afterTimeout },
    };
  },
};
