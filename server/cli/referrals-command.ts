import { InvalidArgumentError, type Command } from 'commander';
import { REFERRAL_REMINDER_DAYS_DEFAULT } from '../../common/domain/matching';
import type { UseCaseContext } from '../platform/use-case';
import { remindReferralProviders } from '../modules/matching';

type WithDatabase = <T>(work: (context: UseCaseContext) => Promise<T>) => Promise<T>;

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new InvalidArgumentError('must be a whole number of days, 1-365');
  return days;
}

/**
 * `distretto referrals remind [--days N]`: queue a reminder to every provider that has not answered a referral in N
 * days (default 5). Safe to run from a daily timer (cron, systemd): a referral is reminded at most once a day.
 */
export function addReferralsCommand(program: Command, withDatabase: WithDatabase, say: (line: string) => void): void {
  program
    .command('referrals')
    .description('referrals of needs to services')
    .command('remind')
    .description('queue reminders to providers that have not answered a referral in N days (at most one a day per referral)')
    .option('--days <days>', `days without an answer (default ${REFERRAL_REMINDER_DAYS_DEFAULT})`, parseDays, REFERRAL_REMINDER_DAYS_DEFAULT)
    .action(async (options: { days: number }) => {
      await withDatabase(async (context) => {
        const { reminded } = await remindReferralProviders(context, { days: options.days });
        say(reminded === 0 ? 'No referral waits for a reminder' : `${reminded} reminder(s) queued in the mail outbox`);
      });
    });
}
