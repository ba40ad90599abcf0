import type { TAction, TAttendance, TDecision, TGroupMember, TGroupSummary, TMeetingSummary, TMinutesVersion } from '../../../common/contracts/groups';
import {
  decisionReference,
  instantToRomeLocal,
  isActionOverdue,
  isCurrentMember,
  summarizeAttendance,
  type AttendanceStatus,
} from '../../../common/domain/groups';
import type { Person } from '../../platform/auth/people';
import type { ActionRow, DecisionRow, GroupCounts, GroupRow, MeetingRow, MemberRow, MinutesVersionRow } from './groups.repository';

/** Turns rows into the contract's shapes; names of people come from the platform (server/platform/auth/people.ts). */
export type People = Map<string, Person>;

const nameOf = (people: People, userId: string | null): string | null => (userId ? (people.get(userId)?.name ?? null) : null);

export function toGroupSummary(
  group: GroupRow,
  counts: GroupCounts | undefined,
  categoryLabels: Map<string, string>,
  viewer: { isMember: boolean; canView: boolean },
): TGroupSummary {
  return {
    id: group.id,
    districtId: group.districtId,
    districtName: group.districtName,
    name: group.name,
    theme: group.theme,
    categories: group.categoryCodes.map((code) => ({ code, label: categoryLabels.get(code) ?? null })),
    status: group.status,
    accessMode: group.accessMode,
    memberCount: counts?.memberCount ?? 0,
    organizationCount: counts?.organizationCount ?? 0,
    isMember: viewer.isMember,
    canView: viewer.canView,
    nextMeetingStartsAt: viewer.canView ? (counts?.nextMeetingStartsAt ?? null) : null,
    isDemo: group.isDemo,
  };
}

export function toMember(member: MemberRow, people: People, today: string): TGroupMember {
  return {
    id: member.id,
    groupId: member.groupId,
    userId: member.userId,
    personName: nameOf(people, member.userId) ?? '',
    organizationId: member.organizationId,
    organizationName: member.organizationName,
    role: member.role,
    fromOn: member.fromOn,
    toOn: member.toOn,
    isCurrent: isCurrentMember(member, today),
    substituteUserId: member.substituteUserId,
    substituteName: nameOf(people, member.substituteUserId),
    version: member.version,
  };
}

export function toMeetingSummary(meeting: MeetingRow, municipalityNames: Map<string, string>): TMeetingSummary {
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    groupName: meeting.groupName,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    startsLocal: instantToRomeLocal(new Date(meeting.startsAt)),
    endsLocal: instantToRomeLocal(new Date(meeting.endsAt)),
    municipalityCode: meeting.municipalityCode,
    municipalityName: meeting.municipalityCode ? (municipalityNames.get(meeting.municipalityCode) ?? null) : null,
    address: meeting.address,
    onlineUrl: meeting.onlineUrl,
    status: meeting.status,
    minutesStatus: meeting.minutesStatus,
    version: meeting.version,
  };
}

export function toDecision(decision: DecisionRow): TDecision {
  return { ...decision, reference: decisionReference(decision.year, decision.number) };
}

export function toAction(action: ActionRow, people: People, today: string, canUpdate: boolean): TAction {
  return {
    id: action.id,
    groupId: action.groupId,
    groupName: action.groupName,
    meetingId: action.meetingId,
    meetingTitle: action.meetingTitle,
    decisionId: action.decisionId,
    decisionReference: action.decisionYear !== null && action.decisionNumber !== null ? decisionReference(action.decisionYear, action.decisionNumber) : null,
    title: action.title,
    description: action.description,
    ownerUserId: action.ownerUserId,
    ownerName: nameOf(people, action.ownerUserId) ?? '',
    ownerOrganizationId: action.ownerOrganizationId,
    ownerOrganizationName: action.ownerOrganizationName,
    dueOn: action.dueOn,
    status: action.status,
    isOverdue: isActionOverdue(action, today),
    canUpdate,
    version: action.version,
  };
}

/** Overdue first, then by due date. */
export function overdueFirst(actions: TAction[]): TAction[] {
  return [...actions].sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
}

export function toMinutesVersion(version: MinutesVersionRow, people: People): TMinutesVersion {
  return {
    number: version.number,
    status: version.status,
    body: version.body,
    reason: version.reason,
    authorName: nameOf(people, version.authorUserId) ?? '',
    publishedAt: version.publishedAt,
    publishedByName: nameOf(people, version.publishedBy),
    updatedAt: version.updatedAt,
  };
}

/**
 * The attendance of a meeting: one line per member expected at it (a member on the meeting's day, or anyone with an
 * entry recorded), with the share of organizations present and the quorum.
 */
export function toAttendance(
  meeting: MeetingRow,
  members: MemberRow[],
  recorded: Map<string, { status: AttendanceStatus; substitutedByUserId: string | null }>,
  people: People,
  quorumPercent: number | null,
): TAttendance {
  const day = instantToRomeLocal(new Date(meeting.startsAt)).slice(0, 10);
  const expected = members.filter((member) => recorded.has(member.id) || isCurrentMember(member, day));
  const entries = expected.map((member) => {
    const entry = recorded.get(member.id) ?? null;
    return {
      memberId: member.id,
      userId: member.userId,
      personName: nameOf(people, member.userId) ?? '',
      organizationId: member.organizationId,
      organizationName: member.organizationName,
      role: member.role,
      status: entry?.status ?? null,
      substitutedByUserId: entry?.substitutedByUserId ?? null,
      substitutedByName: nameOf(people, entry?.substitutedByUserId ?? null),
    };
  });
  const summary = summarizeAttendance(entries, quorumPercent);
  return { meetingId: meeting.id, entries, ...summary, quorumPercent };
}

/** Every person a set of rows names, for one lookup of names. */
export function peopleNamedIn(rows: { members?: MemberRow[]; actions?: ActionRow[]; versions?: MinutesVersionRow[]; extra?: (string | null)[] }): string[] {
  const ids: (string | null)[] = [...(rows.extra ?? [])];
  for (const member of rows.members ?? []) ids.push(member.userId, member.substituteUserId);
  for (const action of rows.actions ?? []) ids.push(action.ownerUserId);
  for (const version of rows.versions ?? []) ids.push(version.authorUserId, version.publishedBy);
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
