import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { enqueueJob } from './enqueue-job';
import { defineJob, type JobHandler } from './job-definitions';
import { claimJobs } from './jobs.repository';
import { runScheduleTick } from './scheduler';
import { runDueJobs, startWorker } from './worker';
import { z } from 'zod';

/** Polls until `check` holds (a state, never a fixed sleep); fails after `timeoutMs`. */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the expected state');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('jobs queue', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });
  beforeEach(async () => {
    await db.pool.query('delete from jobs');
    await db.pool.query('delete from job_schedule_runs');
  });

  const jobRows = async () =>
    (await db.pool.query<{ type: string; state: string; attempts: number; last_error: string | null }>('select type, state, attempts, last_error from jobs order by id')).rows;

  it('enqueues nothing when the transaction that enqueued is rolled back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, { type: 'test.noop', payload: { n: 1 } });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await jobRows()).toEqual([]);
    await db.transaction((tx) => enqueueJob(tx, { type: 'test.noop', payload: { n: 2 } }));
    expect(await jobRows()).toEqual([{ type: 'test.noop', state: 'queued', attempts: 0, last_error: null }]);
  });

  it('keeps one live job per unique key', async () => {
    const first = await db.transaction((tx) => enqueueJob(tx, { type: 'test.noop', uniqueKey: 'k' }));
    const second = await db.transaction((tx) => enqueueJob(tx, { type: 'test.noop', uniqueKey: 'k' }));
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await jobRows()).toHaveLength(1);
  });

  it('runs a job once, with its payload checked, and deletes it when done', async () => {
    const seen: number[] = [];
    const registry = new Map<string, JobHandler>([['test.count', defineJob({ payload: z.object({ n: z.number() }), run: async (payload) => void seen.push(payload.n) })]]);
    await db.transaction(async (tx) => {
      for (let n = 0; n < 20; n += 1) await enqueueJob(tx, { type: 'test.count', payload: { n } });
    });
    const worker = startWorker(db, { registry, slots: 3, pollMs: 20 });
    await waitFor(async () => (await jobRows()).length === 0);
    await worker.stop();
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(worker.stats).toEqual({ done: 20, retried: 0, dead: 0 });
  });

  it('retries a failing job with backoff, then keeps it dead with its last error', async () => {
    let calls = 0;
    const registry = new Map<string, JobHandler>([['test.fail', { run: async () => { calls += 1; throw new Error(`refused ${calls}`); } }]]);
    await db.transaction((tx) => enqueueJob(tx, { type: 'test.fail', maxAttempts: 3 }));
    const first = await runDueJobs(db, { registry, limit: 10 });
    expect(first).toEqual({ done: 0, retried: 1, dead: 0 });
    // The next attempt waits for its backoff: nothing is due right after the failure.
    expect(await runDueJobs(db, { registry, limit: 10 })).toEqual({ done: 0, retried: 0, dead: 0 });
    const delay = await db.pool.query<{ seconds: number }>('select extract(epoch from run_at - updated_at)::int as seconds from jobs');
    expect(delay.rows[0]!.seconds).toBe(10);
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      await db.pool.query('update jobs set run_at = now()');
      await runDueJobs(db, { registry, limit: 10 });
    }
    expect(await jobRows()).toEqual([{ type: 'test.fail', state: 'dead', attempts: 3, last_error: 'refused 3' }]);
    // A dead job is never claimed again.
    await db.pool.query('update jobs set run_at = now()');
    expect(await runDueJobs(db, { registry, limit: 10 })).toEqual({ done: 0, retried: 0, dead: 0 });
    expect(calls).toBe(3);
  });

  it('lets another worker claim a job whose worker died (its lease expired), and not before', async () => {
    await db.transaction((tx) => enqueueJob(tx, { type: 'test.noop' }));
    const [claimed] = await claimJobs(db.orm, 'dead-worker', ['test.noop'], 10, 1);
    expect(claimed).toMatchObject({ type: 'test.noop', attempt: 1 });
    expect(await claimJobs(db.orm, 'other-worker', ['test.noop'], 10, 60)).toEqual([]);
    await waitFor(async () => (await db.pool.query('select 1 from jobs where locked_until < now()')).rows.length === 1);
    const ran: string[] = [];
    const registry = new Map<string, JobHandler>([['test.noop', { run: async (_payload, job) => void ran.push(`${job.id}:${job.attempt}`) }]]);
    expect(await runDueJobs(db, { registry, limit: 10 })).toEqual({ done: 1, retried: 0, dead: 0 });
    expect(ran).toEqual([`${claimed!.id}:2`]);
    expect(await jobRows()).toEqual([]);
  });

  it('never hands one job to two concurrent claimers', async () => {
    await db.transaction(async (tx) => {
      for (let n = 0; n < 200; n += 1) await enqueueJob(tx, { type: 'test.noop', payload: { n } });
    });
    const claims = await Promise.all([...Array(8).keys()].map((worker) => claimJobs(db.orm, `w${worker}`, ['test.noop'], 40, 60)));
    const ids = claims.flat().map((job) => job.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
  });

  it('fires a schedule once per period with two schedulers ticking', async () => {
    const schedules = [{ name: 'test.daily', cron: '0 8 * * *', jobType: 'test.noop', payload: { from: 'schedule' } }];
    const morning = new Date('2026-12-06T07:00:05Z');
    const fired = await Promise.all([runScheduleTick(db, schedules, morning), runScheduleTick(db, schedules, morning)]);
    expect(fired.flat()).toEqual(['test.daily']);
    expect(await runScheduleTick(db, schedules, new Date('2026-12-06T15:00:00Z'))).toEqual([]);
    expect(await jobRows()).toEqual([{ type: 'test.noop', state: 'queued', attempts: 0, last_error: null }]);
    // The next day is a new period; the previous job still waiting, the schedule does not pile up a second one.
    expect(await runScheduleTick(db, schedules, new Date('2026-12-07T07:00:00Z'))).toEqual(['test.daily']);
    expect(await jobRows()).toHaveLength(1);
    const runs = await db.pool.query('select period_key, job_id is not null as has_job from job_schedule_runs order by period_key');
    expect(runs.rows).toEqual([{ period_key: '2026-12-06 08:00', has_job: true }, { period_key: '2026-12-07 08:00', has_job: false }]);
  });
});
