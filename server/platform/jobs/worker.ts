import { mailLinkBase } from '../mail/mail-settings';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { systemActor } from '../access/actor';
import type { Database } from '../db/database';
import type { UseCaseContext } from '../use-case';
import { recordAudit } from '../audit/audit';
import { JOB_FAILURE_REASONS, JobFailure, type JobRegistry, type ScheduleDefinition } from './job-definitions';
import { retryDelaySeconds } from './job-rules';
import { claimJobs, deleteFinishedJobs, extendLeases, markJobFailed, type ClaimedJob } from './jobs.repository';
import { startScheduler } from './scheduler';

export interface WorkerOptions {
  registry: JobRegistry;
  /** Recurring schedules this process ticks (every process may: each period fires once). */
  schedules?: readonly ScheduleDefinition[];
  /** Jobs run at once by this process (default 4). */
  slots?: number;
  /** Jobs claimed per statement, at most the free slots (default: the slots). */
  batchSize?: number;
  /** How long a claimed job is this worker's; renewed while it runs, so only a dead worker's jobs expire. */
  leaseSeconds?: number;
  /** Wait between claims when nothing is due (default 1000 ms): there is no LISTEN on the embedded database. */
  pollMs?: number;
  scheduleTickMs?: number;
  /** Only these job types (default: every type of the registry). */
  types?: string[];
  retry?: { baseSeconds?: number; capSeconds?: number };
  report?: (message: string) => void;
  /**
   * Where links in the mails handlers write start when nothing else says (no DISTRETTO_PUBLIC_URL, no address saved in
   * the mail settings): this process's own address. A job has no request whose origin could serve.
   */
  localOrigin?: string;
  /** The configured public address (DISTRETTO_PUBLIC_URL), if any. */
  publicUrl?: string | null;
}

export interface WorkerStats {
  done: number;
  retried: number;
  dead: number;
}

export interface Worker {
  id: string;
  stats: WorkerStats;
  /** Stops claiming, waits for the running jobs (at most `graceMs`, then leaves them to their lease) and returns. */
  stop(graceMs?: number): Promise<void>;
}

export const DEFAULT_LEASE_SECONDS = 60;

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);
const reasonOf = (error: unknown) => (error instanceof JobFailure ? error.reason.slice(0, 100) : null);

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * Runs one claimed job's handler; on failure records its retry time or death. Returns true when it succeeded: the
 * caller then deletes it (a worker in batches, which is what makes thousands of jobs a second possible). A job's death
 * is audited (the system actor `jobs`) in the transaction that marks it, so the log says which work was given up.
 */
async function runClaimedJob(db: Database, workerId: string, job: ClaimedJob, options: WorkerOptions, stats: WorkerStats): Promise<boolean> {
  const context: UseCaseContext = { actor: systemActor('jobs'), db, requestId: `job:${job.id}` };
  try {
    const handler = options.registry.get(job.type);
    if (!handler) throw new JobFailure(JOB_FAILURE_REASONS.noHandler, `no handler for job type "${job.type}" in this process`);
    const linkBase = () => mailLinkBase(context, { publicUrl: options.publicUrl ?? null, requestOrigin: options.localOrigin ?? '' });
    await handler.run(job.payload, { id: job.id, type: job.type, attempt: job.attempt, maxAttempts: job.maxAttempts, context, linkBase });
    return true;
  } catch (error) {
    const failure = { message: describe(error), reason: reasonOf(error) };
    const state = await db.transaction(async (tx) => {
      const marked = await markJobFailed(tx, workerId, job.id, failure, retryDelaySeconds(job.attempt, options.retry));
      if (marked === 'dead') {
        await recordAudit(tx, context, {
          action: 'jobs.give-up', entityType: 'job', entityId: job.id,
          after: { type: job.type, state: 'dead', attempts: job.attempt, maxAttempts: job.maxAttempts, lastError: failure.message, lastErrorReason: failure.reason },
        });
      }
      return marked;
    });
    if (state === 'dead') {
      stats.dead += 1;
      options.report?.(`Jobs: ${job.type} #${job.id} failed for the last time (${job.attempt}/${job.maxAttempts}): ${failure.message}`);
    } else if (state === 'queued') stats.retried += 1;
    return false;
  }
}

