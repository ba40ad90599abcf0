import type { TPactTimeline } from '../../../common/contracts/pacts';
import type { PactVersionStatus } from '../../../common/domain/pacts';
import { can } from '../../platform/access/policy';
import type { UseCaseContext } from '../../platform/use-case';
import { loadReadablePact } from './pact-access';
import { PactActions } from './pacts.policy';
import { selectTimeline } from './pacts.repository';

/**
 * The pact's timeline for its readers: how the network grew (each valid signature, with the count of signatory
 * organizations so far), its versions and amendments, and the commitments reported done.
 */
export async function getPactTimeline(context: UseCaseContext, pactId: string): Promise<TPactTimeline> {
  const db = context.db.orm;
  const loaded = await loadReadablePact(db, context.actor, pactId);
  const rows = await selectTimeline(db, pactId, can(context.actor, PactActions['pacts.read-drafts'], loaded.standing));
  const signatories = new Set<string>();
  const events = rows.map((row) => {
    if ((row.kind === 'signature' || row.kind === 'acknowledgement') && row.organizationId) signatories.add(row.organizationId);
    return {
      at: row.at,
      kind: row.kind,
      versionNumber: row.versionNumber,
      versionStatus: row.kind === 'version' ? (row.status as PactVersionStatus) : null,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      text: row.text,
      signatoryCount: signatories.size,
    };
  });
  return { events };
}
