import { InvalidArgumentError, type Command } from 'commander';
import { deliverQueuedMail } from '../platform/mail/deliver-queued-mail';
import type { UseCaseContext } from '../platform/use-case';

type WithDatabase = <T>(work: (context: UseCaseContext) => Promise<T>) => Promise<T>;

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return limit;
}

/** `distretto mail deliver [--limit N]`: sends the outbox through the SMTP settings (the server also does it every minute). */
export function addMailCommand(program: Command, withDatabase: WithDatabase, say: (line: string) => void): void {
  program
    .command('mail')
    .description('outgoing e-mail (the outbox)')
    .command('deliver')
    .description('send queued e-mail through the SMTP settings now; without SMTP settings messages stay in the outbox')
    .option('--limit <n>', 'send at most this many messages', parseLimit, 500)
    .action(async (options: { limit: number }) => {
      await withDatabase(async (context) => {
        const report = await deliverQueuedMail(context, { limit: options.limit });
        say(`${report.sent} sent, ${report.failed} failed, ${report.remaining} still waiting`);
      });
    });
}
