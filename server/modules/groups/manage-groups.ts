import {
  ZGroupCreate,
  ZGroupListQuery,
  ZGroupStatusChange,
  ZGroupUpdate,
  type TGroupCreate,
  type TGroupDetail,
  type TGroupListQuery,
  type TGroupPage,
  type TGroupStatusChange,
  type TGroupUpdate,
} from '../../../common/contracts/groups';
import { canChangeGroupStatus, nextGroupStatuses } from '../../../common/domain/groups';
import { todayInItaly } from '../../../common/domain/calendar';
import { actorUserId } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { peopleByIds } from '../../platform/auth/people';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { districtExists } from '../districts';
import { selectCategoryLabelsOf, selectExistingCategoryCodes } from '../services';
import { actorInDistrict, loadReadableGroup } from './group-access';
import { overdueFirst, peopleNamedIn, toAction, toGroupSummary, toMeetingSummary, toMember, toMinutesVersion } from './group-views';
import { groupClosed, invalidGroupStatusChange } from './groups.errors';
import { GroupActions, currentRoleOf } from './groups.policy';
import {
  insertGroup,
  selectActions,
  selectGroupCounts,
  selectGroups,
  selectLastPublishedMinutes,
  selectMeeting,
  selectMeetingsOfGroups,
  selectMembershipsOfUser,
  selectMinutesVersions,
  selectMunicipalityNames,
  updateGroup,
  type GroupRow,
} from './groups.repository';

async function checkCategories(db: DbExecutor, codes: string[]): Promise<void> {
  const existing = await selectExistingCategoryCodes(db, codes);
  const unknown = codes.filter((code) => !existing.has(code));
  if (unknown.length > 0) throw fieldError('categoryCodes', `not categories of the services taxonomy: ${unknown.join(', ')}`, 'unknown-code');
}

const cursorOf = (group: GroupRow) => Buffer.from(JSON.stringify({ name: group.name, id: group.id })).toString('base64url');
function parseCursor(cursor: string | undefined): { name: string; id: string } | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { name?: unknown; id?: unknown };
    if (typeof parsed.name === 'string' && typeof parsed.id === 'string' && /^[0-9a-f-]{36}$/.test(parsed.id)) return { name: parsed.name, id: parsed.id };
  } catch {
    // falls through to the field error
  }
  throw fieldError('cursor', 'not a cursor this list gave');
}

/**
 * A district's working groups by name, with filters: its people see every group's name, theme and status (a
 * by-invitation group's contents stay private: `canView` says whether its page opens).
 */
export async function listGroups(context: UseCaseContext, raw: TGroupListQuery): Promise<TGroupPage> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZGroupListQuery, raw);
  const db = context.db.orm;
  const inDistrict = await actorInDistrict(db, context.actor, input.districtId);
  if (!can(context.actor, GroupActions['groups.list'], { districtId: input.districtId, inDistrict })) throw notFound('district', input.districtId);
  const userId = actorUserId(context.actor);
  const now = new Date();
  const today = todayInItaly(now);
  const { rows, total } = await selectGroups(db, {
    districtId: input.districtId,
    today,
    status: input.status,
    categoryCode: input.categoryCode,
    q: input.q || undefined,
    onlyOfUserId: input.mine === 'true' ? (userId ?? '00000000-0000-0000-0000-000000000000') : null,
    after: parseCursor(input.cursor),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const counts = await selectGroupCounts(db, page.map((group) => group.id), now, today);
  const labels = await selectCategoryLabelsOf(db, page.flatMap((group) => group.categoryCodes));
  // The viewer's own memberships, read once for the page (a person is at most once in a group).
  const mine = userId ? await selectMembershipsOfUser(db, userId) : [];
  const items = page.map((group) => {
    const currentRole = currentRoleOf(mine.filter((member) => member.groupId === group.id), userId, today);
    const standing = { districtId: group.districtId, accessMode: group.accessMode, currentRole, inDistrict };
    return toGroupSummary(group, counts.get(group.id), labels, { isMember: currentRole !== null, canView: can(context.actor, GroupActions['groups.read'], standing) });
  });
  return {
    items,
    nextCursor: rows.length > input.limit ? cursorOf(page[page.length - 1]!) : null,
    total,
    canCreate: can(context.actor, GroupActions['groups.create'], { districtId: input.districtId }),
  };
}

/** The group page: members, next meeting, last published minutes, open actions (overdue first), what the viewer may do. */
export async function getGroup(context: UseCaseContext, groupId: string): Promise<TGroupDetail> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const db = context.db.orm;
  const now = new Date();
  const { group, members, standing, today } = await loadReadableGroup(db, context.actor, groupId, now);
  const counts = await selectGroupCounts(db, [group.id], now, today);
  const labels = await selectCategoryLabelsOf(db, group.categoryCodes);
  const [nextMeeting] = await selectMeetingsOfGroups(db, [group.id], { scheduledFrom: now, limit: 1 });
  const last = await selectLastPublishedMinutes(db, group.id);
  const lastMeeting = last ? await selectMeeting(db, last.meetingId) : null;
  const lastVersions = last ? (await selectMinutesVersions(db, last.meetingId)).filter((version) => version.status === 'published') : [];
  const actions = await selectActions(db, { groupId: group.id, statuses: ['open', 'in_progress'] });
  const people = await peopleByIds(db, peopleNamedIn({ members, actions, versions: lastVersions.slice(0, 1) }));
  const municipalityNames = await selectMunicipalityNames(db, [nextMeeting?.municipalityCode, lastMeeting?.municipalityCode].filter((code): code is string => !!code));
  const isWriter = can(context.actor, GroupActions['groups.write'], standing);
  const userId = actorUserId(context.actor);
  const mine = members.find((member) => member.userId === userId && standing.currentRole !== null && member.role === standing.currentRole) ?? null;
  const manage = can(context.actor, GroupActions['groups.manage'], standing);
  const changeStatus = can(context.actor, GroupActions['groups.change-status'], standing);
  const open = group.status !== 'closed';
  return {
    ...toGroupSummary(group, counts.get(group.id), labels, { isMember: standing.currentRole !== null, canView: true }),
    mandate: group.mandate,
    quorumPercent: group.quorumPercent,
    members: members.map((member) => toMember(member, people, today)),
    nextMeeting: nextMeeting ? toMeetingSummary(nextMeeting, municipalityNames) : null,
    lastMinutes: lastMeeting && lastVersions[0] ? { meeting: toMeetingSummary(lastMeeting, municipalityNames), version: toMinutesVersion(lastVersions[0], people) } : null,
    openActions: overdueFirst(actions.map((action) => toAction(action, people, today, isWriter || action.ownerUserId === userId))),
    myMembership: mine ? toMember(mine, people, today) : null,
    can: {
      edit: manage && open,
      changeStatus: changeStatus && nextGroupStatuses(group.status).length > 0,
      manageMembers: manage && open,
      join: open && group.accessMode === 'open' && standing.currentRole === null && standing.inDistrict,
      scheduleMeetings: isWriter && open,
      subscribeFeed: context.actor.kind === 'user',
    },
    nextStatuses: changeStatus ? [...nextGroupStatuses(group.status)] : [],
    version: group.version,
    createdAt: group.createdAt,
  };
}

