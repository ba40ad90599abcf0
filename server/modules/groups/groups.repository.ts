import { sql, type SQL } from 'drizzle-orm';
import type { ActionStatus, AttendanceStatus, GroupAccessMode, GroupStatus, MeetingStatus, MemberRole, MinutesStatus } from '../../../common/domain/groups';
import type { DbExecutor } from '../../platform/db/database';

/** Raw timestamps arrive as Date or ISO text depending on the driver path: always hand out ISO UTC. */
export const iso = (value: unknown): string => new Date(value as string).toISOString();
const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));

// ── Groups ───────────────────────────────────────────────────────────────────

export interface GroupRow {
  id: string;
  districtId: string;
  districtName: string;
  name: string;
  theme: string;
  categoryCodes: string[];
  mandate: string;
  status: GroupStatus;
  accessMode: GroupAccessMode;
  quorumPercent: number | null;
  isDemo: boolean;
  version: number;
  createdAt: string;
}

const groupColumns = sql`g.id, g.district_id, d.name as district_name, g.name, g.theme, g.category_codes, g.mandate, g.status, g.access_mode,
  g.quorum_percent, g.is_demo, g.version, g.created_at`;

function toGroupRow(row: Record<string, unknown>): GroupRow {
  return {
    id: row.id as string,
    districtId: row.district_id as string,
    districtName: row.district_name as string,
    name: row.name as string,
    theme: row.theme as string,
    categoryCodes: (row.category_codes as string[]) ?? [],
    mandate: row.mandate as string,
    status: row.status as GroupStatus,
    accessMode: row.access_mode as GroupAccessMode,
    quorumPercent: (row.quorum_percent as number | null) ?? null,
    isDemo: row.is_demo as boolean,
    version: row.version as number,
    createdAt: iso(row.created_at),
  };
}

export async function selectGroup(db: DbExecutor, groupId: string, options: { forUpdate?: boolean } = {}): Promise<GroupRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${groupColumns} from working_groups g join district_names d on d.id = g.district_id
    where g.id = ${groupId}::uuid ${options.forUpdate ? sql`for update of g` : sql``}`);
  return result.rows[0] ? toGroupRow(result.rows[0]) : null;
}

/**
 * A membership `m` current on the day (a Rome date: the rule of isCurrentMember in common/domain/groups.ts, so SQL
 * counts and the pages' flags agree also around midnight, when the database's own date may still be yesterday).
 */
const memberCurrentOn = (today: string) => sql`m.from_on <= ${today}::date and (m.to_on is null or m.to_on >= ${today}::date)`;

/** These groups, in no particular order (a missing id is left out). */
export async function selectGroupsByIds(db: DbExecutor, groupIds: string[]): Promise<GroupRow[]> {
  if (groupIds.length === 0) return [];
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${groupColumns} from working_groups g join district_names d on d.id = g.district_id
    where g.id = any(${sql.param(groupIds)}::uuid[])`);
  return result.rows.map(toGroupRow);
}

export interface GroupListFilter {
  districtId: string;
  /** Rome's today, for `onlyOfUserId`'s current memberships. */
  today: string;
  status?: GroupStatus | undefined;
  categoryCode?: string | undefined;
  q?: string | undefined;
  onlyOfUserId?: string | null;
  after?: { name: string; id: string } | null;
  limit: number;
}

export async function selectGroups(db: DbExecutor, filter: GroupListFilter): Promise<{ rows: GroupRow[]; total: number }> {
  const conditions: SQL[] = [sql`g.district_id = ${filter.districtId}::uuid`];
  if (filter.status) conditions.push(sql`g.status = ${filter.status}`);
  if (filter.categoryCode) conditions.push(sql`${filter.categoryCode} = any(g.category_codes)`);
  if (filter.q) conditions.push(sql`(g.name ilike ${`%${filter.q}%`} or g.theme ilike ${`%${filter.q}%`})`);
  if (filter.onlyOfUserId) {
    conditions.push(sql`exists (select 1 from working_group_members m where m.group_id = g.id and m.user_id = ${filter.onlyOfUserId}::uuid
      and ${memberCurrentOn(filter.today)})`);
  }
  const where = sql.join(conditions, sql` and `);
  const page = filter.after ? sql` and (g.name, g.id) > (${filter.after.name}, ${filter.after.id}::uuid)` : sql``;
  const rows = await db.execute<Record<string, unknown>>(sql`
    select ${groupColumns} from working_groups g join district_names d on d.id = g.district_id
    where ${where}${page} order by g.name, g.id limit ${filter.limit}`);
  const total = await db.execute<{ n: number }>(sql`select count(*)::int as n from working_groups g where ${where}`);
  return { rows: rows.rows.map(toGroupRow), total: total.rows[0]!.n };
}

