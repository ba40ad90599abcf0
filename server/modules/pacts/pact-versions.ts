import {
  ZPactDiffQuery,
  ZPactVersionStatusChange,
  ZPactVersionUpdate,
  type TPactDetail,
  type TPactDiff,
  type TPactDiffQuery,
  type TPactVersionStatusChange,
  type TPactVersionUpdate,
} from '../../../common/contracts/pacts';
import { checkPactVersionTransition, diffArticles } from '../../../common/domain/pacts';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import type { Actor } from '../../platform/access/actor';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { loadReadablePact, type PactContext } from './pact-access';
import { amendmentInProgress, datesOutOfOrder, forbiddenTransition, signatureRequired, versionNotDraft } from './pacts.errors';
import { PactActions } from './pacts.policy';
import { countValidSignatures, insertVersion, selectVersion, selectVersions, touchPact, updateVersionStatus, updateVersionText, type PactVersionRow } from './pacts.repository';
import { presentPact } from './present-pact';

/**
 * A version with its pact, if the actor may read both (a draft is the managers'); 404 alike otherwise.
 * `draftsToReaders`: a draft is loaded for any reader of the pact, so signing one answers "not signable" (409) rather
 * than 404 (its id, a random uuid, is known only to whom it was shown).
 */
export async function loadReadableVersion(
  db: DbExecutor, actor: Actor, versionId: string, options: { forUpdate?: boolean; draftsToReaders?: boolean } = {},
): Promise<{ version: PactVersionRow; loaded: PactContext }> {
  const found = await selectVersion(db, versionId);
  if (!found) throw notFound('pact version', versionId);
  // The pact row first, then the version: every write of a pact locks in that order (no deadlock between two writes).
  const loaded = await loadReadablePact(db, actor, found.pactId, { forUpdate: options.forUpdate ?? false });
  const version = options.forUpdate ? (await selectVersion(db, versionId, { forUpdate: true }))! : found;
  if (version.status === 'draft' && !options.draftsToReaders && !can(actor, PactActions['pacts.read-drafts'], loaded.standing)) throw notFound('pact version', versionId);
  return { version, loaded };
}

/** Changes a draft's text or dates (managers); an opened version never changes: amend the pact instead. */
export async function updatePactVersion(context: UseCaseContext, versionId: string, raw: TPactVersionUpdate): Promise<TPactDetail> {
  const input = parseInput(ZPactVersionUpdate, raw);
  return inTransaction(context, async (tx) => {
    const { version, loaded } = await loadReadableVersion(tx, context.actor, versionId, { forUpdate: true });
    assertCan(context.actor, PactActions['pacts.manage'], loaded.standing);
    if (version.version !== input.version) throw staleVersion('pact version', versionId, input.version, version.version);
    if (version.status !== 'draft') throw versionNotDraft(version.status);
    const after = { body: input.body ?? version.body, startsOn: input.startsOn ?? version.startsOn, endsOn: input.endsOn === undefined ? version.endsOn : input.endsOn };
    if (after.endsOn && after.endsOn < after.startsOn) throw datesOutOfOrder();
    if (!(await updateVersionText(tx, versionId, input.version, after))) throw staleVersion('pact version', versionId, input.version, null);
    await touchPact(tx, version.pactId);
    await recordAudit(tx, context, { action: 'pacts.update-version', entityType: 'pact_version', entityId: versionId, before: { body: version.body, startsOn: version.startsOn, endsOn: version.endsOn }, after });
    return presentPact(tx, context.actor, await loadReadablePact(tx, context.actor, version.pactId));
  });
}

/**
 * Starts an amendment: a new draft version copied from the latest one (managers). One amendment at a time: refused
 * while a version is still a draft or open for signature. The version in force stays in force until the amendment
 * enters into force (changePactVersionStatus supersedes it then).
 */
