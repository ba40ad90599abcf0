import type { DbExecutor } from '../db/database';
import { DEFAULT_MAX_ATTEMPTS } from './job-definitions';
import { insertJob, insertJobs } from './jobs.repository';

export interface EnqueueJob {
  type: string;
  payload?: unknown;
  /** Not before this time (default: now). */
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key is queued or running, enqueueing another does nothing (returns null). */
  uniqueKey?: string;
}

/**
 * Queues a job in the caller's transaction, like queueMail: if the change that causes it is rolled back, the job was
 * never there, and once it commits a worker will run it even if this process dies right after.
 */
export async function enqueueJob(tx: DbExecutor, job: EnqueueJob): Promise<string | null> {
  return insertJob(tx, {
    type: job.type,
    payload: job.payload ?? {},
    runAt: job.runAt,
    maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    uniqueKey: job.uniqueKey,
  });
}

/** Queues many jobs in one statement, in the caller's transaction; returns how many were new (unique keys skip). */
export async function enqueueJobs(tx: DbExecutor, jobs: EnqueueJob[]): Promise<number> {
  return insertJobs(
    tx,
    jobs.map((job) => ({ type: job.type, payload: job.payload ?? {}, runAt: job.runAt, maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, uniqueKey: job.uniqueKey })),
  );
}
