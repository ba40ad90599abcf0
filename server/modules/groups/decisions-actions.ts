import {
  ZActionCreate,
  ZActionListQuery,
  ZActionUpdate,
  ZDecisionCreate,
  type TAction,
  type TActionCreate,
  type TActionList,
  type TActionUpdate,
  type TDecision,
  type TDecisionCreate,
} from '../../../common/contracts/groups';
import { canRecordDecision, instantToRomeLocal, isActionOverdue } from '../../../common/domain/groups';
import { actorUserId } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { holdsOrganizationRole, peopleByIds } from '../../platform/auth/people';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { isCurrentDistrictMember } from '../districts';
import { loadReadableGroup } from './group-access';
import { overdueFirst, toAction, toDecision } from './group-views';
import { meetingNotMinuted, meetingNotScheduled } from './groups.errors';
import { GroupActions } from './groups.policy';
import {
  insertAction,
  insertDecision,
  nextDecisionNumber,
  selectActions,
  selectDecision,
  updateAction,
} from './groups.repository';
import { assertGroupOpen } from './manage-groups';
import { loadReadableMeeting } from './meetings';

/**
 * Records a decision with the minutes of a held meeting (draft or published: official once published), numbered
 * per group and per year of the meeting without gaps — the counter is taken in this transaction (see
 * nextDecisionNumber). A meeting not held or without minutes → 409 GROUPS.MEETING_NOT_MINUTED naming `meetingId`.
 */
export async function recordDecision(context: UseCaseContext, meetingId: string, raw: TDecisionCreate): Promise<TDecision> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZDecisionCreate, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    if (!canRecordDecision(loaded.meeting)) throw meetingNotMinuted();
    const year = Number(instantToRomeLocal(new Date(loaded.meeting.startsAt)).slice(0, 4));
    const number = await nextDecisionNumber(tx, loaded.group.id, year);
    const id = await insertDecision(tx, { groupId: loaded.group.id, meetingId, year, number, title: input.title, text: input.text });
    const decision = (await selectDecision(tx, id))!;
    await recordAudit(tx, context, { action: 'groups.record-decision', entityType: 'group_decision', entityId: id, after: decision });
    return toDecision(decision);
  });
}

/** The owner holds a role in their organization, a current member of the group's district. */
async function checkOwner(db: DbExecutor, districtId: string, ownerUserId: string, ownerOrganizationId: string): Promise<void> {
  if (!(await isCurrentDistrictMember(db, districtId, ownerOrganizationId))) {
    throw fieldError('ownerOrganizationId', 'not a current member organization of the district', 'not-current-member');
  }
  if (!(await holdsOrganizationRole(db, ownerUserId, ownerOrganizationId))) throw fieldError('ownerUserId', 'this person holds no role in the organization', 'not-found');
}

/** An action decided at a meeting (possibly by one of its decisions), with an owner and a due date. */
export async function createAction(context: UseCaseContext, meetingId: string, raw: TActionCreate): Promise<TAction> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZActionCreate, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    assertGroupOpen(loaded.group);
    if (loaded.meeting.status === 'cancelled') throw meetingNotScheduled('cancelled', 'meetingId');
    if (input.decisionId !== null) {
      const decision = await selectDecision(tx, input.decisionId);
      if (!decision || decision.meetingId !== meetingId) throw fieldError('decisionId', 'not a decision of this meeting', 'not-found');
    }
    await checkOwner(tx, loaded.group.districtId, input.ownerUserId, input.ownerOrganizationId);
    const id = await insertAction(tx, { groupId: loaded.group.id, meetingId, ...input, isDemo: loaded.group.isDemo });
    const [action] = await selectActions(tx, { actionId: id });
    await recordAudit(tx, context, { action: 'groups.create-action', entityType: 'group_action', entityId: id, after: action });
    return toAction(action!, await peopleByIds(tx, [action!.ownerUserId]), loaded.today, true);
  });
}

/** Its owner moves the status (open, in progress, done, cancelled); the group's writers change anything of it. */
export async function updateGroupAction(context: UseCaseContext, actionId: string, raw: TActionUpdate): Promise<TAction> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZActionUpdate, raw);
  return inTransaction(context, async (tx) => {
    const [before] = await selectActions(tx, { actionId }, { forUpdate: true });
    if (!before) throw notFound('action', actionId);
    const loaded = await loadReadableGroup(tx, context.actor, before.groupId, new Date());
    assertCan(context.actor, GroupActions['groups.update-action-status'], { group: loaded.standing, ownerUserId: before.ownerUserId });
    const onlyStatus = input.title === undefined && input.description === undefined && input.dueOn === undefined && input.ownerUserId === undefined && input.ownerOrganizationId === undefined;
    if (!onlyStatus) assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    if (before.version !== input.version) throw staleVersion('action', actionId, input.version, before.version);
    const after = {
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      ownerUserId: input.ownerUserId ?? before.ownerUserId,
      ownerOrganizationId: input.ownerOrganizationId ?? before.ownerOrganizationId,
      dueOn: input.dueOn ?? before.dueOn,
      status: input.status ?? before.status,
    };
    if (after.ownerUserId !== before.ownerUserId || after.ownerOrganizationId !== before.ownerOrganizationId) {
      await checkOwner(tx, loaded.group.districtId, after.ownerUserId, after.ownerOrganizationId);
    }
    if (!(await updateAction(tx, actionId, input.version, after))) throw staleVersion('action', actionId, input.version, null);
    await recordAudit(tx, context, { action: 'groups.update-action', entityType: 'group_action', entityId: actionId, before, after });
    const [row] = await selectActions(tx, { actionId });
    const writer = can(context.actor, GroupActions['groups.write'], loaded.standing);
    return toAction(row!, await peopleByIds(tx, [row!.ownerUserId]), loaded.today, writer || row!.ownerUserId === actorUserId(context.actor));
  });
}

/** A group's actions (overdue first), filtered by status or lateness. */
export async function listGroupActions(context: UseCaseContext, groupId: string, raw: unknown): Promise<TActionList> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZActionListQuery, raw ?? {});
  const db = context.db.orm;
  const { standing, today } = await loadReadableGroup(db, context.actor, groupId, new Date());
  let rows = await selectActions(db, { groupId, statuses: input.status ? [input.status] : undefined });
  if (input.overdue) rows = rows.filter((row) => isActionOverdue(row, today) === (input.overdue === 'true'));
  const people = await peopleByIds(db, rows.map((row) => row.ownerUserId));
  const writer = can(context.actor, GroupActions['groups.write'], standing);
  const userId = actorUserId(context.actor);
  return { items: overdueFirst(rows.map((row) => toAction(row, people, today, writer || row.ownerUserId === userId))) };
}