export interface GroupCounts {
  memberCount: number;
  organizationCount: number;
  nextMeetingStartsAt: string | null;
}

/** Members current on `today` (a Rome date), organizations they represent and the next scheduled meeting from `now`, per group. */
export async function selectGroupCounts(db: DbExecutor, groupIds: string[], now: Date, today: string): Promise<Map<string, GroupCounts>> {
  const map = new Map<string, GroupCounts>();
  if (groupIds.length === 0) return map;
  const result = await db.execute<{ id: string; members: number; organizations: number; next_starts_at: unknown }>(sql`
    select g.id, current_members.members, current_members.organizations,
      (select min(mt.starts_at) from group_meetings mt where mt.group_id = g.id and mt.status = 'scheduled' and mt.starts_at >= ${now.toISOString()}::timestamptz) as next_starts_at
    from working_groups g
    cross join lateral (
      select count(*)::int as members, count(distinct m.organization_id)::int as organizations
      from working_group_members m where m.group_id = g.id and ${memberCurrentOn(today)}) current_members
    where g.id = any(${sql.param(groupIds)}::uuid[])`);
  for (const row of result.rows) map.set(row.id, { memberCount: row.members, organizationCount: row.organizations, nextMeetingStartsAt: isoOrNull(row.next_starts_at) });
  return map;
}

export interface NewGroup {
  districtId: string;
  name: string;
  theme: string;
  categoryCodes: string[];
  mandate: string;
  accessMode: GroupAccessMode;
  quorumPercent: number | null;
  createdBy: string | null;
  isDemo: boolean;
}

export async function insertGroup(db: DbExecutor, group: NewGroup): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into working_groups (district_id, name, theme, category_codes, mandate, access_mode, quorum_percent, created_by, is_demo)
    values (${group.districtId}::uuid, ${group.name}, ${group.theme}, ${sql.param(group.categoryCodes)}::text[], ${group.mandate}, ${group.accessMode},
            ${group.quorumPercent}, ${group.createdBy}::uuid, ${group.isDemo})
    returning id`);
  return result.rows[0]!.id;
}

export async function updateGroup(
  db: DbExecutor,
  groupId: string,
  version: number,
  values: { name: string; theme: string; categoryCodes: string[]; mandate: string; accessMode: GroupAccessMode; quorumPercent: number | null; status: GroupStatus },
): Promise<boolean> {
  const result = await db.execute(sql`
    update working_groups set name = ${values.name}, theme = ${values.theme}, category_codes = ${sql.param(values.categoryCodes)}::text[],
      mandate = ${values.mandate}, access_mode = ${values.accessMode}, quorum_percent = ${values.quorumPercent}, status = ${values.status},
      version = version + 1, updated_at = now()
    where id = ${groupId}::uuid and version = ${version} returning id`);
  return result.rows.length === 1;
}

// ── Members ──────────────────────────────────────────────────────────────────

export interface MemberRow {
  id: string;
  groupId: string;
  userId: string;
  organizationId: string;
  organizationName: string;
  role: MemberRole;
  fromOn: string;
  toOn: string | null;
  substituteUserId: string | null;
  version: number;
}

const memberColumns = sql`m.id, m.group_id, m.user_id, m.organization_id, o.legal_name as organization_name, m.role, m.from_on::text as from_on,
  m.to_on::text as to_on, m.substitute_user_id, m.version`;

function toMemberRow(row: Record<string, unknown>): MemberRow {
  return {
    id: row.id as string,
    groupId: row.group_id as string,
    userId: row.user_id as string,
    organizationId: row.organization_id as string,
    organizationName: row.organization_name as string,
    role: row.role as MemberRole,
    fromOn: row.from_on as string,
    toOn: (row.to_on as string | null) ?? null,
    substituteUserId: (row.substitute_user_id as string | null) ?? null,
    version: row.version as number,
  };
}

export async function selectMembers(db: DbExecutor, groupId: string): Promise<MemberRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${memberColumns} from working_group_members m join organization_names o on o.id = m.organization_id
    where m.group_id = ${groupId}::uuid
    order by case m.role when 'chair' then 0 when 'secretary' then 1 when 'member' then 2 else 3 end, o.legal_name, m.from_on, m.id`);
  return result.rows.map(toMemberRow);
}

