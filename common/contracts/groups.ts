import { z } from 'zod';
import { zInt, zQueryInt } from './integers';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain/limits';
import {
  ACTION_STATUSES,
  ATTENDANCE_STATUSES,
  GROUP_ACCESS_MODES,
  GROUP_STATUSES,
  MEETING_STATUSES,
  MEMBER_ROLES,
  MINUTES_STATUSES,
} from '../domain/groups';

/**
 * Working groups (issue 15, module `groups`, ADR 0031). Every route answers 401 to an anonymous caller (except the
 * secret calendar feed) and 403 / 404 to a signed-in person who may not see or do it; bad input is 400/422 naming the
 * field (`error.field`), a conflict 409 naming it.
 *
 * "Viewer" below means: a platform administrator, a coordinator of the group's district, a current member of the group,
 * or — for an OPEN group only — any person holding a role in a member organization of the district. A by-invitation
 * group is seen in the list by the district's people (name, theme, status) but its page, meetings, minutes, attendance,
 * documents and feed only by its members, the coordinators and administrators.
 * "Manager" means: platform administrator, coordinator of the group's district, or the group's chair.
 * "Writer" (of meetings, attendance, minutes, decisions, actions) means: a manager or the group's secretary.
 *
 *   GET    /api/groups?districtId&status&categoryCode&q&mine   signed-in people of the district     → ZGroupPage
 *   POST   /api/groups                                          coordinator of districtId / admin    → ZGroupDetail (201)
 *   GET    /api/groups/:groupId                                 viewer                               → ZGroupDetail
 *   PATCH  /api/groups/:groupId                                 manager                              → ZGroupDetail
 *   POST   /api/groups/:groupId/status                          coordinator / admin                  → ZGroupDetail
 *   GET    /api/groups/:groupId/candidates                      manager (or org admin, open group)   → ZGroupCandidates
 *   POST   /api/groups/:groupId/members                         manager                              → ZGroupMember (201)
 *   POST   /api/groups/:groupId/join                            admin of a district member org, open group → ZGroupMember (201)
 *   PATCH  /api/groups/:groupId/members/:memberId               manager                              → ZGroupMember
 *   GET    /api/groups/:groupId/meetings                        viewer                               → ZMeetingList
 *   POST   /api/groups/:groupId/meetings                        writer                               → ZMeetingDetail (201)
 *   GET    /api/groups/:groupId/actions?status&overdue          viewer                               → ZActionList
 *   POST   /api/groups/:groupId/feed-token                      current member / coordinator / admin → ZFeedToken (201; a new token revokes the old)
 *   DELETE /api/groups/:groupId/feed-token                      the token's holder                   → 204
 *   GET    /api/calendar/groups/:token/feed.ics                 anyone with the token (no sign-in)   → text/calendar (404 once revoked)
 *   GET    /api/meetings/:meetingId                             viewer of its group                  → ZMeetingDetail
 *   PATCH  /api/meetings/:meetingId                             writer (scheduled meetings)          → ZMeetingDetail (SEQUENCE+1, members re-mailed)
 *   POST   /api/meetings/:meetingId/status                      writer                               → ZMeetingDetail (held / cancelled)
 *   POST   /api/meetings/:meetingId/invitations                 writer                               → ZInvitationsSent (mails every current member)
 *   GET    /api/meetings/:meetingId/calendar.ics                viewer of its group                  → text/calendar
 *   PUT    /api/meetings/:meetingId/attendance                  writer (held, or scheduled and started) → ZAttendance
 *   GET    /api/meetings/:meetingId/minutes                     viewer (drafts: members + managers)  → ZMinutes
 *   PUT    /api/meetings/:meetingId/minutes                     writer (while draft; 409 once published) → ZMinutes
 *   POST   /api/meetings/:meetingId/minutes/publish             secretary or manager                 → ZMinutes
 *   POST   /api/meetings/:meetingId/minutes/corrections         secretary or manager (after publication) → ZMinutes (new published version)
 *   GET    /api/meetings/:meetingId/minutes/diff?from&to        viewer                               → ZMinutesDiff
 *   POST   /api/meetings/:meetingId/decisions                   writer (meeting held, minutes exist) → ZDecision (201)
 *   POST   /api/meetings/:meetingId/actions                     writer                               → ZAction (201)
 *   PATCH  /api/actions/:actionId                               writer, or the owner (status only)   → ZAction
 *   GET    /api/my-groups                                       signed-in                            → ZMyGroups
 *   Documents: the platform file store, owner `groups.meeting`, record id = meetingId:
 *     GET/POST /api/files/groups.meeting/:meetingId (read: viewer; attach: writer), GET/DELETE /api/files/:id.
 *
 * Dates: `…On` are calendar dates (YYYY-MM-DD); `…At` are instants (ISO 8601 UTC). A meeting's time is entered as a
 * local Europe/Rome date and times (`date`, `startTime`, `endTime`, optional `endDate`), and returned both as instants
 * and as local `startsLocal`/`endsLocal` (YYYY-MM-DDTHH:MM) so the page writes "lunedì 14 dicembre 2026, 17:30".
 */

