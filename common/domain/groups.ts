/**
 * Working groups (issue 15): the pure rules of groups, meetings, attendance, minutes, decisions and actions. The
 * server applies them in its use cases; the pages use the same functions to show what is allowed.
 */

export const GROUP_STATUSES = ['forming', 'active', 'closed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** open: an administrator of any member organization of the district may join naming a representative. */
export const GROUP_ACCESS_MODES = ['open', 'invitation'] as const;
export type GroupAccessMode = (typeof GROUP_ACCESS_MODES)[number];

export const MEMBER_ROLES = ['chair', 'secretary', 'member', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'excused', 'substituted'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const MINUTES_STATUSES = ['draft', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The time zone every meeting time is entered and shown in. */
export const GROUPS_TIME_ZONE = 'Europe/Rome';

/** After the first notice, an overdue action is reminded every this many days while it stays overdue. */
export const OVERDUE_REMINDER_EVERY_DAYS = 7;

/** Allowed status changes of a group: forming → active → closed; forming → closed (never formed). */
const GROUP_TRANSITIONS: Record<GroupStatus, readonly GroupStatus[]> = {
  forming: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

export function canChangeGroupStatus(from: GroupStatus, to: GroupStatus): boolean {
  return GROUP_TRANSITIONS[from].includes(to);
}

export function nextGroupStatuses(from: GroupStatus): readonly GroupStatus[] {
  return GROUP_TRANSITIONS[from];
}

// ── Time: meetings are entered and shown in Europe/Rome, stored as instants ───────────────────────────────────────

const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: GROUPS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function romeWallClock(instant: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(romeParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute), s: Number(parts.second) };
}

/** Minutes Europe/Rome is ahead of UTC at this instant (60 in winter, 120 in summer). */
function romeOffsetMinutes(instant: Date): number {
  const w = romeWallClock(instant);
  return Math.round((Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a Europe/Rome wall-clock date and time ('2026-12-14', '17:30'). A time the clock changes skip or
 * repeat (02:00–03:00 on those two nights) resolves to one of its neighbouring instants.
 */
export function romeLocalToInstant(date: string, time: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const first = asUtc - romeOffsetMinutes(new Date(asUtc)) * 60_000;
  const second = asUtc - romeOffsetMinutes(new Date(first)) * 60_000;
  return new Date(Math.min(first, second));
}

/** The Europe/Rome wall clock of an instant, 'YYYY-MM-DDTHH:MM'. */
export function instantToRomeLocal(instant: Date): string {
  const w = romeWallClock(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

export interface MeetingTimeInput {
  date: string;
  startTime: string;
  endDate?: string | undefined;
  endTime: string;
}

export type FieldProblem = { field: string; message: string } | null;

/**
 * The meeting's start and end instants, or the field at fault: the end must come after the start, and a meeting
 * being scheduled (not recorded as held) must not start in the past.
 */
export function checkMeetingTimes(input: MeetingTimeInput, now: Date, options: { scheduling: boolean }): { startsAt: Date; endsAt: Date } | FieldProblem {
  const startsAt = romeLocalToInstant(input.date, input.startTime);
  const endsAt = romeLocalToInstant(input.endDate ?? input.date, input.endTime);
  if (endsAt.getTime() <= startsAt.getTime()) {
    return { field: input.endDate && input.endDate !== input.date ? 'endDate' : 'endTime', message: 'the meeting must end after it starts' };
  }
  if (options.scheduling && startsAt.getTime() < now.getTime()) {
    return { field: 'date', message: 'a scheduled meeting cannot start in the past' };
  }
  return { startsAt, endsAt };
}

// ── Membership ───────────────────────────────────────────────────────────────

/** A member on a day: from `fromOn` (included) to `toOn` (included) when set. */
export function isCurrentMember(member: { fromOn: string; toOn: string | null }, today: string): boolean {
  return member.fromOn <= today && (member.toOn === null || member.toOn >= today);
}

/** Who may write the minutes of a meeting, record attendance, decisions and actions: the chair and the secretary. */
export function isGroupWriterRole(role: MemberRole): boolean {
  return role === 'chair' || role === 'secretary';
}

// ── Attendance and quorum ────────────────────────────────────────────────────

export interface AttendanceLine {
  organizationId: string;
  role: MemberRole;
  status: AttendanceStatus | null;
}

export interface AttendanceSummary {
  organizationsRepresented: number;
  memberOrganizations: number;
  presentPercent: number | null;
  quorumReached: boolean | null;
  recorded: boolean;
}

/**
 * Organizations represented at a meeting (someone present, or substituted by someone else of theirs) over the member
 * organizations expected (observers do not count towards the quorum). The quorum is reached when the share reaches
 * the group's percentage; null when the group sets none or nothing was recorded.
 */
export function summarizeAttendance(lines: AttendanceLine[], quorumPercent: number | null): AttendanceSummary {
  const voting = lines.filter((line) => line.role !== 'observer');
  const organizations = new Set(voting.map((line) => line.organizationId));
  const represented = new Set(voting.filter((line) => line.status === 'present' || line.status === 'substituted').map((line) => line.organizationId));
  const recorded = lines.some((line) => line.status !== null);
  const presentPercent = organizations.size === 0 ? null : Math.floor((represented.size * 100) / organizations.size);
  const quorumReached = quorumPercent === null || !recorded || presentPercent === null ? null : represented.size * 100 >= quorumPercent * organizations.size;
  return { organizationsRepresented: represented.size, memberOrganizations: organizations.size, presentPercent, quorumReached, recorded };
}

// ── Decisions ────────────────────────────────────────────────────────────────

/** "2027/3": the number of a decision within its group and the year of its meeting. */
export function decisionReference(year: number, number: number): string {
  return `${year}/${number}`;
}

/**
 * A decision is recorded with the minutes of a meeting that was held: while the minutes are a draft it is recorded
 * (not yet official), once they are published it is official. A meeting not held, or with no minutes yet, takes none.
 */
export function canRecordDecision(meeting: { status: MeetingStatus; minutesStatus: MinutesStatus | null }): boolean {
  return meeting.status === 'held' && meeting.minutesStatus !== null;
}

// ── Actions ──────────────────────────────────────────────────────────────────

/** Not done nor cancelled, and its due date is before today (Italy). */
export function isActionOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return (action.status === 'open' || action.status === 'in_progress') && action.dueOn < today;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whether today's overdue run mails the owner and the chair about this action: on the first day it is found overdue
 * (for its current due date), then every OVERDUE_REMINDER_EVERY_DAYS days while it stays overdue — never twice a day,
 * never daily forever. A new due date starts over.
 */
export function isOverdueNoticeDue(
  action: { status: ActionStatus; dueOn: string; noticedOn: string | null; noticedDueOn: string | null },
  today: string,
): boolean {
  if (!isActionOverdue(action, today)) return false;
  if (action.noticedOn === null || action.noticedDueOn !== action.dueOn) return true;
  return daysBetween(action.noticedOn, today) >= OVERDUE_REMINDER_EVERY_DAYS;
}