/**
 * Starts a worker on `db`: claims due jobs in batches (FOR UPDATE SKIP LOCKED, so any number of processes share the
 * queue without taking a job twice), runs up to `slots` at once, renews their leases while they run, and ticks the
 * schedules. Errors are reported, never thrown: a database hiccup must not stop the process.
 */
export function startWorker(db: Database, options: WorkerOptions): Worker {
  const id = newWorkerId();
  const slots = Math.max(1, options.slots ?? 4);
  const batchSize = Math.max(1, options.batchSize ?? slots);
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const pollMs = options.pollMs ?? 1000;
  const types = options.types ?? [...options.registry.keys()];
  const stats: WorkerStats = { done: 0, retried: 0, dead: 0 };
  // Handlers in progress (they hold slots), and succeeded jobs not yet deleted (they keep their lease until then).
  const running = new Map<string, Promise<void>>();
  let finished: string[] = [];
  let stopping = false;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });
  // One delete for every job finished since the last one: if this process dies before it, those jobs run again
  // after their lease (at least once, never lost), which is why handlers must be idempotent.
  const flush = async () => {
    if (finished.length === 0) return;
    const ids = finished;
    finished = [];
    try {
      stats.done += await deleteFinishedJobs(db.orm, id, ids);
    } catch (error) {
      finished.push(...ids);
      throw error;
    }
  };

  const loop = (async () => {
    while (!stopping) {
      try {
        await flush();
      } catch (error) {
        options.report?.(`Jobs: finishing failed: ${describe(error)}`);
        await pause(pollMs);
        continue;
      }
      const free = slots - running.size;
      if (free <= 0) {
        await Promise.race(running.values());
        continue;
      }
      let claimed: ClaimedJob[];
      try {
        claimed = await claimJobs(db.orm, id, types, Math.min(free, batchSize), leaseSeconds);
      } catch (error) {
        if (!stopping) options.report?.(`Jobs: claiming failed: ${describe(error)}`);
        await pause(pollMs);
        continue;
      }
      for (const job of claimed) {
        const work = runClaimedJob(db, id, job, options, stats)
          .then((succeeded) => {
            if (succeeded) finished.push(job.id);
          })
          .catch((error: unknown) => options.report?.(`Jobs: ${job.type} #${job.id}: ${describe(error)}`))
          .finally(() => {
            running.delete(job.id);
            wake?.();
          });
        running.set(job.id, work);
      }
      if (claimed.length === 0) await pause(running.size > 0 ? 5 : pollMs);
    }
  })();

  // Renewed at a third of the lease, so one slow renewal does not let the lease lapse.
  const heartbeat = setInterval(() => {
    extendLeases(db.orm, id, [...running.keys()], leaseSeconds).catch((error: unknown) => options.report?.(`Jobs: lease renewal failed: ${describe(error)}`));
  }, (leaseSeconds * 1000) / 3);
  heartbeat.unref();
  const stopScheduler = options.schedules ? startScheduler(db, options.schedules, { tickMs: options.scheduleTickMs, report: options.report }) : async () => undefined;

  return {
    id,
    stats,
    async stop(graceMs = 30_000) {
      stopping = true;
      wake?.();
      await stopScheduler();
      await loop;
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled(running.values()), grace]);
      clearTimeout(timer);
      await flush().catch((error: unknown) => options.report?.(`Jobs: finishing failed: ${describe(error)}`));
      clearInterval(heartbeat);
    },
  };
}

/**
 * Runs due jobs of `types` in this process, one after another, until none is due or `limit` ran (`distretto mail
 * deliver`): the same claims as a worker, so it never runs a job a worker holds.
 */
export async function runDueJobs(db: Database, options: WorkerOptions & { limit: number }): Promise<WorkerStats> {
  const id = newWorkerId();
  const stats: WorkerStats = { done: 0, retried: 0, dead: 0 };
  const types = options.types ?? [...options.registry.keys()];
  let ran = 0;
  while (ran < options.limit) {
    const [job] = await claimJobs(db.orm, id, types, 1, options.leaseSeconds ?? DEFAULT_LEASE_SECONDS);
    if (!job) break;
    if (await runClaimedJob(db, id, job, options, stats)) stats.done += await deleteFinishedJobs(db.orm, id, [job.id]);
    ran += 1;
  }
  return stats;
}