const ZIstatCode = z.string().regex(/^\d{6}$/, 'an ISTAT code has 6 digits');
const ZCategoryCode = z.string().min(2).max(80);
const ZLocalDate = z.iso.date();
const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');
const ZHttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'an online link starts with http:// or https://');

// ── Groups ───────────────────────────────────────────────────────────────────

export const ZGroupListQuery = z.strictObject({
  districtId: z.uuid(),
  status: z.enum(GROUP_STATUSES).optional(),
  categoryCode: ZCategoryCode.optional(),
  /** Words in the name or theme. */
  q: z.string().trim().max(200).optional(),
  /** 'true': only the groups the signed-in person is a current member of. */
  mine: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(500).optional(),
  limit: zQueryInt().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});
export type TGroupListQuery = z.input<typeof ZGroupListQuery>;

export const ZGroupCategory = z.object({ code: z.string(), label: z.string().nullable() });

export const ZGroupSummary = z.object({
  id: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  name: z.string(),
  theme: z.string(),
  categories: z.array(ZGroupCategory),
  status: z.enum(GROUP_STATUSES),
  accessMode: z.enum(GROUP_ACCESS_MODES),
  /** Current members (people). */
  memberCount: zInt(),
  /** Distinct organizations represented by current members. */
  organizationCount: zInt(),
  /** The signed-in person is a current member. */
  isMember: z.boolean(),
  /** The signed-in person may open the group page. */
  canView: z.boolean(),
  nextMeetingStartsAt: z.string().nullable(),
  isDemo: z.boolean(),
});
export type TGroupSummary = z.infer<typeof ZGroupSummary>;

export const ZGroupPage = z.object({
  items: z.array(ZGroupSummary),
  nextCursor: z.string().nullable(),
  total: zInt(),
  /** The signed-in person may create groups in this district (coordinator or admin). */
  canCreate: z.boolean(),
});
export type TGroupPage = z.infer<typeof ZGroupPage>;

/** Quorum: the share (1–100 %) of member organizations that must be present; null: the group sets none. */
const ZQuorumPercent = zInt().min(1).max(100).nullable();

export const ZGroupCreate = z.strictObject({
  districtId: z.uuid(),
  name: z.string().trim().min(3).max(200),
  theme: z.string().trim().max(2000).default(''),
  categoryCodes: z.array(ZCategoryCode).max(20).default([]),
  /** Markdown. */
  mandate: z.string().max(20_000).default(''),
  accessMode: z.enum(GROUP_ACCESS_MODES).default('invitation'),
  quorumPercent: ZQuorumPercent.default(null),
  isDemo: z.boolean().default(false),
});
export type TGroupCreate = z.input<typeof ZGroupCreate>;