export async function selectMember(db: DbExecutor, groupId: string, memberId: string): Promise<MemberRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${memberColumns} from working_group_members m join organization_names o on o.id = m.organization_id
    where m.group_id = ${groupId}::uuid and m.id = ${memberId}::uuid`);
  return result.rows[0] ? toMemberRow(result.rows[0]) : null;
}

/** The person's memberships (any dates) of these groups. */
export async function selectMembershipsOfUser(db: DbExecutor, userId: string): Promise<MemberRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${memberColumns} from working_group_members m join organization_names o on o.id = m.organization_id
    where m.user_id = ${userId}::uuid`);
  return result.rows.map(toMemberRow);
}

/** Inserts a member; null when the person is already a member of the group (unique group + person). */
export async function insertMember(
  db: DbExecutor,
  member: { groupId: string; userId: string; organizationId: string; role: MemberRole; fromOn: string; toOn: string | null; substituteUserId: string | null },
): Promise<string | null> {
  const result = await db.execute<{ id: string }>(sql`
    insert into working_group_members (group_id, user_id, organization_id, role, from_on, to_on, substitute_user_id)
    values (${member.groupId}::uuid, ${member.userId}::uuid, ${member.organizationId}::uuid, ${member.role}, ${member.fromOn}::date, ${member.toOn}::date,
            ${member.substituteUserId}::uuid)
    on conflict (group_id, user_id) do nothing returning id`);
  return result.rows[0]?.id ?? null;
}

export async function updateMember(
  db: DbExecutor,
  memberId: string,
  version: number,
  values: { role: MemberRole; fromOn: string; toOn: string | null; substituteUserId: string | null },
): Promise<boolean> {
  const result = await db.execute(sql`
    update working_group_members set role = ${values.role}, from_on = ${values.fromOn}::date, to_on = ${values.toOn}::date,
      substitute_user_id = ${values.substituteUserId}::uuid, version = version + 1
    where id = ${memberId}::uuid and version = ${version} returning id`);
  return result.rows.length === 1;
}

// ── District: who belongs ────────────────────────────────────────────────────

/** The current member organizations of the district among `organizationIds` (all of them when omitted), by name. */
export async function selectDistrictMemberOrganizations(db: DbExecutor, districtId: string, organizationIds?: string[]): Promise<{ id: string; name: string }[]> {
  if (organizationIds && organizationIds.length === 0) return [];
  const only = organizationIds ? sql` and m.organization_id = any(${sql.param(organizationIds)}::uuid[])` : sql``;
  const result = await db.execute<{ id: string; name: string }>(sql`
    select distinct o.id, o.legal_name as name from current_district_memberships m join organization_names o on o.id = m.organization_id
    where m.district_id = ${districtId}::uuid${only} order by o.legal_name`);
  return result.rows;
}

