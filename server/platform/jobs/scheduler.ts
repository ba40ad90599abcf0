import type { Database } from '../db/database';
import { enqueueJob } from './enqueue-job';
import type { ScheduleDefinition } from './job-definitions';
import { periodKeyAt } from './job-rules';
import { insertScheduleRun, setScheduleRunJob } from './jobs.repository';

/**
 * One pass over the schedules at `now`: for each, the first process to record the current period enqueues its job,
 * in the same transaction; any other process (or a later tick of the same period) conflicts and enqueues nothing.
 * A period missed while no process ran fires once at the next start (the latest period only, not every missed one).
 * Returns the schedules that fired. `seen` remembers the periods this process already recorded, to skip the database.
 */
export async function runScheduleTick(
  db: Database,
  schedules: readonly ScheduleDefinition[],
  now: Date = new Date(),
  seen: Map<string, string> = new Map(),
): Promise<string[]> {
  const fired: string[] = [];
  for (const schedule of schedules) {
    const periodKey = periodKeyAt(schedule.cron, now);
    if (periodKey === null || seen.get(schedule.name) === periodKey) continue;
    const won = await db.transaction(async (tx) => {
      if (!(await insertScheduleRun(tx, schedule.name, periodKey))) return false;
      // The unique key skips a period whose previous job is still queued or running, instead of piling them up.
      const jobId = await enqueueJob(tx, { type: schedule.jobType, payload: schedule.payload ?? {}, uniqueKey: `schedule:${schedule.name}` });
      await setScheduleRunJob(tx, schedule.name, periodKey, jobId);
      return true;
    });
    seen.set(schedule.name, periodKey);
    if (won) fired.push(schedule.name);
  }
  return fired;
}

/** Ticks every `tickMs` (one tick at a time) until the returned stop function is called; errors are reported. */
export function startScheduler(
  db: Database,
  schedules: readonly ScheduleDefinition[],
  options: { tickMs?: number; report?: (message: string) => void } = {},
): () => Promise<void> {
  const seen = new Map<string, string>();
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runScheduleTick(db, schedules, new Date(), seen)
      .then((fired) => {
        if (fired.length > 0) options.report?.(`Jobs: schedule ${fired.join(', ')} fired`);
      })
      .catch((error: unknown) => options.report?.(`Jobs: schedule tick failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  if (schedules.length === 0) return async () => undefined;
  tick();
  const timer = setInterval(tick, options.tickMs ?? 15_000);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
