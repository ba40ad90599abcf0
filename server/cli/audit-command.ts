import type { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/verify-audit-chain';
import type { UseCaseContext } from '../platform/use-case';

type WithDatabase = <T>(work: (context: UseCaseContext) => Promise<T>) => Promise<T>;

const REASONS = {
  missing: 'an entry is missing (deleted)',
  altered: "an entry's content no longer matches its hash (edited)",
  relinked: "an entry does not follow the previous one's hash (entries edited, removed or inserted before it)",
  'tail-missing': 'the last entries are missing (deleted after this one)',
} as const;

/** `distretto audit verify`: walks the audit log's hash chain; exit code 1 and the first broken link when it is broken. */
export function addAuditCommand(program: Command, withDatabase: WithDatabase, say: (line: string) => void): void {
  program
    .command('audit')
    .description('the audit log')
    .command('verify')
    .description("check the audit log's hash chain from its first entry and report the first broken link")
    .action(async () => {
      await withDatabase(async (context) => {
        const result = await verifyAuditChain(context);
        if (!result.brokenAt) {
          say(`OK: ${result.checkedEntries} entries, chain intact up to seq ${result.headSeq} (head hash ${result.headHash})`);
          return;
        }
        throw new Error(`BROKEN at seq ${result.brokenAt.seq}: ${REASONS[result.brokenAt.reason]} (${result.checkedEntries} entries checked before it)`);
      });
    });
}