export async function isDistrictMunicipality(db: DbExecutor, districtId: string, municipalityCode: string): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from district_area_municipalities where district_id = ${districtId}::uuid and municipality_code = ${municipalityCode}`);
  return result.rows.length > 0;
}

export async function selectMunicipalityNames(db: DbExecutor, codes: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const unique = [...new Set(codes)];
  if (unique.length === 0) return map;
  const result = await db.execute<{ istat_code: string; name: string }>(sql`
    select istat_code, name from municipalities where istat_code = any(${sql.param(unique)}::text[])`);
  for (const row of result.rows) map.set(row.istat_code, row.name);
  return map;
}

// ── Meetings ─────────────────────────────────────────────────────────────────

export interface MeetingRow {
  id: string;
  groupId: string;
  groupName: string;
  districtId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  municipalityCode: string | null;
  address: string;
  onlineUrl: string | null;
  agenda: { title: string; notes: string }[];
  status: MeetingStatus;
  sequence: number;
  invitationsSentAt: string | null;
  minutesStatus: MinutesStatus | null;
  isDemo: boolean;
  version: number;
}

const meetingColumns = sql`mt.id, mt.group_id, g.name as group_name, g.district_id, mt.title, mt.starts_at, mt.ends_at, mt.municipality_code, mt.address,
  mt.online_url, mt.agenda, mt.status, mt.sequence, mt.invitations_sent_at, mt.is_demo, mt.version,
  (select v.status from group_minutes_versions v where v.meeting_id = mt.id order by v.number desc limit 1) as minutes_status`;

function toMeetingRow(row: Record<string, unknown>): MeetingRow {
  const agenda = typeof row.agenda === 'string' ? JSON.parse(row.agenda) : row.agenda;
  return {
    id: row.id as string,
    groupId: row.group_id as string,
    groupName: row.group_name as string,
    districtId: row.district_id as string,
    title: row.title as string,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    municipalityCode: (row.municipality_code as string | null) ?? null,
    address: row.address as string,
    onlineUrl: (row.online_url as string | null) ?? null,
    agenda: (agenda as { title: string; notes: string }[]) ?? [],
    status: row.status as MeetingStatus,
    sequence: row.sequence as number,
    invitationsSentAt: isoOrNull(row.invitations_sent_at),
    minutesStatus: (row.minutes_status as MinutesStatus | null) ?? null,
    isDemo: row.is_demo as boolean,
    version: row.version as number,
  };
}

export async function selectMeeting(db: DbExecutor, meetingId: string, options: { forUpdate?: boolean } = {}): Promise<MeetingRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${meetingColumns} from group_meetings mt join working_groups g on g.id = mt.group_id
    where mt.id = ${meetingId}::uuid ${options.forUpdate ? sql`for update of mt` : sql``}`);
  return result.rows[0] ? toMeetingRow(result.rows[0]) : null;
}

export async function selectMeetingsOfGroups(db: DbExecutor, groupIds: string[], options: { scheduledFrom?: Date; limit?: number } = {}): Promise<MeetingRow[]> {
  if (groupIds.length === 0) return [];
  const from = options.scheduledFrom ? sql` and mt.status = 'scheduled' and mt.starts_at >= ${options.scheduledFrom.toISOString()}::timestamptz` : sql``;
  const order = options.scheduledFrom ? sql`mt.starts_at asc` : sql`mt.starts_at desc`;
  const limit = options.limit ? sql` limit ${options.limit}` : sql``;
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${meetingColumns} from group_meetings mt join working_groups g on g.id = mt.group_id
    where mt.group_id = any(${sql.param(groupIds)}::uuid[])${from} order by ${order}, mt.id${limit}`);
  return result.rows.map(toMeetingRow);
}

export interface MeetingValues {
  title: string;
  startsAt: Date;
  endsAt: Date;
  municipalityCode: string | null;
  address: string;
  onlineUrl: string | null;
  agenda: { title: string; notes: string }[];
}

export async function insertMeeting(db: DbExecutor, groupId: string, values: MeetingValues & { status: MeetingStatus; isDemo: boolean }): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into group_meetings (group_id, title, starts_at, ends_at, municipality_code, address, online_url, agenda, status, is_demo)
    values (${groupId}::uuid, ${values.title}, ${values.startsAt.toISOString()}::timestamptz, ${values.endsAt.toISOString()}::timestamptz,
            ${values.municipalityCode}, ${values.address}, ${values.onlineUrl}, ${JSON.stringify(values.agenda)}::jsonb, ${values.status}, ${values.isDemo})
    returning id`);
  return result.rows[0]!.id;
}