export const ZGroupUpdate = z.strictObject({
  version: zInt(),
  name: z.string().trim().min(3).max(200).optional(),
  theme: z.string().trim().max(2000).optional(),
  categoryCodes: z.array(ZCategoryCode).max(20).optional(),
  mandate: z.string().max(20_000).optional(),
  accessMode: z.enum(GROUP_ACCESS_MODES).optional(),
  quorumPercent: ZQuorumPercent.optional(),
});
export type TGroupUpdate = z.input<typeof ZGroupUpdate>;

export const ZGroupStatusChange = z.strictObject({ version: zInt(), status: z.enum(GROUP_STATUSES) });
export type TGroupStatusChange = z.input<typeof ZGroupStatusChange>;

// ── Members ──────────────────────────────────────────────────────────────────

export const ZGroupMember = z.object({
  id: z.string(),
  groupId: z.string(),
  userId: z.string(),
  personName: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  role: z.enum(MEMBER_ROLES),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  /** Member today (fromOn ≤ today and no toOn or toOn ≥ today). */
  isCurrent: z.boolean(),
  /** The person the organization names to go in the representative's place. */
  substituteUserId: z.string().nullable(),
  substituteName: z.string().nullable(),
  version: zInt(),
});
export type TGroupMember = z.infer<typeof ZGroupMember>;

export const ZMemberAdd = z.strictObject({
  userId: z.uuid(),
  /** An organization where the person holds a role (member or administrator). */
  organizationId: z.uuid(),
  role: z.enum(MEMBER_ROLES).default('member'),
  fromOn: ZLocalDate.optional(),
  toOn: ZLocalDate.nullable().default(null),
  substituteUserId: z.uuid().nullable().default(null),
});
export type TMemberAdd = z.input<typeof ZMemberAdd>;

/** Joining an open group: the organization's administrator names its representative (possibly themself). */
export const ZGroupJoin = z.strictObject({
  organizationId: z.uuid(),
  userId: z.uuid(),
  substituteUserId: z.uuid().nullable().default(null),
});
export type TGroupJoin = z.input<typeof ZGroupJoin>;

export const ZMemberUpdate = z.strictObject({
  version: zInt(),
  role: z.enum(MEMBER_ROLES).optional(),
  fromOn: ZLocalDate.optional(),
  /** Ending a membership: set the last day. */
  toOn: ZLocalDate.nullable().optional(),
  substituteUserId: z.uuid().nullable().optional(),
});
export type TMemberUpdate = z.input<typeof ZMemberUpdate>;

/** People who can be named as representatives: the district's member organizations and the people holding a role there. */
export const ZGroupCandidates = z.object({
  organizations: z.array(
    z.object({
      organizationId: z.string(),
      organizationName: z.string(),
      people: z.array(z.object({ userId: z.string(), name: z.string(), alreadyMember: z.boolean() })),
    }),
  ),
});
export type TGroupCandidates = z.infer<typeof ZGroupCandidates>;

// ── Meetings ─────────────────────────────────────────────────────────────────

export const ZAgendaItem = z.object({ position: zInt(), title: z.string(), notes: z.string() });
export const ZAgendaItemInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  notes: z.string().max(5000).default(''),
});

const meetingFields = {
  title: z.string().trim().min(3).max(200),
  /** Local Europe/Rome date and times. */
  date: ZLocalDate,
  startTime: ZLocalTime,
  /** Defaults to `date`. */
  endDate: ZLocalDate.optional(),
  endTime: ZLocalTime,
  /** In person: the municipality and address; online: the link. At least one of the two. */
  municipalityCode: ZIstatCode.nullable().default(null),
  address: z.string().trim().max(300).default(''),
  onlineUrl: ZHttpUrl.nullable().default(null),
  /** In order. */
  agenda: z.array(ZAgendaItemInput).max(50).default([]),
};