/** A coordinator of the district (or a platform administrator) creates a group, which starts as `forming`. */
export async function createGroup(context: UseCaseContext, raw: TGroupCreate): Promise<TGroupDetail> {
  const input = parseInput(ZGroupCreate, raw);
  assertCan(context.actor, GroupActions['groups.create'], { districtId: input.districtId });
  const db = context.db.orm;
  if (!(await districtExists(db, input.districtId))) throw notFound('district', input.districtId);
  await checkCategories(db, input.categoryCodes);
  const groupId = await inTransaction(context, async (tx) => {
    const id = await insertGroup(tx, { ...input, createdBy: actorUserId(context.actor) });
    await recordAudit(tx, context, { action: 'groups.create-group', entityType: 'working_group', entityId: id, after: { ...input, status: 'forming' } });
    return id;
  });
  return getGroup(context, groupId);
}

/** Name, theme, categories, mandate, access and quorum: the group's managers, while it is not closed. */
export async function updateGroupDetails(context: UseCaseContext, groupId: string, raw: TGroupUpdate): Promise<TGroupDetail> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZGroupUpdate, raw);
  if (input.categoryCodes) await checkCategories(context.db.orm, input.categoryCodes);
  await inTransaction(context, async (tx) => {
    const { group, standing } = await loadReadableGroup(tx, context.actor, groupId, new Date(), { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.manage'], standing);
    if (group.version !== input.version) throw staleVersion('group', groupId, input.version, group.version);
    assertGroupOpen(group);
    const after = {
      name: input.name ?? group.name,
      theme: input.theme ?? group.theme,
      categoryCodes: input.categoryCodes ?? group.categoryCodes,
      mandate: input.mandate ?? group.mandate,
      accessMode: input.accessMode ?? group.accessMode,
      quorumPercent: input.quorumPercent === undefined ? group.quorumPercent : input.quorumPercent,
      status: group.status,
    };
    if (!(await updateGroup(tx, groupId, input.version, after))) throw staleVersion('group', groupId, input.version, null);
    await recordAudit(tx, context, { action: 'groups.update-group', entityType: 'working_group', entityId: groupId, before: group, after });
  });
  return getGroup(context, groupId);
}

/** forming → active → closed (common/domain/groups.ts): the district's coordinators and platform administrators. */
export async function changeGroupStatus(context: UseCaseContext, groupId: string, raw: TGroupStatusChange): Promise<TGroupDetail> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZGroupStatusChange, raw);
  await inTransaction(context, async (tx) => {
    const { group, standing } = await loadReadableGroup(tx, context.actor, groupId, new Date(), { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.change-status'], standing);
    if (group.version !== input.version) throw staleVersion('group', groupId, input.version, group.version);
    if (!canChangeGroupStatus(group.status, input.status)) throw invalidGroupStatusChange(group.status, input.status);
    if (!(await updateGroup(tx, groupId, input.version, { ...group, status: input.status }))) throw staleVersion('group', groupId, input.version, null);
    await recordAudit(tx, context, { action: 'groups.change-group-status', entityType: 'working_group', entityId: groupId, before: { status: group.status }, after: { status: input.status } });
  });
  return getGroup(context, groupId);
}

/** Refuses writes to a closed group (after the access checks, so an outsider still learns nothing). */
export function assertGroupOpen(group: GroupRow): void {
  if (group.status === 'closed') throw groupClosed();
}
