import {
  DASHBOARD_COMMITMENTS,
  DASHBOARD_PAGE_SIZE,
  ZCommitmentCreate,
  ZCommitmentUpdate,
  ZPactDashboardQuery,
  type TCommitmentCreate,
  type TCommitmentUpdate,
  type TPactCommitment,
  type TPactDashboard,
  type TPactDashboardQuery,
} from '../../../common/contracts/pacts';
import { COMMITMENT_STATUSES, nextDueOn } from '../../../common/domain/pacts';
import { actorUserId, type Actor } from '../../platform/access/actor';
import { assertCan } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import type { DbExecutor } from '../../platform/db/database';
import { notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { currentLegalRepresentativeName } from '../organizations';
import { loadReadablePact, type PactContext } from './pact-access';
import { notASignatory } from './pacts.errors';
import { PactActions } from './pacts.policy';
import {
  countPactCommitments,
  insertCommitment,
  insertCommitmentUpdate,
  selectCommitment,
  selectCommitmentUpdates,
  selectPactCommitments,
  selectSignatoryPage,
  selectSignatoryOrganizationIds,
  updateCommitmentRow,
  type CommitmentRow,
} from './pacts.repository';

async function assertMayCommit(db: DbExecutor, actor: Actor, loaded: PactContext, organizationId: string): Promise<void> {
  const userId = actorUserId(actor);
  const isLegalRepresentative = userId !== null && (await currentLegalRepresentativeName(db, userId, organizationId)) !== null;
  assertCan(actor, PactActions['pacts.commit'], { pact: loaded.standing, isLegalRepresentative });
}

async function presentCommitment(db: DbExecutor, row: CommitmentRow): Promise<TPactCommitment> {
  return {
    id: row.id, pactId: row.pactId, organizationId: row.organizationId, organizationName: row.organizationName, text: row.text, dueOn: row.dueOn,
    recurrence: row.recurrence, status: row.status, updates: await selectCommitmentUpdates(db, row.id), version: row.version,
  };
}

/** A signatory's commitment in the pact (managers, or the signatory's legal representative); a non-signatory → 409. */
export async function createCommitment(context: UseCaseContext, pactId: string, raw: TCommitmentCreate, options: { isDemo?: boolean } = {}): Promise<TPactCommitment> {
  const input = parseInput(ZCommitmentCreate, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadablePact(tx, context.actor, pactId, { forUpdate: true });
    await assertMayCommit(tx, context.actor, loaded, input.organizationId);
    if (!(await selectSignatoryOrganizationIds(tx, pactId)).includes(input.organizationId)) throw notASignatory();
    const id = await insertCommitment(tx, { pactId, organizationId: input.organizationId, text: input.text, dueOn: input.dueOn, recurrence: input.recurrence, isDemo: options.isDemo ?? false });
    await recordAudit(tx, context, { action: 'pacts.create-commitment', entityType: 'pact_commitment', entityId: id, after: { pactId, ...input } });
    return presentCommitment(tx, (await selectCommitment(tx, id))!);
  });
}

/** A commitment with its history of updates (the pact's readers; one they may not read answers 404). */
export async function getCommitment(context: UseCaseContext, commitmentId: string): Promise<TPactCommitment> {
  const db = context.db.orm;
  const found = await selectCommitment(db, commitmentId);
  if (!found) throw notFound('pact commitment', commitmentId);
  await loadReadablePact(db, context.actor, found.pactId);
  return presentCommitment(db, found);
}

/**
 * Updates a commitment's status, text or due date with a note kept in its history (managers, or the signatory's legal
 * representative). A recurring commitment reported done moves to its next due date and is on track again; the
 * history keeps the "done" of the period.
 */
export async function updateCommitment(context: UseCaseContext, commitmentId: string, raw: TCommitmentUpdate): Promise<TPactCommitment> {
  const input = parseInput(ZCommitmentUpdate, raw);
  return inTransaction(context, async (tx) => {
    const found = await selectCommitment(tx, commitmentId);
    if (!found) throw notFound('pact commitment', commitmentId);
    const loaded = await loadReadablePact(tx, context.actor, found.pactId, { forUpdate: true });
    await assertMayCommit(tx, context.actor, loaded, found.organizationId);
    const commitment = (await selectCommitment(tx, commitmentId, { forUpdate: true }))!;
    if (commitment.version !== input.version) throw staleVersion('pact commitment', commitmentId, input.version, commitment.version);
    const reported = input.status ?? commitment.status;
    let dueOn = input.dueOn === undefined ? commitment.dueOn : input.dueOn;
    let status = reported;
    if (reported === 'done' && commitment.recurrence !== 'none' && dueOn) {
      dueOn = nextDueOn(dueOn, commitment.recurrence);
      status = 'on_track';
    }
    const after = { text: input.text ?? commitment.text, dueOn, status };
    if (!(await updateCommitmentRow(tx, commitmentId, input.version, after))) throw staleVersion('pact commitment', commitmentId, input.version, null);
    await insertCommitmentUpdate(tx, { commitmentId, status: reported, note: input.note, writtenByUserId: actorUserId(context.actor) });
    await recordAudit(tx, context, {
      action: 'pacts.update-commitment', entityType: 'pact_commitment', entityId: commitmentId,
      before: { text: commitment.text, dueOn: commitment.dueOn, status: commitment.status }, after: { ...after, reported, note: input.note },
    });
    return presentCommitment(tx, (await selectCommitment(tx, commitmentId))!);
  });
}

/**
 * The pact's commitments dashboard (its readers): totals by status; one page of signatories (late ones first) with their
 * counts; the first commitments late first, of one signatory if asked.
 */
export async function getPactDashboard(context: UseCaseContext, pactId: string, raw: TPactDashboardQuery = {}): Promise<TPactDashboard> {
  const query = parseInput(ZPactDashboardQuery, raw);
  const db = context.db.orm;
  await loadReadablePact(db, context.actor, pactId);
  const totals = await countPactCommitments(db, pactId);
  const { rows: signatories, total: signatoryTotal } = await selectSignatoryPage(db, pactId, (query.page - 1) * DASHBOARD_PAGE_SIZE, DASHBOARD_PAGE_SIZE);
  const commitments = (await selectPactCommitments(db, pactId, DASHBOARD_COMMITMENTS, query.organizationId)).map((row) => ({
    id: row.id, pactId: row.pactId, organizationId: row.organizationId, organizationName: row.organizationName, text: row.text, dueOn: row.dueOn,
    recurrence: row.recurrence, status: row.status, version: row.version,
  }));
  const counted = query.organizationId ? await countPactCommitments(db, pactId, query.organizationId) : totals;
  const commitmentTotal = COMMITMENT_STATUSES.reduce((sum, status) => sum + counted[status], 0);
  return { totals, signatories, page: query.page, pageSize: DASHBOARD_PAGE_SIZE, signatoryTotal, commitments, commitmentTotal };
}