export async function amendPact(context: UseCaseContext, pactId: string): Promise<TPactDetail> {
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadablePact(tx, context.actor, pactId, { forUpdate: true });
    assertCan(context.actor, PactActions['pacts.manage'], loaded.standing);
    const versions = await selectVersions(tx, pactId);
    const latest = versions[0]!;
    const inProgress = versions.find((version) => version.status === 'draft' || version.status === 'open_for_signature');
    if (inProgress) throw amendmentInProgress(inProgress.number);
    const number = latest.number + 1;
    const versionId = await insertVersion(tx, { pactId, number, body: latest.body, startsOn: latest.startsOn, endsOn: latest.endsOn });
    await touchPact(tx, pactId);
    await recordAudit(tx, context, { action: 'pacts.amend-pact', entityType: 'pact', entityId: pactId, after: { versionId, number, fromVersionId: latest.id } });
    return presentPact(tx, context.actor, await loadReadablePact(tx, context.actor, pactId));
  });
}

/**
 * Moves a version through its lifecycle (common/domain/pacts.ts PACT_VERSION_TRANSITIONS; managers). Bringing a
 * version into force supersedes the one in force before it, in the same transaction, audited apart.
 */
export async function changePactVersionStatus(context: UseCaseContext, versionId: string, raw: TPactVersionStatusChange): Promise<TPactDetail> {
  const input = parseInput(ZPactVersionStatusChange, raw);
  return inTransaction(context, async (tx) => {
    const { version, loaded } = await loadReadableVersion(tx, context.actor, versionId, { forUpdate: true });
    assertCan(context.actor, PactActions['pacts.manage'], loaded.standing);
    if (version.version !== input.version) throw staleVersion('pact version', versionId, input.version, version.version);
    const problem = checkPactVersionTransition({ from: version.status, to: input.to, by: 'manager', validSignatures: await countValidSignatures(tx, versionId) });
    if (problem?.problem === 'forbidden') throw forbiddenTransition(version.status, input.to);
    if (problem?.problem === 'signature_required') throw signatureRequired();
    if (input.to === 'in_force') {
      for (const previous of (await selectVersions(tx, version.pactId)).filter((other) => other.id !== versionId && other.status === 'in_force')) {
        if (checkPactVersionTransition({ from: previous.status, to: 'superseded', by: 'amendment', validSignatures: 0 })) throw forbiddenTransition(previous.status, 'superseded');
        await updateVersionStatus(tx, previous.id, null, 'superseded');
        await recordAudit(tx, context, { action: 'pacts.change-version-status', entityType: 'pact_version', entityId: previous.id, before: { status: previous.status }, after: { status: 'superseded', by: versionId } });
      }
    }
    if (!(await updateVersionStatus(tx, versionId, input.version, input.to))) throw staleVersion('pact version', versionId, input.version, null);
    await touchPact(tx, version.pactId);
    await recordAudit(tx, context, { action: 'pacts.change-version-status', entityType: 'pact_version', entityId: versionId, before: { status: version.status }, after: { status: input.to } });
    return presentPact(tx, context.actor, await loadReadablePact(tx, context.actor, version.pactId));
  });
}

/** What changed between two versions of the pact the reader may read, article by article. */
export async function diffPactVersions(context: UseCaseContext, pactId: string, raw: TPactDiffQuery): Promise<TPactDiff> {
  const input = parseInput(ZPactDiffQuery, raw);
  const db = context.db.orm;
  await loadReadablePact(db, context.actor, pactId);
  const from = await loadReadableVersion(db, context.actor, input.from);
  const to = await loadReadableVersion(db, context.actor, input.to);
  if (from.version.pactId !== pactId) throw fieldError('from', 'not a version of this pact', 'not-found');
  if (to.version.pactId !== pactId) throw fieldError('to', 'not a version of this pact', 'not-found');
  return {
    from: { id: from.version.id, number: from.version.number },
    to: { id: to.version.id, number: to.version.number },
    articles: diffArticles(from.version.body, to.version.body),
  };
}