export const ZMeetingCreate = z.strictObject({
  ...meetingFields,
  /** Mail the invitation (with the .ics) to every current member now. */
  sendInvitations: z.boolean().default(true),
});
export type TMeetingCreate = z.input<typeof ZMeetingCreate>;

/** A full replacement of the schedule fields; SEQUENCE is bumped and members re-mailed when time or place change. */
export const ZMeetingUpdate = z.strictObject({ version: zInt(), ...meetingFields, notifyMembers: z.boolean().default(true) });
export type TMeetingUpdate = z.input<typeof ZMeetingUpdate>;

export const ZMeetingStatusChange = z.strictObject({
  version: zInt(),
  status: z.enum(['held', 'cancelled']),
  /** Cancellation: members are mailed a cancelled calendar event. */
  notifyMembers: z.boolean().default(true),
});
export type TMeetingStatusChange = z.input<typeof ZMeetingStatusChange>;

export const ZMeetingSummary = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Local Europe/Rome, YYYY-MM-DDTHH:MM. */
  startsLocal: z.string(),
  endsLocal: z.string(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  address: z.string(),
  onlineUrl: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  minutesStatus: z.enum(MINUTES_STATUSES).nullable(),
  version: zInt(),
});
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;

export const ZMeetingList = z.object({ items: z.array(ZMeetingSummary) });
export type TMeetingList = z.infer<typeof ZMeetingList>;

export const ZAttendanceEntry = z.object({
  memberId: z.string(),
  userId: z.string(),
  personName: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  role: z.enum(MEMBER_ROLES),
  /** null: not recorded yet. */
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  substitutedByUserId: z.string().nullable(),
  substitutedByName: z.string().nullable(),
});

export const ZAttendance = z.object({
  meetingId: z.string(),
  entries: z.array(ZAttendanceEntry),
  /** Organizations with at least one person present or substituted. */
  organizationsRepresented: zInt(),
  /** Distinct organizations of the members expected at the meeting (observers excluded). */
  memberOrganizations: zInt(),
  /** organizationsRepresented / memberOrganizations, 0–100, rounded down; null without member organizations. */
  presentPercent: zInt().nullable(),
  quorumPercent: zInt().nullable(),
  /** null: the group sets no quorum (or nothing recorded). */
  quorumReached: z.boolean().nullable(),
  recorded: z.boolean(),
});
export type TAttendance = z.infer<typeof ZAttendance>;

export const ZAttendanceSave = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        memberId: z.uuid(),
        status: z.enum(ATTENDANCE_STATUSES),
        /** Required with `substituted`: who came in the member's place. */
        substitutedByUserId: z.uuid().nullable().default(null),
      }),
    )
    .min(1)
    .max(500),
});
export type TAttendanceSave = z.input<typeof ZAttendanceSave>;