export async function updateMeeting(db: DbExecutor, meetingId: string, version: number, values: MeetingValues, bumpSequence: boolean): Promise<boolean> {
  const result = await db.execute(sql`
    update group_meetings set title = ${values.title}, starts_at = ${values.startsAt.toISOString()}::timestamptz,
      ends_at = ${values.endsAt.toISOString()}::timestamptz, municipality_code = ${values.municipalityCode}, address = ${values.address},
      online_url = ${values.onlineUrl}, agenda = ${JSON.stringify(values.agenda)}::jsonb,
      sequence = sequence + ${bumpSequence ? 1 : 0}, version = version + 1, updated_at = now()
    where id = ${meetingId}::uuid and version = ${version} returning id`);
  return result.rows.length === 1;
}

export async function updateMeetingStatus(db: DbExecutor, meetingId: string, version: number, status: MeetingStatus): Promise<boolean> {
  const result = await db.execute(sql`
    update group_meetings set status = ${status}, sequence = sequence + 1, version = version + 1, updated_at = now()
    where id = ${meetingId}::uuid and version = ${version} returning id`);
  return result.rows.length === 1;
}

export async function markInvitationsSent(db: DbExecutor, meetingId: string): Promise<void> {
  await db.execute(sql`update group_meetings set invitations_sent_at = now() where id = ${meetingId}::uuid`);
}

// ── Attendance ───────────────────────────────────────────────────────────────

export async function selectAttendance(db: DbExecutor, meetingId: string): Promise<Map<string, { status: AttendanceStatus; substitutedByUserId: string | null }>> {
  const result = await db.execute<{ member_id: string; status: AttendanceStatus; substituted_by_user_id: string | null }>(sql`
    select member_id, status, substituted_by_user_id from group_attendance where meeting_id = ${meetingId}::uuid`);
  return new Map(result.rows.map((row) => [row.member_id, { status: row.status, substitutedByUserId: row.substituted_by_user_id }]));
}

export async function upsertAttendance(db: DbExecutor, meetingId: string, entries: { memberId: string; status: AttendanceStatus; substitutedByUserId: string | null }[]): Promise<void> {
  for (const entry of entries) {
    await db.execute(sql`
      insert into group_attendance (meeting_id, member_id, status, substituted_by_user_id)
      values (${meetingId}::uuid, ${entry.memberId}::uuid, ${entry.status}, ${entry.substitutedByUserId}::uuid)
      on conflict (meeting_id, member_id) do update set status = excluded.status, substituted_by_user_id = excluded.substituted_by_user_id`);
  }
}

// ── Minutes ──────────────────────────────────────────────────────────────────

export interface MinutesVersionRow {
  number: number;
  status: MinutesStatus;
  body: string;
  reason: string | null;
  authorUserId: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  version: number;
  updatedAt: string;
}

