import { PACT_COMMITMENT_FILE_OWNER } from '../../../common/contracts/pacts';
import { actorUserId } from '../../platform/access/actor';
import { can } from '../../platform/access/policy';
import type { FileOwner } from '../../platform/files/file-owners';
import { currentLegalRepresentativeName } from '../organizations';
import { standingOf } from './pact-access';
import { PactActions } from './pacts.policy';
import { selectCommitment, selectPact } from './pacts.repository';

type Context = Parameters<FileOwner['canRead']>[0];

/** The commitment and what the actor is to its pact, or null when the record is unknown or the pact unreadable. */
async function readableCommitment(context: Context, commitmentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(commitmentId)) return null;
  const db = context.db.orm;
  const commitment = await selectCommitment(db, commitmentId);
  if (!commitment) return null;
  const pact = await selectPact(db, commitment.pactId);
  if (!pact) return null;
  const standing = await standingOf(db, context.actor, pact);
  return can(context.actor, PactActions['pacts.read'], standing) ? { commitment, standing } : null;
}

/**
 * Evidence of a commitment (ADR 0027: the pacts module decides): the pact's readers list and download it; the pact's
 * managers and the signatory's legal representatives (those who update the commitment) attach and remove it.
 */
export const commitmentFileOwner: FileOwner = {
  name: PACT_COMMITMENT_FILE_OWNER,
  canRead: async (context, commitmentId) => (await readableCommitment(context, commitmentId)) !== null,
  canWrite: async (context, commitmentId) => {
    const found = await readableCommitment(context, commitmentId);
    if (!found) return false;
    const userId = actorUserId(context.actor);
    const isLegalRepresentative = userId !== null && (await currentLegalRepresentativeName(context.db.orm, userId, found.commitment.organizationId)) !== null;
    return can(context.actor, PactActions['pacts.commit'], { pact: found.standing, isLegalRepresentative });
  },
  isSensitive: false,
};
