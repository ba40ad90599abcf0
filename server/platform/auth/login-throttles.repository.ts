import { sql } from 'drizzle-orm';
import type { LoginThrottlePolicy } from '../config/config';
import type { DbExecutor } from '../db/database';

/**
 * Throttling of failed sign-ins (ADR 0022), replacing the hard lockout that let anyone who knew an e-mail lock its
 * owner out. Three keys are counted, all built from what was typed, so an unknown e-mail behaves like a known one:
 * - the e-mail from one address: the usual guessing attack; delays grow to 15 minutes;
 * - the address across e-mails: one machine trying many accounts; delays grow to 15 minutes;
 * - the e-mail from every address: a distributed attack on one account; its delay never exceeds one minute, so the
 *   owner (the printed demo coordinator too) can always get in from their own address after a short wait.
 * A key's count restarts after a day without failures. Nothing here is a lock: every delay ends by itself.
 */
export interface ThrottleKey {
  key: string;
  freeAttempts: number;
  maxDelaySeconds: number;
}

const FIRST_DELAY_SECONDS = 30;
const FORGET_AFTER = sql`interval '1 day'`;

export function throttleKeys(email: string, ipAddress: string | null, policy: LoginThrottlePolicy): ThrottleKey[] {
  const account = email.trim().toLowerCase().slice(0, 320);
  const address = ipAddress ?? 'unknown';
  return [
    { key: `account-address:${account}|${address}`, freeAttempts: policy.accountFreeAttempts, maxDelaySeconds: 15 * 60 },
    { key: `address:${address}`, freeAttempts: policy.addressFreeAttempts, maxDelaySeconds: 15 * 60 },
    { key: `account:${account}`, freeAttempts: policy.addressFreeAttempts, maxDelaySeconds: 60 },
  ];
}

/** Seconds to wait after the n-th consecutive failure: none within the allowance, then 30 s doubling up to the cap. */
export function throttleDelaySeconds(failures: number, freeAttempts: number, maxDelaySeconds: number): number {
  if (failures < freeAttempts) return 0;
  return Math.min(maxDelaySeconds, FIRST_DELAY_SECONDS * 2 ** Math.min(failures - freeAttempts, 20));
}

/** How long the caller must still wait, in whole seconds (0: may try now). */
export async function secondsUntilAllowed(db: DbExecutor, keys: ThrottleKey[]): Promise<number> {
  const result = await db.execute<{ wait: number | null }>(sql`
    select ceil(extract(epoch from max(blocked_until) - now()))::int as wait
    from login_throttles where key in (${sql.join(keys.map((k) => sql`${k.key}`), sql`, `)}) and blocked_until > now()`);
  return Math.max(0, result.rows[0]?.wait ?? 0);
}

/** Counts one failure on every key (one statement per key, so concurrent failures all count). */
export async function recordLoginFailure(db: DbExecutor, keys: ThrottleKey[]): Promise<void> {
  await db.execute(sql`delete from login_throttles where last_failure_at < now() - ${FORGET_AFTER}`);
  for (const key of keys) {
    const failures = sql`(case when login_throttles.last_failure_at < now() - ${FORGET_AFTER} then 1 else login_throttles.failures + 1 end)`;
    await db.execute(sql`
      insert into login_throttles as login_throttles (key, failures, last_failure_at, blocked_until)
      values (${key.key}, 1, now(), case when 1 >= ${key.freeAttempts}::int then now() + make_interval(secs => ${FIRST_DELAY_SECONDS}) end)
      on conflict (key) do update set
        failures = ${failures},
        last_failure_at = now(),
        blocked_until = case when ${failures} >= ${key.freeAttempts}::int
          then now() + make_interval(secs => least(${key.maxDelaySeconds}::int, ${FIRST_DELAY_SECONDS} * power(2, least(${failures} - ${key.freeAttempts}::int, 20)))::int)
          end`);
  }
}

/** A successful sign-in forgets the e-mail's failures; the address keeps its count (a valid account must not reset it). */
export async function clearLoginFailures(db: DbExecutor, keys: ThrottleKey[]): Promise<void> {
  const accountKeys = keys.filter((k) => !k.key.startsWith('address:')).map((k) => sql`${k.key}`);
  await db.execute(sql`delete from login_throttles where key in (${sql.join(accountKeys, sql`, `)})`);
}