export const ZDecision = z.object({
  id: z.string(),
  groupId: z.string(),
  meetingId: z.string(),
  year: zInt(),
  number: zInt(),
  /** "2026/3". */
  reference: z.string(),
  title: z.string(),
  /** Markdown. */
  text: z.string(),
  /** Official once the meeting's minutes are published. */
  isOfficial: z.boolean(),
  createdAt: z.string(),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZDecisionCreate = z.strictObject({
  title: z.string().trim().min(3).max(300),
  text: z.string().max(20_000).default(''),
});
export type TDecisionCreate = z.input<typeof ZDecisionCreate>;

export const ZAction = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  decisionId: z.string().nullable(),
  decisionReference: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  ownerUserId: z.string(),
  ownerName: z.string(),
  ownerOrganizationId: z.string(),
  ownerOrganizationName: z.string(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  /** Not done or cancelled, and past its due date (Europe/Rome). */
  isOverdue: z.boolean(),
  /** The signed-in person may change its status. */
  canUpdate: z.boolean(),
  version: zInt(),
});
export type TAction = z.infer<typeof ZAction>;

export const ZActionList = z.object({ items: z.array(ZAction) });
export type TActionList = z.infer<typeof ZActionList>;

export const ZActionListQuery = z.strictObject({
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const ZActionCreate = z.strictObject({
  title: z.string().trim().min(3).max(300),
  description: z.string().max(5000).default(''),
  /** A current member of the group or a person of a member organization. */
  ownerUserId: z.uuid(),
  ownerOrganizationId: z.uuid(),
  dueOn: ZLocalDate,
  decisionId: z.uuid().nullable().default(null),
});
export type TActionCreate = z.input<typeof ZActionCreate>;

export const ZActionUpdate = z.strictObject({
  version: zInt(),
  status: z.enum(ACTION_STATUSES).optional(),
  /** Writers only. */
  title: z.string().trim().min(3).max(300).optional(),
  description: z.string().max(5000).optional(),
  dueOn: ZLocalDate.optional(),
  ownerUserId: z.uuid().optional(),
  ownerOrganizationId: z.uuid().optional(),
});
export type TActionUpdate = z.input<typeof ZActionUpdate>;

// ── Minutes ──────────────────────────────────────────────────────────────────

export const ZMinutesVersion = z.object({
  number: zInt(),
  status: z.enum(MINUTES_STATUSES),
  /** Markdown source; the page renders it with common/domain/markdown.ts. */
  body: z.string(),
  /** Why this version corrects the previous one (null for the first). */
  reason: z.string().nullable(),
  authorName: z.string(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type TMinutesVersion = z.infer<typeof ZMinutesVersion>;

export const ZMinutes = z.object({
  meetingId: z.string(),
  /** null: nobody wrote minutes yet. */
  status: z.enum(MINUTES_STATUSES).nullable(),
  /** Newest first. A viewer who may not read drafts sees only published versions. */
  versions: z.array(ZMinutesVersion),
  /** The draft's version for optimistic locking of PUT (0 when none yet). */
  version: zInt(),
  canEdit: z.boolean(),
  canPublish: z.boolean(),
  /** The viewer may record a correction (a new version): a writer, once the minutes are published. */
  canCorrect: z.boolean(),
  decisions: z.array(ZDecision),
});
export type TMinutes = z.infer<typeof ZMinutes>;

export const ZMinutesSave = z.strictObject({
  /** 0 to create the draft; then the `version` last read. */
  version: zInt(),
  body: z.string().max(100_000),
});
export type TMinutesSave = z.input<typeof ZMinutesSave>;

export const ZMinutesPublish = z.strictObject({ version: zInt() });
export type TMinutesPublish = z.input<typeof ZMinutesPublish>;

export const ZMinutesCorrection = z.strictObject({
  body: z.string().max(100_000),
  reason: z.string().trim().min(3).max(1000),
});
export type TMinutesCorrection = z.input<typeof ZMinutesCorrection>;

export const ZMinutesDiffQuery = z.strictObject({ from: zQueryInt().min(1), to: zQueryInt().min(1) });

/** Line changes from version `from` to `to` (jsdiff's diffLines): unchanged, added or removed runs of text. */
export const ZMinutesDiff = z.object({
  from: zInt(),
  to: zInt(),
  reason: z.string().nullable(),
  parts: z.array(z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() })),
});
export type TMinutesDiff = z.infer<typeof ZMinutesDiff>;

// ── Meeting page, group page ─────────────────────────────────────────────────

export const ZMeetingDetail = ZMeetingSummary.extend({
  agenda: z.array(ZAgendaItem),
  /** Calendar SEQUENCE: bumped on every change of time, place or status. */
  sequence: zInt(),
  invitationsSentAt: z.string().nullable(),
  attendance: ZAttendance,
  decisions: z.array(ZDecision),
  actions: z.array(ZAction),
  /** What the signed-in person may do here. */
  can: z.object({
    edit: z.boolean(),
    recordAttendance: z.boolean(),
    writeMinutes: z.boolean(),
    publishMinutes: z.boolean(),
    addDecision: z.boolean(),
    addAction: z.boolean(),
    attachDocuments: z.boolean(),
  }),
});
export type TMeetingDetail = z.infer<typeof ZMeetingDetail>;

export const ZGroupDetail = ZGroupSummary.extend({
  /** Markdown. */
  mandate: z.string(),
  quorumPercent: zInt().nullable(),
  members: z.array(ZGroupMember),
  nextMeeting: ZMeetingSummary.nullable(),
  /** The latest published minutes (newest version) and its meeting. */
  lastMinutes: z
    .object({ meeting: ZMeetingSummary, version: ZMinutesVersion })
    .nullable(),
  /** Open and in-progress actions; overdue first. */
  openActions: z.array(ZAction),
  /** The signed-in person's own current membership, if any. */
  myMembership: ZGroupMember.nullable(),
  can: z.object({
    edit: z.boolean(),
    changeStatus: z.boolean(),
    manageMembers: z.boolean(),
    join: z.boolean(),
    scheduleMeetings: z.boolean(),
    subscribeFeed: z.boolean(),
  }),
  /** Allowed next statuses for whoever may change them. */
  nextStatuses: z.array(z.enum(GROUP_STATUSES)),
  version: zInt(),
  createdAt: z.string(),
});
export type TGroupDetail = z.infer<typeof ZGroupDetail>;

export const ZInvitationsSent = z.object({ mailed: zInt() });
export type TInvitationsSent = z.infer<typeof ZInvitationsSent>;

export const ZFeedToken = z.object({
  /** The calendar URL path to subscribe to: /api/calendar/groups/<token>/feed.ics (shown once; a new one revokes it). */
  path: z.string(),
  createdAt: z.string(),
});
export type TFeedToken = z.infer<typeof ZFeedToken>;

// ── The signed-in person ─────────────────────────────────────────────────────

export const ZMyGroups = z.object({
  groups: z.array(ZGroupSummary.extend({ myRole: z.enum(MEMBER_ROLES) })),
  /** Actions the person owns, not done or cancelled; overdue first, then by due date. */
  actions: z.array(ZAction),
  /** Scheduled meetings of their groups from now on, soonest first (at most 10). */
  nextMeetings: z.array(ZMeetingSummary),
});
export type TMyGroups = z.infer<typeof ZMyGroups>;

/** What the home (GET /api/home, field `groups`) shows of the person's working groups. */
export const ZHomeGroups = z.object({
  /** The groups the person is a current member of. */
  groupCount: zInt(),
  openActions: zInt(),
  overdueActions: zInt(),
  nextMeeting: ZMeetingSummary.nullable(),
});
export type THomeGroups = z.infer<typeof ZHomeGroups>;

// ── Route params ─────────────────────────────────────────────────────────────

export const ZGroupIdParams = z.strictObject({ groupId: z.uuid() });
export const ZGroupMemberParams = z.strictObject({ groupId: z.uuid(), memberId: z.uuid() });
export const ZMeetingIdParams = z.strictObject({ meetingId: z.uuid() });
export const ZActionIdParams = z.strictObject({ actionId: z.uuid() });
export const ZFeedTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** The file store owner of a meeting's documents. */
export const GROUPS_MEETING_FILE_OWNER = 'groups.meeting';

/**
 * The web pages the server's mails and calendars link to, and the web module registers: one definition, so a link in a
 * mail always opens a page (Italian addresses, like the rest of the interface).
 */
export const GROUPS_WEB_PATHS = {
  mine: '/tavoli',
  group: (groupId: string) => `/tavoli/${encodeURIComponent(groupId)}`,
  meeting: (meetingId: string) => `/riunioni/${encodeURIComponent(meetingId)}`,
} as const;
