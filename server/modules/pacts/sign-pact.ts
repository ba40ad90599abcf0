import { ZAdhesionDecision, ZPactSign, type TAdhesionDecision, type TPactDetail, type TPactSign } from '../../../common/contracts/pacts';
import { isSignable, statusOfNewSignature, type SignatureKind } from '../../../common/domain/pacts';
import { actorUserId } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { requireRecentAuthentication } from '../../platform/auth/require-recent-authentication';
import { notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { currentLegalRepresentativeName } from '../organizations';
import { loadReadablePact } from './pact-access';
import { loadReadableVersion } from './pact-versions';
import { alreadySigned, notLegalRepresentative, notPending, notPreviousSignatory, versionNotSignable } from './pacts.errors';
import { PactActions } from './pacts.policy';
import { decideSignature, insertSignature, selectLiveSignature, selectSignature, selectVersions, touchPact } from './pacts.repository';
import { presentPact, sha256Hex } from './present-pact';

/**
 * One signature (or acknowledgement) for an organization by its current legal representative, with the password
 * re-entered in this session (requireRecentAuthentication, the platform's rule for sensitive acts): records who, for
 * which organization, which version, when, and the SHA-256 of the exact text signed. The version row is locked, so
 * two signatures for the same organization cannot both pass the check (and the one-per-organization index backs it).
 */
async function sign(context: UseCaseContext, versionId: string, raw: TPactSign, kind: SignatureKind, options: { now?: Date }): Promise<TPactDetail> {
  assertCan(context.actor, PactActions['pacts.sign']);
  const input = parseInput(ZPactSign, raw);
  requireRecentAuthentication(context.actor);
  const userId = actorUserId(context.actor)!;
  return inTransaction(context, async (tx) => {
    const { version, loaded } = await loadReadableVersion(tx, context.actor, versionId, { forUpdate: true, draftsToReaders: true });
    const signerName = await currentLegalRepresentativeName(tx, userId, input.organizationId);
    if (!signerName) throw notLegalRepresentative();
    if (!isSignable(version.status)) throw versionNotSignable(version.status);
    if (await selectLiveSignature(tx, versionId, input.organizationId)) throw alreadySigned();
    if (kind === 'acknowledgement') {
      const previous = (await selectVersions(tx, version.pactId)).find((other) => other.number === version.number - 1);
      const previousSignature = previous ? await selectLiveSignature(tx, previous.id, input.organizationId) : null;
      if (previousSignature?.status !== 'valid') throw notPreviousSignatory();
    }
    const status = statusOfNewSignature({ kind, versionStatus: version.status, adhesionNeedsApproval: loaded.pact.adhesionNeedsApproval });
    const textSha256 = sha256Hex(version.body);
    const signatureId = await insertSignature(tx, {
      pactId: version.pactId, versionId, organizationId: input.organizationId, kind, status, signedByUserId: userId, signerName, textSha256,
      // The application's clock, not the database's: one clock for the signature's day and the jobs that read it.
      signedAt: options.now ?? new Date(),
    });
    if (!signatureId) throw alreadySigned();
    await touchPact(tx, version.pactId);
    await recordAudit(tx, context, {
      action: kind === 'signature' ? 'pacts.sign-pact' : 'pacts.acknowledge-amendment',
      entityType: 'pact_signature',
      entityId: signatureId,
      after: { pactId: version.pactId, versionId, versionNumber: version.number, organizationId: input.organizationId, signerName, status, textSha256 },
    });
    return presentPact(tx, context.actor, await loadReadablePact(tx, context.actor, version.pactId));
  });
}

/**
 * Signs a version open for signature, or joins one in force (an adhesion: pending until the district decides, when
 * the pact asks for approval), for an organization the signer legally represents.
 */
export function signPactVersion(context: UseCaseContext, versionId: string, raw: TPactSign, options: { now?: Date } = {}): Promise<TPactDetail> {
  return sign(context, versionId, raw, 'signature', options);
}

/** Acknowledges an amendment for an organization that signed (or acknowledged) the previous version. */
export function acknowledgeAmendment(context: UseCaseContext, versionId: string, raw: TPactSign, options: { now?: Date } = {}): Promise<TPactDetail> {
  return sign(context, versionId, raw, 'acknowledgement', options);
}

/**
 * Approves or rejects a pending adhesion. The approver is the district's governance as the platform knows it: its
 * coordinators (or a platform administrator). The groups module publishes no "steering group" of a district, and a
 * working group's decision is recorded in its minutes: the coordinator records here what the steering group decided.
 */
export async function decideAdhesion(context: UseCaseContext, signatureId: string, raw: TAdhesionDecision): Promise<TPactDetail> {
  const input = parseInput(ZAdhesionDecision, raw);
  return inTransaction(context, async (tx) => {
    const found = await selectSignature(tx, signatureId);
    if (!found) throw notFound('pact signature', signatureId);
    const loaded = await loadReadablePact(tx, context.actor, found.pactId, { forUpdate: true });
    assertCan(context.actor, PactActions['pacts.manage'], loaded.standing);
    const signature = (await selectSignature(tx, signatureId, { forUpdate: true }))!;
    if (signature.version !== input.version) throw staleVersion('pact signature', signatureId, input.version, signature.version);
    if (signature.status !== 'pending') throw notPending();
    const status = input.decision === 'approve' ? ('valid' as const) : ('rejected' as const);
    if (!(await decideSignature(tx, signatureId, input.version, { status, decidedByUserId: actorUserId(context.actor), note: input.note }))) throw staleVersion('pact signature', signatureId, input.version, null);
    await touchPact(tx, signature.pactId);
    await recordAudit(tx, context, { action: 'pacts.decide-adhesion', entityType: 'pact_signature', entityId: signatureId, before: { status: signature.status }, after: { status, note: input.note } });
    return presentPact(tx, context.actor, await loadReadablePact(tx, context.actor, signature.pactId));
  });
}