export async function selectMinutesVersions(db: DbExecutor, meetingId: string, options: { forUpdate?: boolean } = {}): Promise<MinutesVersionRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select number, status, body, reason, author_user_id, published_at, published_by, version, updated_at
    from group_minutes_versions where meeting_id = ${meetingId}::uuid order by number desc ${options.forUpdate ? sql`for update` : sql``}`);
  return result.rows.map((row) => ({
    number: row.number as number,
    status: row.status as MinutesStatus,
    body: row.body as string,
    reason: (row.reason as string | null) ?? null,
    authorUserId: (row.author_user_id as string | null) ?? null,
    publishedAt: isoOrNull(row.published_at),
    publishedBy: (row.published_by as string | null) ?? null,
    version: row.version as number,
    updatedAt: iso(row.updated_at),
  }));
}

/** The first draft, unless another request created it first (null then). */
export async function insertMinutesDraft(db: DbExecutor, meetingId: string, body: string, authorUserId: string | null): Promise<boolean> {
  const result = await db.execute(sql`
    insert into group_minutes_versions (meeting_id, number, status, body, author_user_id)
    values (${meetingId}::uuid, 1, 'draft', ${body}, ${authorUserId}::uuid)
    on conflict (meeting_id, number) do nothing returning number`);
  return result.rows.length === 1;
}

export async function updateMinutesDraft(db: DbExecutor, meetingId: string, number: number, version: number, body: string, authorUserId: string | null): Promise<boolean> {
  const result = await db.execute(sql`
    update group_minutes_versions set body = ${body}, author_user_id = ${authorUserId}::uuid, version = version + 1, updated_at = now()
    where meeting_id = ${meetingId}::uuid and number = ${number} and status = 'draft' and version = ${version} returning number`);
  return result.rows.length === 1;
}

export async function publishMinutesDraft(db: DbExecutor, meetingId: string, number: number, version: number, publishedBy: string | null): Promise<boolean> {
  const result = await db.execute(sql`
    update group_minutes_versions set status = 'published', published_at = now(), published_by = ${publishedBy}::uuid, version = version + 1, updated_at = now()
    where meeting_id = ${meetingId}::uuid and number = ${number} and status = 'draft' and version = ${version} returning number`);
  return result.rows.length === 1;
}

export async function insertPublishedCorrection(db: DbExecutor, meetingId: string, number: number, body: string, reason: string, userId: string | null): Promise<void> {
  await db.execute(sql`
    insert into group_minutes_versions (meeting_id, number, status, body, reason, author_user_id, published_at, published_by)
    values (${meetingId}::uuid, ${number}, 'published', ${body}, ${reason}, ${userId}::uuid, now(), ${userId}::uuid)`);
}

/** The latest published minutes of the group's meetings: meeting id and version number. */
export async function selectLastPublishedMinutes(db: DbExecutor, groupId: string): Promise<{ meetingId: string } | null> {
  const result = await db.execute<{ meeting_id: string }>(sql`
    select v.meeting_id from group_minutes_versions v join group_meetings mt on mt.id = v.meeting_id
    where mt.group_id = ${groupId}::uuid and v.status = 'published' order by mt.starts_at desc, v.number desc limit 1`);
  return result.rows[0] ? { meetingId: result.rows[0].meeting_id } : null;
}

// ── Decisions ────────────────────────────────────────────────────────────────

export interface DecisionRow {
  id: string;
  groupId: string;
  meetingId: string;
  year: number;
  number: number;
  title: string;
  text: string;
  isOfficial: boolean;
  createdAt: string;
}

const decisionColumns = sql`d.id, d.group_id, d.meeting_id, d.year, d.number, d.title, d.text, d.created_at,
  exists (select 1 from group_minutes_versions v where v.meeting_id = d.meeting_id and v.status = 'published') as is_official`;

function toDecisionRow(row: Record<string, unknown>): DecisionRow {
  return {
    id: row.id as string,
    groupId: row.group_id as string,
    meetingId: row.meeting_id as string,
    year: row.year as number,
    number: row.number as number,
    title: row.title as string,
    text: row.text as string,
    isOfficial: row.is_official as boolean,
    createdAt: iso(row.created_at),
  };
}

export async function selectDecisionsOfMeeting(db: DbExecutor, meetingId: string): Promise<DecisionRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${decisionColumns} from group_decisions d where d.meeting_id = ${meetingId}::uuid order by d.year, d.number`);
  return result.rows.map(toDecisionRow);
}

export async function selectDecision(db: DbExecutor, decisionId: string): Promise<DecisionRow | null> {
  const result = await db.execute<Record<string, unknown>>(sql`select ${decisionColumns} from group_decisions d where d.id = ${decisionId}::uuid`);
  return result.rows[0] ? toDecisionRow(result.rows[0]) : null;
}

/**
 * The next decision number of the group in the year: the counter row is created or incremented in the caller's
 * transaction, so a concurrent decision waits on its row lock and numbers never repeat nor skip (a rolled-back
 * decision rolls its number back too).
 */
export async function nextDecisionNumber(db: DbExecutor, groupId: string, year: number): Promise<number> {
  const result = await db.execute<{ last_number: number }>(sql`
    insert into group_decision_counters (group_id, year, last_number) values (${groupId}::uuid, ${year}, 1)
    on conflict (group_id, year) do update set last_number = group_decision_counters.last_number + 1
    returning last_number`);
  return result.rows[0]!.last_number;
}

