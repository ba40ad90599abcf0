import { sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '../db/database';

export type JobState = 'queued' | 'running' | 'dead';

export interface NewJob {
  type: string;
  payload: unknown;
  /** Absent: now (the database's clock, the one every worker compares with). */
  runAt?: Date;
  maxAttempts: number;
  uniqueKey?: string;
}

/** Inserts a job; with a unique key already live (queued or running) it inserts nothing and returns null. */
export async function insertJob(db: DbExecutor, job: NewJob): Promise<string | null> {
  const runAt = job.runAt ? sql`${job.runAt.toISOString()}::timestamptz` : sql`now()`;
  const result = await db.execute<{ id: string }>(sql`
    insert into jobs (type, payload, run_at, max_attempts, unique_key)
    values (${job.type}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${runAt}, ${job.maxAttempts}, ${job.uniqueKey ?? null})
    on conflict (unique_key) where unique_key is not null and state <> 'dead' do nothing
    returning id::text as id`);
  return result.rows[0]?.id ?? null;
}

export interface ClaimedJob {
  id: string;
  type: string;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
}

/**
 * Takes up to `limit` due jobs of the given types for `workerId`: queued ones whose time has come and running ones whose
 * lease expired (their worker died). SKIP LOCKED lets concurrent workers take disjoint batches without waiting on each
 * other; the update happens in the same statement, so a claim is one short implicit transaction.
 */
export async function claimJobs(db: DbExecutor, workerId: string, types: string[], limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  const result = await db.execute<{ id: string; type: string; payload: unknown; attempts: number; max_attempts: number }>(sql`
    with due as (
      select id from jobs
      where state <> 'dead' and coalesce(locked_until, run_at) <= now() and type = any(${sql.param(types)}::text[])
      order by coalesce(locked_until, run_at), id
      limit ${limit}
      for update skip locked
    )
    update jobs set state = 'running', attempts = jobs.attempts + 1, locked_by = ${workerId},
      locked_until = now() + make_interval(secs => ${leaseSeconds}), updated_at = now()
    from due where jobs.id = due.id
    returning jobs.id::text as id, jobs.type, jobs.payload, jobs.attempts, jobs.max_attempts`);
  return result.rows
    .map((row) => ({ id: row.id, type: row.type, payload: row.payload, attempt: row.attempts, maxAttempts: row.max_attempts }))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** Extends the lease of the jobs this worker still holds (a long job is not taken by another worker meanwhile). */
export async function extendLeases(db: DbExecutor, workerId: string, ids: string[], leaseSeconds: number): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds})
    where id = any(${sql.param(ids)}::bigint[]) and locked_by = ${workerId} and state = 'running'`);
}

/** Finished jobs leave the table, only those this worker still holds (else another worker owns them now). */
export async function deleteFinishedJobs(db: DbExecutor, workerId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.execute(sql`delete from jobs where id = any(${sql.param(ids)}::bigint[]) and locked_by = ${workerId} and state = 'running'`);
  return result.rowCount ?? 0;
}

/** A failed attempt: queued again after `retryDelaySeconds`, or dead when it was the last one. */
export async function markJobFailed(
  db: DbExecutor,
  workerId: string,
  id: string,
  error: { message: string; reason: string | null },
  retryDelaySeconds: number,
): Promise<'queued' | 'dead' | null> {
  const result = await db.execute<{ state: 'queued' | 'dead' }>(sql`
    update jobs set state = case when attempts >= max_attempts then 'dead' else 'queued' end,
      run_at = now() + make_interval(secs => ${retryDelaySeconds}), locked_by = null, locked_until = null,
      last_error = ${error.message}, last_error_reason = ${error.reason}, updated_at = now()
    where id = ${id} and locked_by = ${workerId} and state = 'running'
    returning state`);
  return result.rows[0]?.state ?? null;
}

/** A stopping worker hands back what it holds without counting the attempt, so another worker takes it at once. */
export async function releaseJobs(db: DbExecutor, workerId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`
    update jobs set state = 'queued', attempts = greatest(attempts - 1, 0), run_at = now(), locked_by = null, locked_until = null, updated_at = now()
    where id = any(${sql.param(ids)}::bigint[]) and locked_by = ${workerId} and state = 'running'`);
}

export interface JobRow {
  id: string;
  type: string;
  state: JobState;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedUntil: string | null;
  lastError: string | null;
  lastErrorReason: string | null;
  createdAt: string;
  updatedAt: string;
}

type RawJobRow = {
  id: string; type: string; state: JobState; payload: unknown; attempts: number; max_attempts: number; run_at: string | Date;
  locked_until: string | Date | null; last_error: string | null; last_error_reason: string | null; created_at: string | Date; updated_at: string | Date;
};

const iso = (value: string | Date) => new Date(value).toISOString();

function toJob(row: RawJobRow): JobRow {
  return {
    id: row.id, type: row.type, state: row.state, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts,
    runAt: iso(row.run_at), lockedUntil: row.locked_until === null ? null : iso(row.locked_until), lastError: row.last_error, lastErrorReason: row.last_error_reason,
    createdAt: iso(row.created_at), updatedAt: iso(row.updated_at),
  };
}

const JOB_COLUMNS = sql`id::text as id, type, state, payload, attempts, max_attempts, run_at, locked_until, last_error, last_error_reason, created_at, updated_at`;

export async function selectJob(db: DbExecutor, id: string): Promise<JobRow | null> {
  const result = await db.execute<RawJobRow>(sql`select ${JOB_COLUMNS} from jobs where id = ${id}`);
  return result.rows[0] ? toJob(result.rows[0]) : null;
}

/** Most recently changed first, keyset-paged on (updated_at, id). */
export async function selectJobsPage(
  db: DbExecutor,
  filter: { state?: JobState; type?: string; after?: { updatedAt: string; id: string }; limit: number },
): Promise<JobRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.state) conditions.push(sql`state = ${filter.state}`);
  if (filter.type) conditions.push(sql`type = ${filter.type}`);
  if (filter.after) conditions.push(sql`(updated_at, id) < (${filter.after.updatedAt}::timestamptz, ${filter.after.id}::bigint)`);
  const result = await db.execute<RawJobRow>(sql`
    select ${JOB_COLUMNS} from jobs where ${sql.join(conditions, sql` and `)}
    order by updated_at desc, id desc limit ${filter.limit}`);
  return result.rows.map(toJob);
}

/** A dead job queued again by hand with a fresh set of attempts; null when it is not dead (nothing to retry). */
export async function requeueDeadJob(db: DbExecutor, id: string): Promise<JobRow | null> {
  const result = await db.execute<RawJobRow>(sql`
    update jobs set state = 'queued', attempts = 0, run_at = now(), updated_at = now()
    where id = ${id} and state = 'dead'
    returning ${JOB_COLUMNS}`);
  return result.rows[0] ? toJob(result.rows[0]) : null;
}

/** Records a schedule's period; true only for the one caller whose insert won (the one that enqueues its job). */
export async function insertScheduleRun(db: DbExecutor, scheduleName: string, periodKey: string): Promise<boolean> {
  const result = await db.execute(sql`
    insert into job_schedule_runs (schedule_name, period_key) values (${scheduleName}, ${periodKey})
    on conflict do nothing`);
  return (result.rowCount ?? 0) > 0;
}

export async function setScheduleRunJob(db: DbExecutor, scheduleName: string, periodKey: string, jobId: string | null): Promise<void> {
  await db.execute(sql`update job_schedule_runs set job_id = ${jobId} where schedule_name = ${scheduleName} and period_key = ${periodKey}`);
}

export async function countJobsByState(db: DbExecutor): Promise<Record<JobState, number>> {
  const result = await db.execute<{ state: JobState; count: number }>(sql`select state, count(*)::int as count from jobs group by state`);
  const counts: Record<JobState, number> = { queued: 0, running: 0, dead: 0 };
  for (const row of result.rows) counts[row.state] = row.count;
  return counts;
}

/** Many jobs in one statement (unnest), skipping those whose unique key is live; returns how many were inserted. */
export async function insertJobs(db: DbExecutor, jobs: NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const result = await db.execute(sql`
    insert into jobs (type, payload, run_at, max_attempts, unique_key)
    select type, payload::jsonb, coalesce(run_at, now()), max_attempts, unique_key
    from unnest(${sql.param(jobs.map((job) => job.type))}::text[], ${sql.param(jobs.map((job) => JSON.stringify(job.payload ?? {})))}::text[],
                ${sql.param(jobs.map((job) => job.runAt?.toISOString() ?? null))}::timestamptz[], ${sql.param(jobs.map((job) => job.maxAttempts))}::int[],
                ${sql.param(jobs.map((job) => job.uniqueKey ?? null))}::text[])
      as new_job(type, payload, run_at, max_attempts, unique_key)
    on conflict (unique_key) where unique_key is not null and state <> 'dead' do nothing`);
  return result.rowCount ?? 0;
}

/** Makes the queued jobs of a type due at once (an administrator's "deliver now" overrides their backoff). */
export async function makeQueuedJobsDue(db: DbExecutor, type: string): Promise<void> {
  await db.execute(sql`update jobs set run_at = now(), updated_at = now() where type = ${type} and state = 'queued' and run_at > now()`);
}
