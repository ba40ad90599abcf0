import { createHash } from 'node:crypto';
import type { TPactDetail, TPactSignature, TPactVersion } from '../../../common/contracts/pacts';
import { nextPactVersionStatuses } from '../../../common/domain/pacts';
import { can } from '../../platform/access/policy';
import { actorUserId, organizationIdsOf, type Actor } from '../../platform/access/actor';
import type { DbExecutor } from '../../platform/db/database';
import { organizationsRepresentedBy } from '../organizations';
import type { PactContext } from './pact-access';
import { PactActions } from './pacts.policy';
import { selectSignatures, selectVersions, type PactVersionRow, type SignatureRow } from './pacts.repository';

/** SHA-256 (hex) of a text's UTF-8 bytes: what a signature records of the exact text signed. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function toSignature(signature: SignatureRow, currentHash: string): TPactSignature {
  return {
    id: signature.id,
    versionId: signature.versionId,
    versionNumber: signature.versionNumber,
    organizationId: signature.organizationId,
    organizationName: signature.organizationName,
    kind: signature.kind,
    status: signature.status,
    signerName: signature.signerName,
    signedAt: signature.signedAt,
    textSha256: signature.textSha256,
    textUnchanged: signature.textSha256 === currentHash,
    decidedAt: signature.decidedAt,
    decisionNote: signature.decisionNote,
    version: signature.version,
  };
}

/**
 * The acknowledgements an amendment asks for: every organization with a valid signature or acknowledgement of the
 * previous version, and whether it has a valid one of this version.
 */
function acknowledgementsOf(version: PactVersionRow, signatures: SignatureRow[]): TPactVersion['acknowledgements'] {
  if (version.number === 1) return [];
  const previous = new Map<string, string>();
  for (const signature of signatures) {
    if (signature.versionNumber === version.number - 1 && signature.status === 'valid') previous.set(signature.organizationId, signature.organizationName);
  }
  const done = new Set(signatures.filter((signature) => signature.versionId === version.id && signature.status === 'valid').map((signature) => signature.organizationId));
  return [...previous]
    .map(([organizationId, organizationName]) => ({ organizationId, organizationName, hasAcknowledged: done.has(organizationId) }))
    .sort((a, b) => Number(a.hasAcknowledged) - Number(b.hasAcknowledged) || a.organizationName.localeCompare(b.organizationName, 'it'));
}

/** Whom the caller may sign for: a person's current legal representative roles (the system operator signs for no one). */
async function representedOrganizationsOf(db: DbExecutor, actor: Actor): Promise<TPactDetail['representedOrganizations']> {
  const userId = actorUserId(actor);
  return userId ? organizationsRepresentedBy(db, userId) : [];
}

/** The pact page: versions newest first (drafts for managers only), each with its signatures and the hash check. */
export async function presentPact(db: DbExecutor, actor: Actor, loaded: PactContext): Promise<TPactDetail> {
  const { pact, standing } = loaded;
  const seesDrafts = can(actor, PactActions['pacts.read-drafts'], standing);
  const versions = (await selectVersions(db, pact.id)).filter((version) => seesDrafts || version.status !== 'draft');
  // A reader of a public pact from outside sees the valid signatures only, without the decisions' notes, except
  // for their own organizations' signatures: an outside organization that joined follows its adhesion and its decision.
  const seesInternals = can(actor, PactActions['pacts.read-internals'], standing);
  const own = new Set(organizationIdsOf(actor));
  const signatures = (await selectSignatures(db, pact.id))
    .filter((signature) => seesInternals || signature.status === 'valid' || own.has(signature.organizationId))
    .map((signature) => (seesInternals || own.has(signature.organizationId) ? signature : { ...signature, decisionNote: '' }));
  const presented = versions.map((version): TPactVersion => {
    const hash = sha256Hex(version.body);
    return {
      id: version.id,
      number: version.number,
      status: version.status,
      body: version.body,
      startsOn: version.startsOn,
      endsOn: version.endsOn,
      textSha256: hash,
      statusChangedAt: version.statusChangedAt,
      nextStatuses: loaded.canManage ? nextPactVersionStatuses(version.status) : [],
      signatures: signatures.filter((signature) => signature.versionId === version.id).map((signature) => toSignature(signature, hash)),
      acknowledgements: acknowledgementsOf(version, signatures),
      version: version.version,
    };
  });
  return {
    id: pact.id,
    districtId: pact.districtId,
    districtName: pact.districtName,
    title: pact.title,
    purpose: pact.purpose,
    isPublic: pact.isPublic,
    adhesionNeedsApproval: pact.adhesionNeedsApproval,
    isDemo: pact.isDemo,
    versions: presented,
    inForceNumber: versions.find((version) => version.status === 'in_force')?.number ?? null,
    hasChangedSignedText: presented.some((version) => version.signatures.some((signature) => !signature.textUnchanged)),
    canManage: loaded.canManage,
    representedOrganizations: await representedOrganizationsOf(db, actor),
    version: pact.version,
  };
}
