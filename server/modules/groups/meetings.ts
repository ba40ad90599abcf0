import {
  ZAttendanceSave,
  ZMeetingCreate,
  ZMeetingStatusChange,
  ZMeetingUpdate,
  type TAttendance,
  type TAttendanceSave,
  type TInvitationsSent,
  type TMeetingCreate,
  type TMeetingDetail,
  type TMeetingList,
  type TMeetingStatusChange,
  type TMeetingUpdate,
} from '../../../common/contracts/groups';
import { checkMeetingTimes, isCurrentMember, type MeetingTimeInput } from '../../../common/domain/groups';
import { actorUserId, type Actor } from '../../platform/access/actor';
import { assertCan, can } from '../../platform/access/policy';
import { recordAudit } from '../../platform/audit/audit';
import { peopleByIds, type Person } from '../../platform/auth/people';
import type { DbExecutor } from '../../platform/db/database';
import { fieldError, notFound, staleVersion } from '../../platform/errors/app-error';
import { parseInput } from '../../platform/errors/parse-input';
import { inTransaction, type UseCaseContext } from '../../platform/use-case';
import { meetingCalendar } from './calendar';
import { loadReadableGroup, type GroupContext } from './group-access';
import { peopleNamedIn, toAction, toAttendance, toDecision, toMeetingSummary } from './group-views';
import { meetingNotScheduled } from './groups.errors';
import { mailPeople, meetingMail, meetingPagePath, type MeetingMailKind } from './groups-mails';
import { GroupActions } from './groups.policy';
import {
  insertMeeting,
  markInvitationsSent,
  selectActions,
  selectAttendance,
  selectDecisionsOfMeeting,
  selectMeeting,
  selectMeetingsOfGroups,
  selectMunicipalityNames,
  updateMeeting,
  updateMeetingStatus,
  upsertAttendance,
  type MeetingRow,
  type MeetingValues,
} from './groups.repository';
import { assertGroupOpen } from './manage-groups';

export interface MeetingContext extends GroupContext {
  meeting: MeetingRow;
}

/** Loads a meeting and its group; a meeting of a group the actor may not read is 404. */
export async function loadReadableMeeting(db: DbExecutor, actor: Actor, meetingId: string, options: { forUpdate?: boolean } = {}): Promise<MeetingContext> {
  const meeting = await selectMeeting(db, meetingId, options);
  if (!meeting) throw notFound('meeting', meetingId);
  const loaded = await loadReadableGroup(db, actor, meeting.groupId, new Date());
  return { ...loaded, meeting };
}

async function meetingValues(db: DbExecutor, input: MeetingTimeInput & { title: string; municipalityCode: string | null; address: string; onlineUrl: string | null; agenda: { title: string; notes: string }[] }, now: Date): Promise<MeetingValues> {
  const times = checkMeetingTimes(input, now, { scheduling: true });
  if (times && 'field' in times) throw fieldError(times.field, times.message);
  if (input.municipalityCode === null && input.onlineUrl === null) throw fieldError('municipalityCode', 'a place (municipality and address) or an online link is required', 'required');
  if (input.municipalityCode !== null && !(await selectMunicipalityNames(db, [input.municipalityCode])).has(input.municipalityCode)) {
    throw fieldError('municipalityCode', 'not a municipality', 'unknown-code');
  }
  const { startsAt, endsAt } = times as { startsAt: Date; endsAt: Date };
  return { title: input.title, startsAt, endsAt, municipalityCode: input.municipalityCode, address: input.address, onlineUrl: input.onlineUrl, agenda: input.agenda };
}

/** The current members (and their named substitutes, who may have to come in their place) as people to write to. */
async function currentMemberPeople(db: DbExecutor, loaded: GroupContext): Promise<Person[]> {
  const current = loaded.members.filter((member) => isCurrentMember(member, loaded.today));
  const people = await peopleByIds(db, current.flatMap((member) => [member.userId, member.substituteUserId]).filter((id): id is string => id !== null));
  return [...people.values()];
}

async function mailMeeting(db: DbExecutor, loaded: GroupContext, meetingId: string, kind: MeetingMailKind, linkBase: string): Promise<number> {
  const meeting = (await selectMeeting(db, meetingId))!;
  const names = meeting.municipalityCode ? await selectMunicipalityNames(db, [meeting.municipalityCode]) : new Map<string, string>();
  const municipalityName = meeting.municipalityCode ? (names.get(meeting.municipalityCode) ?? null) : null;
  return mailPeople(db, await currentMemberPeople(db, loaded), (language) => meetingMail(kind, meeting, municipalityName, language, linkBase), {
    topicType: 'group_meeting',
    topicId: meeting.id,
    districtId: loaded.group.districtId,
  });
}

/**
 * The chair, the secretary (or a coordinator) schedules a meeting in the future; with `sendInvitations` every current
 * member is mailed the invitation in their language, with the links to the meeting page and its .ics.
 */
