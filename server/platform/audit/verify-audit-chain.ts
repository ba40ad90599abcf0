import { sql } from 'drizzle-orm';
import type { TAuditVerification } from '../../../common/contracts/audit';
import { assertCan } from '../access/policy';
import type { UseCaseContext } from '../use-case';
import { recordAccess } from './audit';
import { AuditActions } from './audit.policy';

const BATCH_SIZE = 5000;
const GENESIS: Buffer = Buffer.alloc(32);

type ChainRow = { seq: number; prev_hash: Buffer; hash: Buffer; recomputed: Buffer };

/**
 * Walks the audit log's hash chain from the first entry to the recorded head and reports the first broken link:
 * a missing seq (an entry deleted), a hash that no longer matches the entry's content (an entry edited), a
 * previous-hash that is not the previous entry's (entries spliced), or a head beyond the last entry (the tail
 * deleted). Read in batches of the seq index, so it runs on any size of log without holding it in memory.
 */
export async function verifyAuditChain(context: UseCaseContext): Promise<TAuditVerification> {
  assertCan(context.actor, AuditActions['audit.verify']);
  const head = (await context.db.orm.execute<{ seq: number; hash: Buffer }>(sql`select seq, hash from audit_chain_head where id = 1`)).rows[0];
  if (!head) throw new Error('audit_chain_head is missing: the audit chain migration did not run');
  const result = await walkChain(context, head);
  await recordAccess(context, { action: 'audit.verify-chain', entityType: 'audit_log', entityId: 'chain', details: { ok: result.ok, checkedEntries: result.checkedEntries, brokenAt: result.brokenAt } });
  return result;
}

async function walkChain(context: UseCaseContext, head: { seq: number; hash: Buffer }): Promise<TAuditVerification> {
  const report = (checkedEntries: number, brokenAt: TAuditVerification['brokenAt']): TAuditVerification => ({
    ok: brokenAt === null,
    checkedEntries,
    headSeq: String(head.seq),
    headHash: head.hash.toString('hex'),
    brokenAt,
  });
  let expectedSeq = 1;
  let previousHash = GENESIS;
  for (;;) {
    // Only the entries up to the head read at the start: entries appended meanwhile are checked next time.
    const batch = await context.db.orm.execute<ChainRow>(sql`
      select seq, prev_hash, hash, audit_log_entry_hash(entry) as recomputed
      from audit_log as entry
      where seq >= ${expectedSeq} and seq <= ${head.seq}
      order by seq limit ${BATCH_SIZE}`);
    for (const row of batch.rows) {
      const seq = String(row.seq);
      if (row.seq !== expectedSeq) return report(expectedSeq - 1, { seq: String(expectedSeq), reason: 'missing' });
      if (!row.prev_hash.equals(previousHash)) return report(expectedSeq - 1, { seq, reason: 'relinked' });
      if (!row.hash.equals(row.recomputed)) return report(expectedSeq - 1, { seq, reason: 'altered' });
      previousHash = row.hash;
      expectedSeq += 1;
    }
    if (batch.rows.length < BATCH_SIZE) break;
  }
  const checked = expectedSeq - 1;
  if (checked < head.seq) return report(checked, { seq: String(checked + 1), reason: 'tail-missing' });
  if (!previousHash.equals(head.hash)) return report(checked, { seq: String(checked), reason: 'altered' });
  return report(checked, null);
}