export async function insertDecision(db: DbExecutor, decision: { groupId: string; meetingId: string; year: number; number: number; title: string; text: string }): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into group_decisions (group_id, meeting_id, year, number, title, text)
    values (${decision.groupId}::uuid, ${decision.meetingId}::uuid, ${decision.year}, ${decision.number}, ${decision.title}, ${decision.text})
    returning id`);
  return result.rows[0]!.id;
}

// ── Actions ──────────────────────────────────────────────────────────────────

export interface ActionRow {
  id: string;
  groupId: string;
  groupName: string;
  districtId: string;
  meetingId: string;
  meetingTitle: string;
  decisionId: string | null;
  decisionYear: number | null;
  decisionNumber: number | null;
  title: string;
  description: string;
  ownerUserId: string;
  ownerOrganizationId: string;
  ownerOrganizationName: string;
  dueOn: string;
  status: ActionStatus;
  noticedOn: string | null;
  noticedDueOn: string | null;
  version: number;
}

const actionColumns = sql`a.id, a.group_id, g.name as group_name, g.district_id, a.meeting_id, mt.title as meeting_title, a.decision_id, d.year as decision_year,
  d.number as decision_number, a.title, a.description, a.owner_user_id, a.owner_organization_id, o.legal_name as owner_organization_name,
  a.due_on::text as due_on, a.status, a.overdue_noticed_on::text as noticed_on, a.overdue_noticed_due_on::text as noticed_due_on, a.version`;
const actionFrom = sql`group_actions a join working_groups g on g.id = a.group_id join group_meetings mt on mt.id = a.meeting_id
  join organization_names o on o.id = a.owner_organization_id left join group_decisions d on d.id = a.decision_id`;

function toActionRow(row: Record<string, unknown>): ActionRow {
  return {
    id: row.id as string,
    groupId: row.group_id as string,
    groupName: row.group_name as string,
    districtId: row.district_id as string,
    meetingId: row.meeting_id as string,
    meetingTitle: row.meeting_title as string,
    decisionId: (row.decision_id as string | null) ?? null,
    decisionYear: (row.decision_year as number | null) ?? null,
    decisionNumber: (row.decision_number as number | null) ?? null,
    title: row.title as string,
    description: row.description as string,
    ownerUserId: row.owner_user_id as string,
    ownerOrganizationId: row.owner_organization_id as string,
    ownerOrganizationName: row.owner_organization_name as string,
    dueOn: row.due_on as string,
    status: row.status as ActionStatus,
    noticedOn: (row.noticed_on as string | null) ?? null,
    noticedDueOn: (row.noticed_due_on as string | null) ?? null,
    version: row.version as number,
  };
}

export async function selectActions(
  db: DbExecutor,
  filter: { groupId?: string; meetingId?: string; ownerUserId?: string; actionId?: string; statuses?: ActionStatus[] },
  options: { forUpdate?: boolean } = {},
): Promise<ActionRow[]> {
  const conditions: SQL[] = [];
  if (filter.groupId) conditions.push(sql`a.group_id = ${filter.groupId}::uuid`);
  if (filter.meetingId) conditions.push(sql`a.meeting_id = ${filter.meetingId}::uuid`);
  if (filter.ownerUserId) conditions.push(sql`a.owner_user_id = ${filter.ownerUserId}::uuid`);
  if (filter.actionId) conditions.push(sql`a.id = ${filter.actionId}::uuid`);
  if (filter.statuses) conditions.push(sql`a.status = any(${sql.param(filter.statuses)}::text[])`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${actionColumns} from ${actionFrom} ${where} order by a.due_on, a.created_at, a.id ${options.forUpdate ? sql`for update of a` : sql``}`);
  return result.rows.map(toActionRow);
}