export async function scheduleMeeting(context: UseCaseContext, groupId: string, raw: TMeetingCreate, linkBase: string): Promise<TMeetingDetail> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMeetingCreate, raw);
  const meetingId = await inTransaction(context, async (tx) => {
    const loaded = await loadReadableGroup(tx, context.actor, groupId, new Date(), { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    assertGroupOpen(loaded.group);
    const values = await meetingValues(tx, input, new Date());
    const id = await insertMeeting(tx, groupId, { ...values, status: 'scheduled', isDemo: loaded.group.isDemo });
    await recordAudit(tx, context, { action: 'groups.schedule-meeting', entityType: 'group_meeting', entityId: id, after: values });
    if (input.sendInvitations) {
      const mailed = await mailMeeting(tx, loaded, id, 'invitation', linkBase);
      await markInvitationsSent(tx, id);
      await recordAudit(tx, context, { action: 'groups.send-invitations', entityType: 'group_meeting', entityId: id, after: { mailed } });
    }
    return id;
  });
  return getMeeting(context, meetingId);
}

/** A scheduled meeting's title, time, place and agenda; a change of time or place bumps the calendar SEQUENCE and re-mails members. */
export async function rescheduleMeeting(context: UseCaseContext, meetingId: string, raw: TMeetingUpdate, linkBase: string): Promise<TMeetingDetail> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMeetingUpdate, raw);
  await inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    const before = loaded.meeting;
    assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    assertGroupOpen(loaded.group);
    if (before.version !== input.version) throw staleVersion('meeting', meetingId, input.version, before.version);
    if (before.status !== 'scheduled') throw meetingNotScheduled(before.status);
    const values = await meetingValues(tx, input, new Date());
    const moved =
      values.startsAt.toISOString() !== before.startsAt ||
      values.endsAt.toISOString() !== before.endsAt ||
      values.municipalityCode !== before.municipalityCode ||
      values.address !== before.address ||
      values.onlineUrl !== before.onlineUrl;
    if (!(await updateMeeting(tx, meetingId, input.version, values, moved || values.title !== before.title))) throw staleVersion('meeting', meetingId, input.version, null);
    await recordAudit(tx, context, { action: 'groups.update-meeting', entityType: 'group_meeting', entityId: meetingId, before, after: values });
    if (moved && input.notifyMembers && before.invitationsSentAt !== null) await mailMeeting(tx, loaded, meetingId, 'changed', linkBase);
  });
  return getMeeting(context, meetingId);
}

/** Records a scheduled meeting as held (once it has started) or cancels it (members are mailed a cancellation). */
export async function changeMeetingStatus(context: UseCaseContext, meetingId: string, raw: TMeetingStatusChange, linkBase: string): Promise<TMeetingDetail> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZMeetingStatusChange, raw);
  await inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    const before = loaded.meeting;
    assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    if (before.version !== input.version) throw staleVersion('meeting', meetingId, input.version, before.version);
    if (before.status !== 'scheduled') throw meetingNotScheduled(before.status);
    if (input.status === 'held' && new Date(before.startsAt).getTime() > Date.now()) throw fieldError('status', 'a meeting that has not started yet cannot be recorded as held');
    if (!(await updateMeetingStatus(tx, meetingId, input.version, input.status))) throw staleVersion('meeting', meetingId, input.version, null);
    await recordAudit(tx, context, { action: 'groups.change-meeting-status', entityType: 'group_meeting', entityId: meetingId, before: { status: before.status }, after: { status: input.status } });
    if (input.status === 'cancelled' && input.notifyMembers && before.invitationsSentAt !== null) await mailMeeting(tx, loaded, meetingId, 'cancelled', linkBase);
  });
  return getMeeting(context, meetingId);
}

/** Mails (again) the invitation of a scheduled meeting to every current member. */
export async function sendInvitations(context: UseCaseContext, meetingId: string, linkBase: string): Promise<TInvitationsSent> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    if (loaded.meeting.status !== 'scheduled') throw meetingNotScheduled(loaded.meeting.status);
    const mailed = await mailMeeting(tx, loaded, meetingId, 'invitation', linkBase);
    await markInvitationsSent(tx, meetingId);
    await recordAudit(tx, context, { action: 'groups.send-invitations', entityType: 'group_meeting', entityId: meetingId, after: { mailed } });
    return { mailed };
  });
}

