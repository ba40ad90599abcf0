import { Cron } from 'croner';

/** Every schedule runs on Italian wall-clock time, whatever the server's time zone. */
export const SCHEDULE_TIME_ZONE = 'Europe/Rome';

/**
 * Seconds to wait after failed attempt number `attempt` (from 1): doubling from `baseSeconds`, capped, so a down SMTP
 * server is retried within seconds and then at most every `capSeconds` rather than hammered.
 */
export function retryDelaySeconds(attempt: number, options: { baseSeconds?: number; capSeconds?: number } = {}): number {
  const base = options.baseSeconds ?? 10;
  const cap = options.capSeconds ?? 3600;
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(cap, base * 2 ** exponent);
}

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHEDULE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** 'YYYY-MM-DD HH:MM' in Europe/Rome. */
export function romeWallClock(instant: Date): string {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Throws with croner's message when a pattern is not a valid cron expression (checked when a schedule is declared). */
export function assertCronPattern(pattern: string): void {
  new Cron(pattern, { timezone: SCHEDULE_TIME_ZONE, paused: true }).stop();
}

/**
 * The period of a cron schedule that `now` falls in, named by its start in Italian wall-clock time (e.g.
 * '2026-10-25 02:30'), or null before its first occurrence. Every process computes the same key for the same period,
 * and the repeated hour when summer time ends gives one key, not two, so the schedule fires once.
 */
export function periodKeyAt(pattern: string, now: Date): string | null {
  const cron = new Cron(pattern, { timezone: SCHEDULE_TIME_ZONE, paused: true });
  try {
    // previousRuns looks strictly before the reference: a tick exactly on an occurrence belongs to that occurrence.
    const [start] = cron.previousRuns(1, new Date(now.getTime() + 1));
    return start ? romeWallClock(start) : null;
  } finally {
    cron.stop();
  }
}
