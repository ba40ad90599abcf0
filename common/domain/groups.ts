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