/** The meeting page: schedule, agenda, attendance with quorum, decisions, actions, and what the viewer may do. */
export async function getMeeting(context: UseCaseContext, meetingId: string): Promise<TMeetingDetail> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const db = context.db.orm;
  const loaded = await loadReadableMeeting(db, context.actor, meetingId);
  const { meeting, group, members, standing, today } = loaded;
  const recorded = await selectAttendance(db, meetingId);
  const decisions = await selectDecisionsOfMeeting(db, meetingId);
  const actions = await selectActions(db, { meetingId });
  const people = await peopleByIds(db, peopleNamedIn({ members, actions, extra: [...recorded.values()].map((entry) => entry.substitutedByUserId) }));
  const names = await selectMunicipalityNames(db, meeting.municipalityCode ? [meeting.municipalityCode] : []);
  const writer = can(context.actor, GroupActions['groups.write'], standing);
  const open = group.status !== 'closed';
  const userId = actorUserId(context.actor);
  const started = new Date(meeting.startsAt).getTime() <= Date.now();
  return {
    ...toMeetingSummary(meeting, names),
    agenda: meeting.agenda.map((item, index) => ({ position: index + 1, title: item.title, notes: item.notes })),
    sequence: meeting.sequence,
    invitationsSentAt: meeting.invitationsSentAt,
    attendance: toAttendance(meeting, members, recorded, people, group.quorumPercent),
    // Decisions are part of the minutes: while those are a draft, only who reads drafts sees them.
    decisions: meeting.minutesStatus === 'published' || can(context.actor, GroupActions['groups.read-drafts'], standing) ? decisions.map(toDecision) : [],
    actions: actions.map((action) => toAction(action, people, today, writer || action.ownerUserId === userId)),
    can: {
      edit: writer && open && meeting.status === 'scheduled',
      recordAttendance: writer && meeting.status !== 'cancelled' && (meeting.status === 'held' || started),
      writeMinutes: writer && meeting.status === 'held' && meeting.minutesStatus !== 'published',
      publishMinutes: writer && meeting.minutesStatus === 'draft',
      addDecision: writer && meeting.status === 'held' && meeting.minutesStatus !== null,
      addAction: writer && open && meeting.status !== 'cancelled',
      attachDocuments: writer && open && meeting.status !== 'cancelled' && meeting.minutesStatus !== 'published',
    },
  };
}

export async function listMeetings(context: UseCaseContext, groupId: string): Promise<TMeetingList> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const db = context.db.orm;
  await loadReadableGroup(db, context.actor, groupId, new Date());
  const meetings = await selectMeetingsOfGroups(db, [groupId]);
  const names = await selectMunicipalityNames(db, meetings.map((meeting) => meeting.municipalityCode).filter((code): code is string => code !== null));
  return { items: meetings.map((meeting) => toMeetingSummary(meeting, names)) };
}

/** One meeting's .ics (TZID Europe/Rome, stable UID, SEQUENCE, CANCELLED once cancelled). */
export async function getMeetingCalendar(context: UseCaseContext, meetingId: string, linkBase: string): Promise<string> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const db = context.db.orm;
  const { meeting } = await loadReadableMeeting(db, context.actor, meetingId);
  const names = await selectMunicipalityNames(db, meeting.municipalityCode ? [meeting.municipalityCode] : []);
  return meetingCalendar(meeting, meeting.municipalityCode ? (names.get(meeting.municipalityCode) ?? null) : null, `${linkBase}${meetingPagePath(meeting.id)}`);
}

/**
 * Attendance of each member at a meeting that was held or has started: present, absent, excused, or substituted by
 * someone (named). Returns the organizations represented and whether the quorum was reached.
 */
export async function recordAttendance(context: UseCaseContext, meetingId: string, raw: TAttendanceSave): Promise<TAttendance> {
  assertCan(context.actor, GroupActions['groups.signed-in']);
  const input = parseInput(ZAttendanceSave, raw);
  return inTransaction(context, async (tx) => {
    const loaded = await loadReadableMeeting(tx, context.actor, meetingId, { forUpdate: true });
    const { meeting, members, group } = loaded;
    assertCan(context.actor, GroupActions['groups.write'], loaded.standing);
    if (meeting.status === 'cancelled') throw meetingNotScheduled(meeting.status);
    if (meeting.status === 'scheduled' && new Date(meeting.startsAt).getTime() > Date.now()) throw fieldError('entries', 'attendance is recorded once the meeting has started');
    const memberIds = new Set(members.map((member) => member.id));
    input.entries.forEach((entry, index) => {
      if (!memberIds.has(entry.memberId)) throw fieldError(`entries.${index}.memberId`, 'not a member of this group', 'not-found');
      if (entry.status === 'substituted' && entry.substitutedByUserId === null) throw fieldError(`entries.${index}.substitutedByUserId`, 'required when the member was substituted', 'required');
      if (entry.status !== 'substituted' && entry.substitutedByUserId !== null) throw fieldError(`entries.${index}.substitutedByUserId`, 'only when the member was substituted');
    });
    if (new Set(input.entries.map((entry) => entry.memberId)).size !== input.entries.length) throw fieldError('entries', 'each member once');
    const substitutes = await peopleByIds(tx, input.entries.map((entry) => entry.substitutedByUserId).filter((id): id is string => id !== null));
    input.entries.forEach((entry, index) => {
      if (entry.substitutedByUserId !== null && !substitutes.has(entry.substitutedByUserId)) throw fieldError(`entries.${index}.substitutedByUserId`, 'no such person', 'not-found');
    });
    const before = await selectAttendance(tx, meetingId);
    await upsertAttendance(tx, meetingId, input.entries);
    await recordAudit(tx, context, { action: 'groups.record-attendance', entityType: 'group_meeting', entityId: meetingId, before: Object.fromEntries(before), after: input.entries });
    const recorded = await selectAttendance(tx, meetingId);
    const people = await peopleByIds(tx, peopleNamedIn({ members, extra: [...recorded.values()].map((entry) => entry.substitutedByUserId) }));
    return toAttendance(meeting, members, recorded, people, group.quorumPercent);
  });
}