export async function insertAction(
  db: DbExecutor,
  action: { groupId: string; meetingId: string; decisionId: string | null; title: string; description: string; ownerUserId: string; ownerOrganizationId: string; dueOn: string; isDemo: boolean },
): Promise<string> {
  const result = await db.execute<{ id: string }>(sql`
    insert into group_actions (group_id, meeting_id, decision_id, title, description, owner_user_id, owner_organization_id, due_on, is_demo)
    values (${action.groupId}::uuid, ${action.meetingId}::uuid, ${action.decisionId}::uuid, ${action.title}, ${action.description},
            ${action.ownerUserId}::uuid, ${action.ownerOrganizationId}::uuid, ${action.dueOn}::date, ${action.isDemo})
    returning id`);
  return result.rows[0]!.id;
}

export async function updateAction(
  db: DbExecutor,
  actionId: string,
  version: number,
  values: { title: string; description: string; ownerUserId: string; ownerOrganizationId: string; dueOn: string; status: ActionStatus },
): Promise<boolean> {
  const result = await db.execute(sql`
    update group_actions set title = ${values.title}, description = ${values.description}, owner_user_id = ${values.ownerUserId}::uuid,
      owner_organization_id = ${values.ownerOrganizationId}::uuid, due_on = ${values.dueOn}::date, status = ${values.status},
      version = version + 1, updated_at = now()
    where id = ${actionId}::uuid and version = ${version} returning id`);
  return result.rows.length === 1;
}

/** Open or in-progress actions due before `today`, for the overdue notices. */
export async function selectOverdueActions(db: DbExecutor, today: string): Promise<ActionRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select ${actionColumns} from ${actionFrom}
    where a.status in ('open', 'in_progress') and a.due_on < ${today}::date order by a.due_on, a.id`);
  return result.rows.map(toActionRow);
}

/**
 * Records today's notice of an overdue action, only if nobody recorded it meanwhile (another process of the same run):
 * the row still carries the notice state the caller decided on.
 */
export async function markOverdueNoticed(db: DbExecutor, action: ActionRow, today: string): Promise<boolean> {
  const result = await db.execute(sql`
    update group_actions set overdue_noticed_on = ${today}::date, overdue_noticed_due_on = due_on
    where id = ${action.id}::uuid and due_on = ${action.dueOn}::date
      and overdue_noticed_on is not distinct from ${action.noticedOn}::date
      and overdue_noticed_due_on is not distinct from ${action.noticedDueOn}::date
    returning id`);
  return result.rows.length === 1;
}

/** Open and overdue actions the person owns (counts for the home). */
export async function countOwnActions(db: DbExecutor, userId: string, today: string): Promise<{ open: number; overdue: number }> {
  const result = await db.execute<{ open: number; overdue: number }>(sql`
    select count(*)::int as open, count(*) filter (where due_on < ${today}::date)::int as overdue
    from group_actions where owner_user_id = ${userId}::uuid and status in ('open', 'in_progress')`);
  return result.rows[0] ?? { open: 0, overdue: 0 };
}

// ── Calendar feed tokens ─────────────────────────────────────────────────────

export async function replaceFeedToken(db: DbExecutor, groupId: string, userId: string, tokenHash: string): Promise<string> {
  const result = await db.execute<{ created_at: unknown }>(sql`
    insert into group_feed_tokens (group_id, user_id, token_hash) values (${groupId}::uuid, ${userId}::uuid, ${tokenHash})
    on conflict (group_id, user_id) do update set token_hash = excluded.token_hash, created_at = now()
    returning created_at`);
  return iso(result.rows[0]!.created_at);
}

export async function deleteFeedToken(db: DbExecutor, groupId: string, userId: string): Promise<boolean> {
  const result = await db.execute(sql`delete from group_feed_tokens where group_id = ${groupId}::uuid and user_id = ${userId}::uuid returning group_id`);
  return result.rows.length === 1;
}

export async function selectFeedToken(db: DbExecutor, tokenHash: string): Promise<{ groupId: string; userId: string } | null> {
  const result = await db.execute<{ group_id: string; user_id: string }>(sql`select group_id, user_id from group_feed_tokens where token_hash = ${tokenHash}`);
  return result.rows[0] ? { groupId: result.rows[0].group_id, userId: result.rows[0].user_id } : null;
}
