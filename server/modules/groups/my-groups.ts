import { createHash, randomBytes } from 'node:crypto';
import type { TFeedToken, THomeGroups, TMyGroups } from '../../../common/contracts/groups';
import { isCurrentMember } from '../../../common/domain/groups';
import { todayInItaly } from '../../../common/domain/calendar';
import { actorUserId } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { actorOfUserId } from '../../platform/auth/actor-of-user';
import { peopleByIds } from '../../platform/auth/people';
import { notFound } from '../../platform/errors/app-error';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import type { Language } from '../../platform/texts';
import { groupCalendar } from './calendar';
import { loadReadableGroup, standingOf } from './group-access';
import { overdueFirst, toAction, toGroupSummary, toMeetingSummary } from './group-views';
import { selectCategoryLabelsOf } from '../services';
import { GroupActions } from './groups.policy';
import {
  countOwnActions,
  deleteFeedToken,
  replaceFeedToken,
  selectActions,
  selectFeedToken,
  selectGroup,
  selectGroupCounts,
  selectGroupsByIds,
  selectMeetingsOfGroups,
  selectMembers,
  selectMembershipsOfUser,
  selectMunicipalityNames,
} from './groups.repository';

/** "My groups, my actions, my next meetings" of the signed-in person. */
export async function getMyGroups(context: UseCaseContext): Promise<TMyGroups> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const userId = actorUserId(context.actor);
  if (!userId) return { groups: [], actions: [], nextMeetings: [] };
  const db = context.db.orm;
  const now = new Date();
  const today = todayInItaly(now);
  const memberships = (await selectMembershipsOfUser(db, userId)).filter((member) => isCurrentMember(member, today));
  const roleIn = new Map(memberships.map((membership) => [membership.groupId, membership.role]));
  const groups = (await selectGroupsByIds(db, [...roleIn.keys()]))
    .map((group) => ({ ...group, myRole: roleIn.get(group.id)! }))
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
  const counts = await selectGroupCounts(db, groups.map((group) => group.id), now, today);
  const labels = await selectCategoryLabelsOf(db, groups.flatMap((group) => group.categoryCodes));
  const actions = await selectActions(db, { ownerUserId: userId, statuses: ['open', 'in_progress'] });
  const people = await peopleByIds(db, [userId]);
  const meetings = await selectMeetingsOfGroups(db, groups.map((group) => group.id), { scheduledFrom: now, limit: 10 });
  const names = await selectMunicipalityNames(db, meetings.map((meeting) => meeting.municipalityCode).filter((code): code is string => code !== null));
  return {
    groups: groups.map((group) => ({ ...toGroupSummary(group, counts.get(group.id), labels, { isMember: true, canView: true }), myRole: group.myRole })),
    actions: overdueFirst(actions.map((action) => toAction(action, people, today, true))),
    nextMeetings: meetings.map((meeting) => toMeetingSummary(meeting, names)),
  };
}

/** For the home: the person's groups, open and overdue actions and next meeting (null for anyone not a person). */
export async function homeGroupsSummary(context: UseCaseContext): Promise<THomeGroups | null> {
  const userId = actorUserId(context.actor);
  if (!userId) return null;
  const db = context.db.orm;
  const now = new Date();
  const today = todayInItaly(now);
  const { open, overdue } = await countOwnActions(db, userId, today);
  const groupIds = (await selectMembershipsOfUser(db, userId)).filter((member) => isCurrentMember(member, today)).map((member) => member.groupId);
  const [next] = await selectMeetingsOfGroups(db, groupIds, { scheduledFrom: now, limit: 1 });
  const names = await selectMunicipalityNames(db, next?.municipalityCode ? [next.municipalityCode] : []);
  return { groupCount: groupIds.length, openActions: open, overdueActions: overdue, nextMeeting: next ? toMeetingSummary(next, names) : null };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string) => `/api/calendar/groups/${token}/feed.ics`;

/**
 * A personal secret address of the group's calendar, for calendar apps that cannot sign in. Creating one replaces
 * (revokes) the person's previous one; only its hash is stored, so it is shown once.
 */
export async function createFeedToken(context: UseCaseContext, groupId: string): Promise<TFeedToken> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  return inTransaction(context, async (tx) => {
    const { standing } = await loadReadableGroup(tx, context.actor, groupId, new Date());
    assertCan(context.actor, GroupActions['groups.subscribe-feed'], standing);
    const token = randomBytes(24).toString('base64url');
    const createdAt = await replaceFeedToken(tx, groupId, actorUserId(context.actor)!, hashToken(token));
    await recordAudit(tx, context, { action: 'groups.create-feed-token', entityType: 'group_feed_token', entityId: groupId });
    return { path: feedPath(token), createdAt };
  });
}

export async function revokeFeedToken(context: UseCaseContext, groupId: string): Promise<void> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  await inTransaction(context, async (tx) => {
    await loadReadableGroup(tx, context.actor, groupId, new Date());
    if (!(await deleteFeedToken(tx, groupId, actorUserId(context.actor)!))) throw notFound('feed token', groupId);
    await recordAudit(tx, context, { action: 'groups.revoke-feed-token', entityType: 'group_feed_token', entityId: groupId });
  });
}

/**
 * The group's calendar by its secret address, with no session: answered only while the token exists and its holder
 * may still read the group (a member who left, or a revoked token, gets 404 like an unknown token).
 */
export async function readGroupFeed(context: UseCaseContext, token: string, language: Language): Promise<string> {
  const db = context.db.orm;
  const found = await selectFeedToken(db, hashToken(token));
  if (!found) throw notFound('calendar feed', 'token');
  const holder = await actorOfUserId(db, found.userId);
  const group = await selectGroup(db, found.groupId);
  if (!holder || !group) throw notFound('calendar feed', 'token');
  const standing = await standingOf(db, holder, group, await selectMembers(db, group.id), todayInItaly(new Date()));
  if (!can(holder, GroupActions['groups.read'], standing)) throw notFound('calendar feed', 'token');
  const meetings = await selectMeetingsOfGroups(db, [group.id]);
  const names = await selectMunicipalityNames(db, meetings.map((meeting) => meeting.municipalityCode).filter((code): code is string => code !== null));
  return groupCalendar(group.name, meetings, names, language);
}
