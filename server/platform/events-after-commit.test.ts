import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { afterCommitJobType, defineEvent, InvalidEventPayloadError, on, onAfterCommit, publishInTransaction, subscribe } from './events';
import { collectJobs, registerSubscriptions, type ModuleManifest } from './module';
import { runDueJobs } from './jobs/worker';
import { createTestDatabase, type TestDatabase } from './testing/test-database';

// Events of this test only (the registries are per process).
const THING_DONE = defineEvent('after-commit-test.thing-done', z.strictObject({
  thingId: z.guid(),
  count: z.int().min(0),
  note: z.string().trim().default(''),
}));
const THING_DATED = defineEvent('after-commit-test.thing-dated', z.strictObject({ at: z.date() }));
const THING_ID = '00000000-0000-4000-8000-0000000000f1';
const NOTIFIER = 'after-commit-test-notifier';
const JOB_TYPE = afterCommitJobType(NOTIFIER, THING_DONE.name);

describe('events delivered after commit, as jobs', () => {
  let db: TestDatabase;
  const inTransaction: unknown[] = [];
  const delivered: { payload: unknown; attempt: number; actor: string }[] = [];
  let failuresLeft = 0;

  /** A module that keeps derived data in the transaction and "sends" after commit, as manifests declare them. */
  const notifierModule: ModuleManifest = {
    name: NOTIFIER,
    ownsTables: [],
    subscriptions: [
      on(THING_DONE, async (_tx, payload) => void inTransaction.push(payload)),
      onAfterCommit(
        THING_DONE,
        async (payload, job) => {
          // The handler's payload has the schema's parsed type: no cast.
          expectTypeOf(payload).toEqualTypeOf<{ thingId: string; count: number; note: string }>();
          delivered.push({ payload, attempt: job.attempt, actor: job.context.actor.kind });
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            throw new Error(`the notification service refused thing ${payload.count}`);
          }
        },
        { maxAttempts: 2 },
      ),
      onAfterCommit(THING_DATED, async () => undefined),
    ],
  };
  const { registry } = collectJobs({}, [notifierModule]);
  const runJobs = () => runDueJobs(db, { registry, limit: 20 });
  const jobRows = async () =>
    (await db.orm.execute<{ type: string; state: string; attempts: number; max_attempts: number; payload: unknown; last_error: string | null }>(
      sql`select type, state, attempts, max_attempts, payload, last_error from jobs order by id`)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    registerSubscriptions([notifierModule]);
    registerSubscriptions([notifierModule]);
  }, 120_000);
  afterAll(() => db.destroy());
  beforeEach(async () => {
    inTransaction.length = 0;
    delivered.length = 0;
    failuresLeft = 0;
    await db.orm.execute(sql`delete from jobs`);
  });

  it('names the job after the module and the event, and registers it with the workers', () => {
    expect(JOB_TYPE).toBe('after-commit-test-notifier.on.after-commit-test.thing-done');
    expect(registry.has(JOB_TYPE)).toBe(true);
  });

  it('runs the after-commit handler only once the write committed, with the typed payload, as the system', async () => {
    await db.transaction(async (tx) => {
      await publishInTransaction(tx, THING_DONE, { thingId: THING_ID, count: 3, note: '  tre  ' });
      // The in-transaction subscriber ran; the after-commit one is a job waiting for the commit.
      expect(inTransaction).toEqual([{ thingId: THING_ID, count: 3, note: 'tre' }]);
      expect(delivered).toEqual([]);
    });
    expect(await jobRows()).toEqual([
      { type: JOB_TYPE, state: 'queued', attempts: 0, max_attempts: 2, payload: { thingId: THING_ID, count: 3, note: 'tre' }, last_error: null },
    ]);
    expect(await runJobs()).toEqual({ done: 1, retried: 0, dead: 0 });
    expect(delivered).toEqual([{ payload: { thingId: THING_ID, count: 3, note: 'tre' }, attempt: 1, actor: 'system' }]);
    expect(await jobRows()).toEqual([]);
  });

  it('delivers nothing after commit for a rolled-back write', async () => {
    await expect(db.transaction(async (tx) => {
      await publishInTransaction(tx, THING_DONE, { thingId: THING_ID, count: 4 });
      throw new Error('the write failed after publishing');
    })).rejects.toThrow('the write failed after publishing');
    expect(inTransaction).toHaveLength(1);
    expect(await jobRows()).toEqual([]);
    expect(await runJobs()).toEqual({ done: 0, retried: 0, dead: 0 });
    expect(delivered).toEqual([]);
  });

  it('retries a failing handler with the queue\'s backoff, then keeps it dead with its error, audited', async () => {
    failuresLeft = 5;
    await db.transaction((tx) => publishInTransaction(tx, THING_DONE, { thingId: THING_ID, count: 5 }));
    expect(await runJobs()).toEqual({ done: 0, retried: 1, dead: 0 });
    // Its next attempt waits for the backoff: nothing is due right after the failure.
    expect(await runJobs()).toEqual({ done: 0, retried: 0, dead: 0 });
    await db.orm.execute(sql`update jobs set run_at = now()`);
    expect(await runJobs()).toEqual({ done: 0, retried: 0, dead: 1 });
    expect(delivered.map((delivery) => delivery.attempt)).toEqual([1, 2]);
    expect(await jobRows()).toEqual([
      { type: JOB_TYPE, state: 'dead', attempts: 2, max_attempts: 2, payload: { thingId: THING_ID, count: 5, note: '' }, last_error: 'the notification service refused thing 5' },
    ]);
    const audit = await db.orm.execute<{ actor_label: string; entity_type: string; after: Record<string, unknown> }>(
      sql`select actor_label, entity_type, after from audit_log where action = 'jobs.give-up'`);
    expect(audit.rows).toEqual([{
      actor_label: 'system:jobs', entity_type: 'job',
      after: { type: JOB_TYPE, state: 'dead', attempts: 2, maxAttempts: 2, lastError: 'the notification service refused thing 5', lastErrorReason: null },
    }]);
  });

  it('refuses a bad payload at publish, before any subscriber runs and without queueing a job', async () => {
    await expect(db.transaction((tx) =>
      publishInTransaction(tx, THING_DONE, { thingId: 'not-a-uuid', count: 1 }))).rejects.toBeInstanceOf(InvalidEventPayloadError);
    // A payload the job could not parse again once stored as JSON (a Date becomes a string) is refused at publish too.
    await expect(db.transaction((tx) =>
      publishInTransaction(tx, THING_DATED, { at: new Date() }))).rejects.toThrow(/after-commit-test\.thing-dated.*at/);
    expect(inTransaction).toEqual([]);
    expect(await jobRows()).toEqual([]);
  });

  it('refuses a stored payload the event\'s schema no longer accepts, naming the reason, without calling the handler', async () => {
    await db.orm.execute(sql`insert into jobs (type, payload, max_attempts) values (${JOB_TYPE}, '{"thingId": "x"}'::jsonb, 1)`);
    expect(await runJobs()).toEqual({ done: 0, retried: 0, dead: 1 });
    expect(delivered).toEqual([]);
    const [job] = (await db.orm.execute<{ last_error: string; last_error_reason: string }>(sql`select last_error, last_error_reason from jobs`)).rows;
    expect(job).toMatchObject({ last_error_reason: 'jobs.bad-payload', last_error: expect.stringContaining('thingId') });
  });

  it('refuses a second after-commit subscription of one module to one event (their job types would clash)', () => {
    const twice: ModuleManifest = { name: NOTIFIER, ownsTables: [], subscriptions: [onAfterCommit(THING_DONE, async () => undefined)] };
    expect(() => subscribe(twice.name, twice.subscriptions![0]!)).toThrow(/twice/);
    expect(() => collectJobs({}, [notifierModule, twice])).toThrow(/declared twice/);
  });
});
